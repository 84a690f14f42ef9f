/**
 * The outbox worker: sends queued emails and marks them sent, retrying SMTP
 * failures with growing waits and giving up (for staff to see) after the
 * last attempt; it also queues reminders as they fall due.
 *
 * Delivery is at least once with one Message-ID per email. An email is
 * marked sent right after the server accepts it; a process killed between
 * the two (a window of a few milliseconds, RFC 1047) sends it again after
 * restart, with the same Message-ID, which mail systems recognise as a
 * repeat. Killed at any other point, nothing is lost and nothing repeated:
 * unsent emails stay queued, and a claim expires with its lease.
 * @module
 */
import type { Store, ReminderStep } from '../store/store.js';
import type { MailTransport } from './transport.js';

/** What the worker reports, for logs and tests. */
export type MailEvent =
  | { type: 'sending' | 'sent'; id: number; messageId: string }
  | { type: 'retry' | 'failed'; id: number; messageId: string; error: string }
  /** A round could not run (the store unreachable or closing); the next round tries again. */
  | { type: 'error'; error: string };

/** How the worker runs. */
export interface MailWorkerOptions {
  store: Store;
  transport: MailTransport;
  /** Queues due reminders each round (absent: none). */
  reminders?: ReminderStep;
  /** How often to look for due emails when none arrive (default 5 s). */
  pollMs?: number;
  /** Emails claimed at once (default 10). */
  batch?: number;
  /** How long a claim holds (default 2 min): longer than any SMTP exchange. */
  leaseMs?: number;
  /** Attempts before giving up (default 8). */
  maxAttempts?: number;
  /** The wait before attempt `n + 1` after `n` failed (default 30 s doubling, at most 6 h). */
  backoffMs?: (attempts: number) => number;
  /** Days an unconfirmed reminder request is kept (default 7). */
  unconfirmedDays?: number;
  onEvent?: (event: MailEvent) => void;
  now?: () => number;
}

const defaultBackoff = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 6 * 3_600_000);

/** Sends the outbox; `start` it once per process. */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: MailWorkerOptions) {}

  /** Starts the rounds; the embedded store first lets go of claims a killed process left. */
  async start(releaseClaims: boolean): Promise<void> {
    if (releaseClaims) await this.options.store.releaseMailClaims();
    this.stopped = false;
    this.wake();
  }

  /** Runs a round now (after a change that queued an email), or right after the one running. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 5_000);
    });
  }

  /** Stops after the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.options.transport.close();
  }

  private async round(): Promise<void> {
    const { store, reminders, batch = 10, leaseMs = 120_000, unconfirmedDays = 7, now = Date.now } = this.options;
    try {
      if (reminders) {
        while ((await store.sendDueReminders(now(), batch, reminders)) === batch);
        await store.sweepReminders(unconfirmedDays);
      }
      for (;;) {
        const claimed = await store.claimMail(batch, leaseMs);
        for (const mail of claimed) await this.send(mail);
        if (claimed.length < batch) break;
      }
    } catch (error) {
      this.options.onEvent?.({ type: 'error', error: String(error) });
    }
  }

  private async send(mail: Awaited<ReturnType<Store['claimMail']>>[number]): Promise<void> {
    const { store, transport, maxAttempts = 8, backoffMs = defaultBackoff, onEvent, now = Date.now } = this.options;
    onEvent?.({ type: 'sending', id: mail.id, messageId: mail.messageId });
    try {
      await transport.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = mail.attempts >= maxAttempts;
      await store.markMailFailed(mail.id, message, last ? undefined : now() + backoffMs(mail.attempts));
      onEvent?.({ type: last ? 'failed' : 'retry', id: mail.id, messageId: mail.messageId, error: message });
      return;
    }
    await store.markMailSent(mail.id);
    onEvent?.({ type: 'sent', id: mail.id, messageId: mail.messageId });
  }
}
