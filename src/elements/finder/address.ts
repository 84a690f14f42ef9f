import { MAX_RADIUS, recognisePlace } from '../../schema/index.js';
import { toSearchParams } from '../../sdk/search-params.js';
import { filterQuery, parseFilters, type Filters } from './filters.js';

/** Where a search measures from: what people typed, or their device's location. */
export type Where = { near: string } | { lat: number; lng: number };

/** A search as the page's address holds it. */
export interface Address {
  where?: Where | undefined;
  radius: number;
  filters: Filters;
  /** The place as the search field shows it (empty for a device's location). */
  place: string;
  /** The group whose details are open. */
  group?: string | undefined;
}

/** A search as the page's address writes it (`group` is added by the caller). */
export function addressParams(where: Where | undefined, radius: number, filters: Filters): URLSearchParams {
  return where ? toSearchParams({ ...where, radius, ...filterQuery(filters) }) : new URLSearchParams();
}

/**
 * Reads a search from the page's address. Anything it cannot use (an
 * unknown code, a radius out of range, half a location) falls back to the
 * finder's own settings rather than failing: addresses are typed and
 * shared by people.
 * @param presets the host's preset filters, kept when the address holds no search of ours
 * @param hidden filters the host hides: always their presets
 * @param radius the host's radius, for an address without one
 */
export function readAddress(p: URLSearchParams, presets: Filters, hidden: Set<string>, radius: number): Address {
  // An address with no search of ours keeps the host's presets.
  const ours = ['near', 'lat'].some((k) => p.has(k));
  const near = recognisePlace(p.get('near') ?? '');
  const lat = Number(p.get('lat'));
  const lng = Number(p.get('lng'));
  return {
    filters: ours ? parseFilters((name) => (hidden.has(name) ? presets[name].toString() : p.get(name))) : presets,
    radius: Math.min(Math.max(Number(p.get('radius')) || radius, 0.1), MAX_RADIUS),
    where: near
      ? { near: near.value }
      : p.has('lat') && p.has('lng') && Number.isFinite(lat) && Number.isFinite(lng)
        ? { lat, lng }
        : undefined,
    place: near?.value ?? '',
    group: p.get('group') ?? undefined,
  };
}
