import * as z from 'zod/mini';
import { countryCodes } from './taxonomy.js';
import { storableText } from './text.js';

/**
 * How exact a geocoded point is, finest first:
 * - `postcode`: the postcode's own point (Code-Point Open, or the online provider);
 * - `sector`, `district`, `area`: the centroid of the postcode sector (`LS1 4`),
 *   district (`LS1`) or area (`LS`), for a postcode the data does not hold, or a district typed alone;
 * - `zip`: the centre of a US ZIP code;
 * - `place`: the centre of a town, city or neighbourhood (a place typed, or the
 *   post town of a postcode no open data places: Northern Ireland, the Channel Islands, the Isle of Man);
 * - `device`: a position the person's device gave (a search by `lat`/`lng`).
 */
export const PRECISIONS = ['postcode', 'sector', 'district', 'area', 'zip', 'place', 'device'] as const;

/** One of {@link PRECISIONS}. */
export type Precision = (typeof PRECISIONS)[number];

/** Precisions as exact as a search origin gets: distances from them need no "approximately". */
export const EXACT_PRECISIONS: readonly Precision[] = ['postcode', 'device'];

/** `GET /v1/geocode?q=` */
export const geocodeQuerySchema = /* @__PURE__ */ z.object({
  q: z.string().check(z.trim(), z.minLength(2, 'Enter a postcode or ZIP code'), z.maxLength(100), storableText),
});

const point = {
  /** What people should see: a normalised postcode `SW1A 1AA`, a ZIP `10001`, a place and where it is `Newport, Wales`. */
  label: z.string(),
  lat: z.number(),
  lng: z.number(),
  country: z.optional(z.enum(countryCodes)),
};

/** Another place with the name searched for (see `alternatives`). */
export const placeAlternativeSchema = /* @__PURE__ */ z.object(point);

/** A place the directory can measure distances from. */
export const geocodeResultSchema = /* @__PURE__ */ z.object({
  ...point,
  precision: z.enum(PRECISIONS),
  /**
   * When the point is the centre of something larger than the label (any
   * precision but `postcode` and `device`): what it is the centre of, as
   * people read it: the sector `LS1 4`, the district `LS1`, the area `LS`,
   * the ZIP `10001`, the town `Belfast` or `Newport, Wales`.
   */
  centre: z.optional(z.string()),
  /**
   * For a place name several places share (`Newport`): the others, most
   * likely first (at most 5). The answer itself is the most likely one, and
   * its label says which it is; searching for an alternative's label gets that place.
   */
  alternatives: z.optional(z.array(placeAlternativeSchema)),
});

export type GeocodeResult = z.infer<typeof geocodeResultSchema>;
export type PlaceAlternative = z.infer<typeof placeAlternativeSchema>;
