import * as z from 'zod/mini';

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * The public answer to a registration: a reference and what happens next.
 * A response, so checked for shape only (see `Fields`); apart from
 * `registrationInputSchema` so the finder, whose client can register
 * groups, does not download the input's checks.
 */
export const registrationReceiptSchema = /* @__PURE__ */ z.object({
  reference: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  /** An ISO 8601 instant. */
  receivedAt: z.string(),
});

export type RegistrationReceipt = z.infer<typeof registrationReceiptSchema>;
