/**
 * A local SMTP server over real TCP (smtp-server, from the nodemailer
 * project): the stand-in for a mail provider. It keeps every message it
 * accepts, parsed with mailparser, so tests read what people would get.
 * It can refuse, to show retries.
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** One message as it arrived. */
export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  from: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** A header exactly as sent (unfolded), e.g. `header('List-Unsubscribe')`. */
  header(name: string): string | undefined;
  raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT` */
  url: string;
  messages: ReceivedMail[];
  /** Resolves once at least `n` messages have arrived (rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuse messages to recipients `refuse` returns a reply for, e.g. `451 Try again later`. */
  refuse: (recipient: string) => { code: number; message: string } | undefined;
  /** Milliseconds to wait before accepting each recipient: a slower provider, so more of a send is in flight. */
  rcptDelayMs: number;
  /** Connection errors, e.g. a client killed mid-message (ECONNRESET). */
  errors: Error[];
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const state: TestSmtpServer = {
    url: '',
    messages,
    refuse: () => undefined,
    rcptDelayMs: 0,
    errors: [],
    waitFor(n, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= n) {
            clearTimeout(timer);
            resolve(messages);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => reject(new Error(`${messages.length} of ${n} messages arrived in ${timeoutMs} ms`)), timeoutMs);
        const wait = () => {
          if (!check()) waiters.push(wait);
        };
        wait();
      });
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const answer = () => {
        const refusal = state.refuse(address.address);
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      };
      if (state.rcptDelayMs > 0) setTimeout(answer, state.rcptDelayMs);
      else answer();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          messageId: parsed.messageId ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          headers: parsed.headers,
          header: (name) =>
            parsed.headerLines
              .find((h) => h.key === name.toLowerCase())
              ?.line.slice(name.length + 1)
              .replace(/\r?\n[ \t]+/g, ' ')
              .trim(),
          raw,
        });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  // A client that dies mid-conversation (the kill -9 tests) is an error of that connection, not of the server.
  server.on('error', (error: Error) => state.errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
