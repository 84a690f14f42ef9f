import { z } from 'zod/mini';
import { countryCodes } from './taxonomy.js';

/** How exact a geocoded point is. */
export const PRECISIONS = ['postcode', 'outcode', 'area', 'zip', 'point', 'place'] as const;

/** `GET /v1/geocode?q=` */
export const geocodeQuerySchema = /* @__PURE__ */ z.object({
  q: z.string().check(z.trim(), z.minLength(2, 'Enter a postcode or ZIP code'), z.maxLength(100)),
});

/** A place the directory can measure distances from. */
export const geocodeResultSchema = /* @__PURE__ */ z.object({
  /** The query as people should see it, e.g. a normalised postcode `SW1A 1AA`. */
  label: z.string(),
  lat: z.number(),
  lng: z.number(),
  country: z.optional(z.enum(countryCodes)),
  precision: z.enum(PRECISIONS),
});

export type GeocodeResult = z.infer<typeof geocodeResultSchema>;
