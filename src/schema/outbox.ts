import { z } from 'zod/mini';

/** Every kind of email the directory sends. */
export const MAIL_KINDS = [
  'registration-received',
  'registration-published',
  'registration-rejected',
  'registration-updated',
  'reminder-confirm',
  'reminder',
  'meeting-cancelled',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Where an email is in the outbox. */
export const OUTBOX_STATES = ['waiting', 'sent', 'failed'] as const;

/** A queued email as staff see it (`GET /v1/admin/outbox`): never its content. */
export const outboxEntrySchema = /* @__PURE__ */ z.object({
  id: z.number(),
  kind: z.enum(MAIL_KINDS),
  /** The address, until the email is sent. */
  recipient: z.nullable(z.string()),
  createdAt: z.string(),
  attempts: z.number(),
  /** The SMTP server's last refusal, for `failed` (given up) and retried emails. */
  lastError: z.nullable(z.string()),
  state: z.enum(OUTBOX_STATES),
  sentAt: z.nullable(z.string()),
  failedAt: z.nullable(z.string()),
});

export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
