import * as z from 'zod/mini';
import { EVERYWHERE_QUERY_KEYS, FILTER_KEYS, MAX_LIMIT, MAX_RADIUS } from './search-constants.js';
import { UNITS } from './countries.js';
import { audienceCodes, conditionCodes, formatCodes, modelCodes } from './taxonomy.js';
import { groupSchema, type Group } from './group.js';
import { geocodeResultSchema } from './geocode.js';
import { queryNumber } from './query.js';
import { storableText } from './text.js';

// Query strings carry lists as `a,b` and booleans as `true`/`false`; the same
// schema parses them on the server and types the SDK's search options.
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.pipe(
      z.transform((v: string | string[]) =>
        (Array.isArray(v) ? v : v.split(','))
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      z.array(z.enum(values)),
    ),
  );
const flag = /* @__PURE__ */ z.union([z.boolean(), z.stringbool()]);

const searchQueryShape = /* @__PURE__ */ z.object({
  /** A UK postcode, US ZIP code or place, geocoded by the server. */
  near: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100), storableText)),
  lat: z.optional(queryNumber(-90, 90)),
  lng: z.optional(queryNumber(-180, 180)),
  radius: z.optional(queryNumber(0.1, MAX_RADIUS)),
  units: z.optional(z.enum(UNITS)),
  condition: z.optional(list(conditionCodes)),
  audience: z.optional(list(audienceCodes)),
  format: z.optional(list(formatCodes)),
  model: z.optional(list(modelCodes)),
  free: z.optional(flag),
  family: z.optional(flag),
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/, 'Use a two- or three-letter language code'))),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100), storableText)),
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor from this API'))),
  limit: z.optional(queryNumber(1, MAX_LIMIT, true)),
});

/** A search of the directory, as `GET /v1/groups` query parameters. */
export const searchQuerySchema = /* @__PURE__ */ searchQueryShape.check(
  z.refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    path: ['lat'],
    message: 'Give both lat and lng, or neither',
  }),
  z.refine((q) => !(q.near && q.lat !== undefined), {
    path: ['near'],
    message: 'Give either near or lat and lng, not both',
  }),
);

/** The parts of the search query named by `keys`, as `z.pick` takes them. */
const maskOf = <K extends keyof typeof searchQueryShape.shape>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, true])) as Record<K, true>;

/** Search options as the SDK and elements write them (lists as arrays). */
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** A search's filters: a finder's filter state, its address and its presets all read and write this. */
export const searchFiltersSchema = /* @__PURE__ */ z.pick(searchQueryShape, /* @__PURE__ */ maskOf(FILTER_KEYS));
export type SearchFilters = z.output<typeof searchFiltersSchema>;

/**
 * A page of the online and telephone groups open to everyone, as
 * `GET /v1/everywhere` query parameters: a search's filters and words, and
 * no place, since these groups are the same wherever people search from.
 */
export const everywhereQuerySchema = /* @__PURE__ */ z.pick(searchQueryShape, /* @__PURE__ */ maskOf(EVERYWHERE_QUERY_KEYS));
export type EverywhereQuery = z.output<typeof everywhereQuerySchema>;

/** Where a search measures from: a place people typed, or a device's location. */
export type SearchOrigin = { near: string } | { lat: number; lng: number };

/** The query parameters a search is shared by (a page's address): every one but paging. */
export const SHARED_SEARCH_KEYS = /* @__PURE__ */ Object.keys(searchQueryShape.shape).filter(
  (k) => k !== 'cursor' && k !== 'limit',
) as (keyof SearchQuery)[];

/**
 * What a list of results shows of a group: enough for its card (name,
 * summary, where, when, who for, cost, how it meets, and its languages, so
 * its own words are marked up in the language they are written in). The same fields, in
 * the same places, as in the full `Group` (so a `Group` is a
 * `GroupSummary`); read the rest with `GET /v1/groups/{id}`. A page of ten
 * full groups would be about 14 KB of JSON, ten summaries are about 5 KB.
 */
export const groupSummarySchema = /* @__PURE__ */ z.extend(
  z.pick(groupSchema, {
    id: true,
    name: true,
    summary: true,
    conditions: true,
    audiences: true,
    formats: true,
    languages: true,
    location: true,
    servesEverywhere: true,
    serviceArea: true,
  }),
  {
    schedule: z.pick(groupSchema.shape.schedule, { timeZone: true, rules: true, note: true }),
    answers: z.pick(groupSchema.shape.answers, { cost: true }),
  },
);

/** A group found near the search origin. */
export const groupHitSchema = /* @__PURE__ */ z.extend(groupSummarySchema, {
  /** Distance from the search origin, in the result's units. */
  distance: z.number(),
});

/** Online and telephone groups in one search result, before "show all". */
export const EVERYWHERE_IN_SEARCH = 3;

/**
 * Online and telephone groups open to people anywhere that match a search's
 * filters, by name, a page at a time: `GET /v1/everywhere`, and the first
 * few in every search result.
 */
export const everywherePageSchema = /* @__PURE__ */ z.object({
  groups: z.array(groupSummarySchema),
  /** How many such groups match the filters, on every page. */
  total: z.number(),
  /** Pass as `cursor` to `GET /v1/everywhere` (with the same filters) for the next groups; null after the last. */
  nextCursor: z.nullable(z.string()),
});

/** One page of search results. */
export const searchResultSchema = /* @__PURE__ */ z.object({
  /** Where distances are measured from; absent when the search named no place. */
  origin: z.optional(geocodeResultSchema),
  radius: z.number(),
  units: z.enum(UNITS),
  /** Groups that meet in person (or serve an area), nearest first. */
  groups: z.array(groupHitSchema),
  /** Pass as `cursor` to get the next page of `groups`; null on the last page. */
  nextCursor: z.nullable(z.string()),
  /**
   * On the first page only: the first {@link EVERYWHERE_IN_SEARCH} online and
   * telephone groups open to people anywhere that match the filters, their
   * total, and the cursor for the rest from `GET /v1/everywhere`. They are
   * the same in every search, so they are listed apart and not resent in full.
   */
  everywhere: z.optional(everywherePageSchema),
});

export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type GroupHit = z.infer<typeof groupHitSchema>;
export type EverywherePage = z.infer<typeof everywherePageSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;

/**
 * The summary of a group, as search results carry it: exactly what parsing
 * it with {@link groupSummarySchema} keeps, without the cost of parsing (the
 * server summarises every group it indexes).
 */
export function summaryOf(group: Group | GroupSummary): GroupSummary {
  const { id, name, summary, conditions, audiences, formats, languages, location, servesEverywhere, serviceArea } = group;
  const { cost } = group.answers;
  return {
    id,
    name,
    summary,
    conditions,
    audiences,
    formats,
    languages,
    // Absent, not undefined: a summary compares equal to what parsing gives.
    ...(location && { location }),
    servesEverywhere,
    ...(serviceArea !== undefined && { serviceArea }),
    schedule: {
      timeZone: group.schedule.timeZone,
      rules: group.schedule.rules,
      ...(group.schedule.note !== undefined && { note: group.schedule.note }),
    },
    answers: { cost },
  };
}
