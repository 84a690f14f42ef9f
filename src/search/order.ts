/**
 * The order of the groups serving everywhere, and the origin of a search by
 * position: the server's index and the SDK's static directory share them.
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
