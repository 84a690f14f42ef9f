/**
 * Sending one queued email over SMTP with nodemailer (`SMTP_URL`, e.g.
 * `smtp://user:pass@mail.example.org:587` or `smtps://…:465`).
 * @module
 */
import nodemailer from 'nodemailer';
import type { QueuedMail } from './outgoing.js';

/** Something that hands an email to a mail server; resolves once the server has accepted it. */
export interface MailTransport {
  send(mail: QueuedMail): Promise<void>;
  close(): void;
}

/** Limits on one SMTP exchange: below the outbox lease, so a claim never expires mid-send. */
export interface SmtpTimeouts {
  connectionTimeout?: number;
  socketTimeout?: number;
}

/** An SMTP transport sending from `from`. */
export function smtpTransport(url: string, from: string, timeouts: SmtpTimeouts = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeouts.connectionTimeout ?? 30_000,
    greetingTimeout: timeouts.connectionTimeout ?? 30_000,
    socketTimeout: timeouts.socketTimeout ?? 60_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers ?? {},
      });
    },
    close: () => transporter.close(),
  };
}
