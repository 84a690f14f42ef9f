import { MAX_RADIUS, UNITS, recognisePlace, type SearchFilters, type SearchOrigin, type Units } from '../../schema/index.js';
import { toSearchParams } from '../../sdk/search-params.js';
import { readFilters } from './filter-reading.js';

/**
 * A coordinate to about 1 km (two decimal places): enough to find the
 * nearest groups, and no more of where someone is than that, in the
 * search sent and in a shareable address.
 */
export const roughly = (degrees: number) => Math.round(degrees * 100) / 100;

/** A search as the page's address holds it. */
export interface Address {
  where?: SearchOrigin | undefined;
  radius: number;
  /** Chosen by the person; absent means the finder's default. */
  units?: Units | undefined;
  filters: SearchFilters;
  /** The place as the search field shows it (empty for a device's location). */
  place: string;
  /** The group whose details are open. */
  group?: string | undefined;
}

/** A search as the page's address writes it (`group` is added by the caller). */
export function addressParams(a: Omit<Address, 'place' | 'group'>): URLSearchParams {
  return a.where ? toSearchParams({ ...a.where, radius: a.radius, units: a.units, ...a.filters }) : new URLSearchParams();
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
export function readAddress(p: URLSearchParams, presets: SearchFilters, hidden: ReadonlySet<string>, radius: number): Address {
  // An address with no search of ours keeps the host's presets.
  const ours = ['near', 'lat'].some((k) => p.has(k));
  const near = recognisePlace(p.get('near') ?? '');
  const lat = Number(p.get('lat'));
  const lng = Number(p.get('lng'));
  const units = UNITS.find((u) => u === p.get('units'));
  return {
    filters: ours ? readFilters((key) => (hidden.has(key) ? presets[key] : p.get(key))) : presets,
    radius: Math.min(Math.max(Number(p.get('radius')) || radius, 0.1), MAX_RADIUS),
    units,
    where: near
      ? { near: near.value }
      : p.has('lat') && p.has('lng') && Number.isFinite(lat) && Number.isFinite(lng)
        ? { lat: roughly(lat), lng: roughly(lng) }
        : undefined,
    place: near?.value ?? '',
    group: p.get('group') ?? undefined,
  };
}
