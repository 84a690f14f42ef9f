import * as z from 'zod/mini';
import { QUESTIONS } from './taxonomy.js';

const termSchema = /* @__PURE__ */ z.object({ code: z.string(), label: z.string(), description: z.optional(z.string()) });

/** `GET /v1/taxonomy`: labels for every code, the 8 questions, the operator's quality principles. */
export const taxonomyResponseSchema = /* @__PURE__ */ z.object({
  conditions: z.array(termSchema),
  audiences: z.array(termSchema),
  formats: z.array(termSchema),
  models: z.array(termSchema),
  functions: z.array(termSchema),
  leaders: z.array(termSchema),
  questions: z.array(
    z.object({
      key: z.enum(QUESTIONS.map((q) => q.key) as [string, ...string[]]),
      number: z.int(),
      text: z.string(),
      kind: z.enum(['text', 'yes-no', 'cost']),
    }),
  ),
  /** Quality principles configured by this directory's operator; none are built in. */
  principles: z.array(termSchema),
  /** What this directory does beyond search: pages promise emails only when `email` is true. */
  features: z.object({
    /** The server sends email (registrant emails, reminders); false when it has no SMTP server. */
    email: z.boolean(),
  }),
});

export type TaxonomyResponse = z.infer<typeof taxonomyResponseSchema>;
