import * as z from 'zod/mini';

/** One invalid field: `pointer` is a JSON Pointer into the request (query or body). */
export const fieldErrorSchema = /* @__PURE__ */ z.object({
  pointer: z.string(),
  detail: z.string(),
});

/** An API error, as RFC 9457 problem details (`application/problem+json`). */
export const problemSchema = /* @__PURE__ */ z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** For validation problems: every invalid field. */
  errors: z.optional(z.array(fieldErrorSchema)),
});

/** Problem `type` URIs the API uses; relative, resolved against the API's base. */
export const PROBLEM_TYPES = {
  validation: '/problems/validation',
  notFound: '/problems/not-found',
  unknownPlace: '/problems/unknown-place',
  rateLimited: '/problems/rate-limited',
  unauthorized: '/problems/unauthorized',
  conflict: '/problems/conflict',
  tooLarge: '/problems/too-large',
  unavailable: '/problems/unavailable',
  internal: '/problems/internal',
} as const;

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;
