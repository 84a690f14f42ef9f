import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_RADIUS, SHARED_SEARCH_KEYS, UNITS, recognisePlace, type SearchFilters, type SearchOrigin, type Units } from '../../schema/index.js';
import { toSearchParams } from '../../sdk/search-params.js';
import { readFilters } from './filters.js';

/**
 * A coordinate to about 1 km (two decimal places): enough to find the
 * nearest groups, and no more of where someone is than that, in the
 * search sent and in a shareable address.
 */
export const roughly = (degrees: number) => Math.round(degrees * 100) / 100;

/** The query parameters a finder owns in the page's address (a search's, and the open group); the host's own are left alone. */
export const ADDRESS_KEYS: readonly string[] = [...SHARED_SEARCH_KEYS, 'group'];

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

/**
 * Keeps a search in the page's address so back/forward and shared links
 * restore it. The host writes with `write()` and is told, through
 * `restore`, what the address says on load and after back/forward.
 */
export class PageAddress implements ReactiveController {
  constructor(
    private host: ReactiveControllerHost & { syncUrl: boolean },
    private restore: (params: URLSearchParams) => void,
  ) {
    host.addController(this);
  }

  private onPop = () => {
    if (this.host.syncUrl) this.restore(new URLSearchParams(location.search));
  };

  hostConnected() {
    addEventListener('popstate', this.onPop);
  }

  hostDisconnected() {
    removeEventListener('popstate', this.onPop);
  }

  /** What the address says now (for the first render). */
  read(): URLSearchParams {
    return new URLSearchParams(location.search);
  }

  /**
   * Puts `params` in the address: a new history entry for a search or a
   * group people would go back to (`push`), else an edit of this one (a
   * filter ticked, a page of results added).
   */
  write(params: URLSearchParams, push: boolean) {
    if (!this.host.syncUrl) return;
    const url = new URL(location.href);
    for (const key of ADDRESS_KEYS) url.searchParams.delete(key);
    params.forEach((value, key) => url.searchParams.append(key, value));
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}
