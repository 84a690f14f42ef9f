import { z } from 'zod/mini';
import { EMAIL_LANGUAGES } from './registration.js';
import { emailAddress } from './text.js';

/** When a reminder may come: a week, a day or an hour before a meeting. */
export const REMINDER_TIMES = ['week', 'day', 'hour'] as const;
export type ReminderTime = (typeof REMINDER_TIMES)[number];

/** Minutes before a meeting of each reminder time. */
export const REMINDER_MINUTES: Record<ReminderTime, number> = { week: 7 * 24 * 60, day: 24 * 60, hour: 60 };

/**
 * `POST /v1/groups/{id}/reminders`: "Remind me about this meeting". Built in
 * a pure function so that pages which never ask for reminders (the SDK's
 * other users) drop it with its email check.
 */
export const reminderRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    email: emailAddress,
    reminders: z
      .array(z.enum(REMINDER_TIMES, { error: 'Choose when to be reminded' }))
      .check(z.minLength(1, 'Choose when to be reminded'), z.maxLength(REMINDER_TIMES.length)),
    /** One meeting, by its local start as `GET /v1/groups/{id}/meetings` lists it; absent: every meeting until I stop. */
    meeting: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose one of the group’s meetings'))),
    /** The language to write in (default English). */
    language: z.optional(z.enum(EMAIL_LANGUAGES)),
  }))();

/** The answer to a reminder request: the same whether or not the address already had one, so it reveals nothing. */
export const reminderReceiptSchema = /* @__PURE__ */ z.object({ status: z.literal('confirmation-sent') });

/** The answer to a confirm or unsubscribe link followed by a program (`Accept: application/json`). */
export const reminderLinkResultSchema = /* @__PURE__ */ z.object({
  status: z.enum(['confirmed', 'ended', 'unsubscribed', 'unknown']),
});

export type ReminderRequest = z.infer<typeof reminderRequestSchema>;
export type ReminderReceipt = z.infer<typeof reminderReceiptSchema>;
export type ReminderLinkResult = z.infer<typeof reminderLinkResultSchema>;
