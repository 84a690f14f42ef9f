import * as z from 'zod/mini';
import { DEFAULT_LIMIT, DEFAULT_RADIUS, FILTER_KEYS, MAX_LIMIT, MAX_RADIUS, type FilterKey } from './search-constants.js';
import { UNITS } from './countries.js';
import { audienceCodes, conditionCodes, formatCodes, modelCodes } from './taxonomy.js';
import { groupSchema } from './group.js';
import { geocodeResultSchema } from './geocode.js';

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
const numberParam = (min: number, max: number) => z.coerce.number().check(z.gte(min), z.lte(max));

const searchQueryShape = /* @__PURE__ */ z.object({
    /** A UK postcode, US ZIP code or place, geocoded by the server. */
    near: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))),
    lat: z.optional(numberParam(-90, 90)),
    lng: z.optional(numberParam(-180, 180)),
    radius: z.optional(numberParam(0.1, MAX_RADIUS)),
    units: z.optional(z.enum(UNITS)),
    condition: z.optional(list(conditionCodes)),
    audience: z.optional(list(audienceCodes)),
    format: z.optional(list(formatCodes)),
    model: z.optional(list(modelCodes)),
    free: z.optional(flag),
    family: z.optional(flag),
    language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/, 'Use a two- or three-letter language code'))),
    q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor from this API'))),
    limit: z.optional(numberParam(1, MAX_LIMIT).check(z.int())),
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

/** Search options as the SDK and elements write them (lists as arrays). */
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** A search's filters: a finder's filter state, its address and its presets all read and write this. */
export const searchFiltersSchema = /* @__PURE__ */ z.pick(searchQueryShape, {
  condition: true,
  audience: true,
  format: true,
  model: true,
  free: true,
  family: true,
  language: true,
} satisfies Record<FilterKey, true>);
export type SearchFilters = z.output<typeof searchFiltersSchema>;

/** Where a search measures from: a place people typed, or a device's location. */
export type SearchOrigin = { near: string } | { lat: number; lng: number };

/** The query parameters a search is shared by (a page's address): every one but paging. */
export const SHARED_SEARCH_KEYS = /* @__PURE__ */ Object.keys(searchQueryShape.shape).filter(
  (k) => k !== 'cursor' && k !== 'limit',
) as (keyof SearchQuery)[];

/** A group found near the search origin. */
export const groupHitSchema = /* @__PURE__ */ z.extend(groupSchema, {
  /** Distance from the search origin, in the result's units. */
  distance: z.number(),
});

/** One page of search results. */
export const searchResultSchema = /* @__PURE__ */ z.object({
  /** Where distances are measured from; absent when the search named no place. */
  origin: z.optional(geocodeResultSchema),
  radius: z.number(),
  units: z.enum(UNITS),
  /** Groups that meet in person (or serve an area), nearest first. */
  groups: z.array(groupHitSchema),
  /**
   * Online and telephone groups open to people anywhere that match the
   * filters: the same in every search, so they are listed apart.
   */
  everywhere: z.array(groupSchema),
  /** Pass as `cursor` to get the next page of `groups`; null on the last page. */
  nextCursor: z.nullable(z.string()),
});

export type GroupHit = z.infer<typeof groupHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
