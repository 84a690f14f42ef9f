/** What the store queues and the worker sends: one email to one person, rendered. */

import type { MailKind } from 'peer-directory/schema';

export { MAIL_KINDS, type MailKind, type OutboxEntry } from 'peer-directory/schema';

/** One email to one person, rendered in their language. */
export interface OutgoingMail {
  kind: MailKind;
  /** The Message-ID header, `<unique@sender-domain>`: the same on every attempt. */
  messageId: string;
  /** The one recipient: no email carries anyone else's address. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  /** The reminder subscription it belongs to: unsent, it goes when the subscription does. */
  subscriptionId?: string;
}

/** A queued email as the worker claims it. */
export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
}
