import * as z from 'zod/mini';
import { groupInputSchema } from './group-input.js';
import { submittedGroupSchema, type Schedule } from './group.js';
import { notInThePast } from './schedule-checks.js';
import { REGISTRATION_STATUSES } from './registration-receipt.js';
import { queryNumber } from './query.js';
import { emailAddress, identifier, optionalText, phoneNumber, plainText } from './text.js';

/** The languages the directory writes emails in. */
export const EMAIL_LANGUAGES = ['en', 'es', 'cy'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** The person registering a group. Private: never in a public response. */
export const registrantSchema = /* @__PURE__ */ z.object({
  name: plainText(120, 'Enter your name'),
  email: emailAddress,
  phone: z.optional(phoneNumber),
  role: optionalText(120),
  /** The language to email them in (default English): the form sends its own. */
  language: z.optional(z.enum(EMAIL_LANGUAGES)),
});

/** What the registrant agreed to. Both must be given. */
export const consentSchema = /* @__PURE__ */ z.object({
  storeData: z.literal(true, { error: 'Agree to the directory storing these details' }),
  noMedicalAdvice: z.literal(true, { error: 'Confirm that the group gives no medical advice' }),
});

/** `POST /v1/registrations`: a new group, or changes to a published one. */
export const registrationInputSchema = /* @__PURE__ */ z
  .object({
    group: groupInputSchema,
    /** Set to ask for changes to a published group rather than add a new one. */
    updatesGroupId: z.optional(identifier),
    registrant: registrantSchema,
    consent: consentSchema,
    /** Left empty by people; filled in by bots that complete every field. */
    trap: z.optional(z.string().check(z.maxLength(200))),
  })
  .check(
    // A new group's rules start in the future; a change keeps the date the group began on.
    notInThePast(
      (r: { group: { schedule: Schedule }; updatesGroupId?: string | undefined }) => r.group.schedule,
      ['group', 'schedule'],
      (r) => r.updatesGroupId === undefined,
    ),
  );

/** A moderator's decision on a registration. */
export const decisionSchema = /* @__PURE__ */ z.object({
  by: z.string(),
  at: z.string(),
  reason: z.optional(z.string()),
});

/**
 * A registration as directory staff see it (admin routes only). Shape only,
 * like every response: its content was checked when it was submitted, and
 * the staff pages and the SDK would otherwise download every input check.
 */
export const registrationSchema = /* @__PURE__ */ z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  receivedAt: z.string(),
  group: submittedGroupSchema,
  updatesGroupId: z.optional(z.string()),
  registrant: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.optional(z.string()),
    role: z.optional(z.string()),
    language: z.optional(z.enum(EMAIL_LANGUAGES)),
  }),
  consent: z.object({ storeData: z.literal(true), noMedicalAdvice: z.literal(true), at: z.string() }),
  decision: z.optional(decisionSchema),
  /** The published group, once approved. */
  groupId: z.optional(z.string()),
});

/** `POST /v1/admin/registrations/{id}/reject` */
export const rejectionSchema = /* @__PURE__ */ z.object({
  reason: plainText(1000, 'Give a reason the registrant will understand'),
});

/** One entry in the moderation log. */
export const auditEntrySchema = /* @__PURE__ */ z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.enum(['approve', 'reject', 'edit', 'archive']),
  subject: z.string(),
  detail: z.optional(z.string()),
});

/** `GET /v1/admin/registrations?status=` */
export const registrationListQuerySchema = /* @__PURE__ */ z.object({ status: z.optional(z.enum(REGISTRATION_STATUSES)) });

/** The answer of `GET /v1/admin/registrations`. */
export const registrationListSchema = /* @__PURE__ */ z.object({ registrations: z.array(registrationSchema) });

/** Most entries `GET /v1/admin/audit` returns at once. */
export const MAX_AUDIT_ENTRIES = 1000;

/** `GET /v1/admin/audit?limit=` */
export const auditQuerySchema = /* @__PURE__ */ z.object({ limit: z.optional(queryNumber(1, MAX_AUDIT_ENTRIES, true)) });

/** The answer of `GET /v1/admin/audit`: the moderation log, newest first. */
export const auditLogSchema = /* @__PURE__ */ z.object({ entries: z.array(auditEntrySchema) });

export type Registrant = z.infer<typeof registrantSchema>;
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
