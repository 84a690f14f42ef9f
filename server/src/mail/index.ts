/**
 * Email for the server: what it says (registrant-mail.ts, reminder-mail.ts),
 * how it is laid out (compose.ts), the outbox worker that sends it
 * (worker.ts) over SMTP (transport.ts). Absent when SMTP_URL is unset.
 * @module
 */
import type { MailConfig } from '../config.js';
import type { Store } from '../store/store.js';
import { registrantMail, type RegistrantMail } from './registrant-mail.js';
import { reminderMail, type ReminderMail } from './reminder-mail.js';
import { smtpTransport } from './transport.js';
import { MailWorker, type MailWorkerOptions } from './worker.js';

export type { OutgoingMail, OutboxEntry, MailKind } from './outgoing.js';
export { MAIL_KINDS } from './outgoing.js';
export { MailWorker, type MailEvent, type MailWorkerOptions } from './worker.js';

/** Everything the routes need to queue email, and the worker that sends it. */
export interface MailService {
  registrant: RegistrantMail;
  reminders: ReminderMail;
  worker: MailWorker;
}

/** Tuning the worker (tests shorten its waits). */
export type WorkerTuning = Omit<MailWorkerOptions, 'store' | 'transport' | 'reminders'>;

/** The mail service for a configuration; its worker is not started yet. */
export function createMailService(config: MailConfig, store: Store, tuning: WorkerTuning = {}): MailService {
  const settings = {
    from: config.from,
    publicUrl: config.publicUrl,
    groupUrl: (id: string) => config.groupPageUrl.replace('{id}', encodeURIComponent(id)),
  };
  const reminders = reminderMail(settings, tuning.now);
  const leaseMs = tuning.leaseMs ?? 120_000;
  // The SMTP exchange gives up well inside the lease, so no claim expires while its email is being sent.
  const transport = smtpTransport(config.smtpUrl, config.from, { connectionTimeout: leaseMs / 4, socketTimeout: leaseMs / 2 });
  return {
    registrant: registrantMail(settings),
    reminders,
    worker: new MailWorker({ ...tuning, leaseMs, store, transport, reminders: reminders.step }),
  };
}
