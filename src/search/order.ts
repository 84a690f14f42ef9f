/**
 * The orders and origins results share between the server's index and the
 * SDK's static directory.
 * @module
 */
import type { GeocodeResult, SearchQuery } from '../schema/index.js';

const byName = /* @__PURE__ */ new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Groups serving everywhere are listed by name (ignoring case and accents, numbers by value), then id. */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The origin of a search by `lat`/`lng` (a device's position), or undefined for none. */
export function pointOf(query: SearchQuery): GeocodeResult | undefined {
  if (query.lat === undefined || query.lng === undefined) return undefined;
  return { label: `${query.lat}, ${query.lng}`, lat: query.lat, lng: query.lng, precision: 'device' };
}

/** Only the schema's fields of an origin: the object geocoding gave may carry more than an answer should say. */
export function originOf(origin: GeocodeResult): GeocodeResult {
  const { label, lat, lng, country, precision, centre, alternatives } = origin;
  return {
    label,
    lat,
    lng,
    ...(country !== undefined && { country }),
    precision,
    ...(centre !== undefined && { centre }),
    ...(alternatives !== undefined && { alternatives }),
  };
}
