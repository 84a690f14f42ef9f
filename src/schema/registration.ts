import * as z from 'zod/mini';
import { groupInputSchema } from './group-input.js';
import { REGISTRATION_STATUSES } from './registration-receipt.js';
import { emailAddress, identifier, optionalText, phoneNumber, plainText } from './text.js';

/** The person registering a group. Private: never in a public response. */
export const registrantSchema = /* @__PURE__ */ z.object({
  name: plainText(120, 'Enter your name'),
  email: emailAddress,
  phone: z.optional(phoneNumber),
  role: optionalText(120),
});

/** What the registrant agreed to. Both must be given. */
export const consentSchema = /* @__PURE__ */ z.object({
  storeData: z.literal(true, { error: 'Agree to the directory storing these details' }),
  noMedicalAdvice: z.literal(true, { error: 'Confirm that the group gives no medical advice' }),
});

/** `POST /v1/registrations`: a new group, or changes to a published one. */
export const registrationInputSchema = /* @__PURE__ */ z.object({
  group: groupInputSchema,
  /** Set to ask for changes to a published group rather than add a new one. */
  updatesGroupId: z.optional(identifier),
  registrant: registrantSchema,
  consent: consentSchema,
  /** Left empty by people; filled in by bots that complete every field. */
  trap: z.optional(z.string().check(z.maxLength(200))),
});

/** A moderator's decision on a registration. */
export const decisionSchema = /* @__PURE__ */ z.object({
  by: z.string(),
  at: z.iso.datetime(),
  reason: z.optional(z.string()),
});

/** A registration as directory staff see it (admin routes only). */
export const registrationSchema = /* @__PURE__ */ z.object({
  id: identifier,
  reference: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  receivedAt: z.iso.datetime(),
  group: groupInputSchema,
  updatesGroupId: z.optional(identifier),
  registrant: registrantSchema,
  consent: z.extend(consentSchema, { at: z.iso.datetime() }),
  decision: z.optional(decisionSchema),
  /** The published group, once approved. */
  groupId: z.optional(identifier),
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

export type Registrant = z.infer<typeof registrantSchema>;
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
