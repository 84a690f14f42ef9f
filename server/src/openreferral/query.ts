/**
 * The feed's query parameters: those of the Open Referral UK profile
 * (`profile/openapi.json`) and of HSDS 3.0 (`schema/openapi.json`) that our
 * data can answer, checked at the edge like every other route's.
 * @module
 */
import { z } from 'zod/mini';

/** Largest page the feed serves. */
export const MAX_PER_PAGE = 200;
/** Page size when a request names none. */
export const DEFAULT_PER_PAGE = 50;

const whole = (min: number, max: number) => z.coerce.number().check(z.int(), z.gte(min), z.lte(max));
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Use a time like 18:30'));
const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

const DAYS: Record<string, string> = {
  mo: 'MO',
  monday: 'MO',
  tu: 'TU',
  tuesday: 'TU',
  we: 'WE',
  wednesday: 'WE',
  th: 'TH',
  thursday: 'TH',
  fr: 'FR',
  friday: 'FR',
  sa: 'SA',
  saturday: 'SA',
  su: 'SU',
  sunday: 'SU',
};

/** Paging, as every list endpoint takes it. */
export const pageQuery = {
  page: z.optional(whole(1, 1_000_000)),
  per_page: z.optional(whole(1, MAX_PER_PAGE)),
};

/** `/services` and the filters `/service_at_locations` shares. */
export const serviceQuerySchema = z.object({
  ...pageQuery,
  search: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  taxonomy_term_id: z.optional(id),
  taxonomy_id: z.optional(id),
  organization_id: z.optional(id),
  modified_after: z.optional(z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-01-31T12:00:00Z' })),
  /** Our groups state no ages: accepted, and no group is left out for them. */
  minimum_age: z.optional(z.coerce.number().check(z.gte(0), z.lte(150))),
  maximum_age: z.optional(z.coerce.number().check(z.gte(0), z.lte(150))),
  start_time: z.optional(time),
  end_time: z.optional(time),
  day: z.optional(
    z.pipe(
      z.string().check(z.refine((d) => d.trim().toLowerCase() in DAYS, 'Use a day such as MO or Monday')),
      z.transform((d: string) => DAYS[d.trim().toLowerCase()]!),
    ),
  ),
});

/** `/service_at_locations`: the service filters, and a postcode with a distance in metres. */
export const serviceAtLocationQuerySchema = z.extend(serviceQuerySchema, {
  postcode: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(12))),
  proximity: z.optional(z.coerce.number().check(z.gt(0), z.lte(1_000_000))),
});

/** `/taxonomy_terms`: paging, and optionally one taxonomy's terms. */
export const termQuerySchema = z.object({
  ...pageQuery,
  taxonomy_id: z.optional(id),
  search: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});

export const listQuerySchema = z.object({
  ...pageQuery,
  search: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});

export const idParams = z.object({ id });

export type ServiceQuery = z.output<typeof serviceQuerySchema>;
