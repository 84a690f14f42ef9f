/**
 * A directory with no server: `createStaticDirectory` reads the file
 * `peer-directory-server export --format static` writes, and answers the
 * SDK's reads (`DirectoryReader`) from it in the page. Its own entry, so
 * pages that talk to an API never download the search code.
 * @module
 */
import { INVALID_PLACE_MESSAGE, recognisePlace } from '../schema/place.js';
import { DEFAULT_LIMIT, DEFAULT_RADIUS } from '../schema/search-constants.js';
import * as z from 'zod/mini';
import { EVERYWHERE_IN_SEARCH, everywhereQuerySchema, searchQuerySchema, summaryOf } from '../schema/search.js';
import { STATIC_DIRECTORY_FORMAT } from '../schema/static-directory.js';
import type { EverywherePage, EverywhereQuery, GeocodeResult, Group, SearchQuery, SearchResult, StaticDirectory } from '../schema/index.js';
import {
  buildGeoIndex,
  byNameThenId,
  decodeCursor,
  distanceIn,
  encodeCursor,
  filterFieldsOf,
  groupFilter,
  InvalidCursorError,
  KM_PER_MILE,
  MAX_OFFSET,
  nearest,
  passes,
  pointOf,
  type FilterFields,
  type GroupFilter,
  type ItemTest,
} from '../search/index.js';
import type { DirectoryReader } from './client.js';
import { DirectoryError, NetworkError, NotFoundError, ResponseShapeError, UnknownPlaceError, ValidationError } from './errors.js';
import { everyPage } from './groups.js';
import type { RequestOptions } from './transport.js';

/** Options of {@link createStaticDirectory}. */
export interface StaticDirectoryOptions {
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

/** Groups found by distance, as {@link nearest} reads them, with what filters test. */
interface Located {
  readonly ids: string[];
  readonly lat: number[];
  readonly lng: number[];
  readonly size: number;
  readonly groups: Group[];
  readonly fields: FilterFields[];
}

/** A directory file, indexed for searching. */
interface Loaded {
  readonly file: StaticDirectory;
  readonly byId: ReadonlyMap<string, Group>;
  readonly geo: ReturnType<typeof buildGeoIndex<Located>>;
  /** Groups serving everywhere, by name, with their filter fields. */
  readonly everywhere: readonly { group: Group; fields: FilterFields }[];
  /** Places by label, lower case. */
  readonly places: ReadonlyMap<string, GeocodeResult>;
}

/**
 * Reads a directory from one JSON file (`peer-directory-server export
 * --format static`) instead of an API: for a site with no server. Search
 * (nearest first with geokdbush, every filter, paging and the online and
 * telephone groups), `get`, `everywhere`, `taxonomy` and `geocode` give what
 * the API would for the same directory, computed in the page with the
 * server's own search code. The file is fetched once, on the first call.
 *
 * Geocoding knows only the places the file holds: the postcodes and towns
 * of its groups, every GB postcode district and every UK postcode area. Any
 * other full postcode is placed at its district's centre (`precision:
 * 'district'`), so distances from it are approximate.
 *
 * @param url the file's address (relative to the page in a browser)
 * @example
 * ```ts
 * import { createStaticDirectory } from 'peer-directory/static';
 *
 * const directory = createStaticDirectory('/directory.json');
 * const { groups, everywhere } = await directory.groups.search({ near: 'LS1 4DY', condition: ['type2'] });
 * ```
 */
export function createStaticDirectory(url: string | URL, options: StaticDirectoryOptions = {}): DirectoryReader {
  let loading: Promise<Loaded> | undefined;
  const load = (signal: AbortSignal | undefined): Promise<Loaded> => {
    // One fetch for every caller: it is not cancelled when one of them leaves, and a failed one is tried again next time.
    loading ??= read(url, options.fetch ?? globalThis.fetch).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return untilAborted(loading, signal);
  };

  const search = async (asked: SearchQuery, opts?: RequestOptions): Promise<SearchResult> => {
    const query = valid(searchQuerySchema, asked);
    const offset = offsetOf(query.cursor);
    const directory = await load(opts?.signal);
    const origin = query.near === undefined ? pointOf(query) : geocode(directory, query.near, '#/near');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const units = query.units ?? 'mi';
    const radius = query.radius ?? DEFAULT_RADIUS;
    const filter = groupFilter(query);
    // The file's places hold only the schema's fields (the export checked them), so an origin is sent as it is.
    const result: SearchResult = { ...(origin && { origin }), radius, units, groups: [], nextCursor: null };
    if (origin) {
      const end = offset + limit;
      const { geo } = directory;
      const test: ItemTest | undefined = filter && ((item) => passes(geo.table.fields[item]!, filter));
      const { nearby, more } = nearest(geo, origin.lat, origin.lng, end, radius * (units === 'km' ? 1 : KM_PER_MILE), test);
      result.groups = nearby
        .slice(offset)
        .map(({ item, km }) => ({ distance: distanceIn(km, units), ...summaryOf(geo.table.groups[item]!) }));
      if (more && end < MAX_OFFSET) result.nextCursor = encodeCursor(end);
    }
    if (query.cursor === undefined) result.everywhere = everywherePage(directory, filter, 0, EVERYWHERE_IN_SEARCH);
    return result;
  };

  const everywhere = async (asked: EverywhereQuery, opts?: RequestOptions): Promise<EverywherePage> => {
    const query = valid(everywhereQuerySchema, asked);
    const offset = offsetOf(query.cursor);
    return everywherePage(await load(opts?.signal), groupFilter(query), offset, query.limit ?? DEFAULT_LIMIT);
  };

  return {
    groups: {
      search,
      searchAll: (query, opts) => everyPage(query.cursor, (cursor) => search({ ...query, cursor }, opts)),
      everywhere,
      everywhereAll: (query, opts) => everyPage(query.cursor, (cursor) => everywhere({ ...query, cursor }, opts)),
      get: async (id, opts) => {
        const group = (await load(opts?.signal)).byId.get(id);
        if (!group) throw new NotFoundError(`No published group has the id ${id}`, { status: 404 });
        return group;
      },
    },
    taxonomy: async (opts) => (await load(opts?.signal)).file.taxonomy,
    geocode: async (q, opts) => geocode(await load(opts?.signal), q, '#/q'),
  };
}

async function read(url: string | URL, fetcher: typeof fetch): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (cause) {
    throw new NetworkError(`Could not read ${String(url)}`, { cause });
  }
  if (!response.ok) throw new DirectoryError(`${String(url)} answered ${response.status}`, { status: response.status });
  const file = (await response.json().catch(() => undefined)) as StaticDirectory | undefined;
  // The file is trusted as `export --format static` wrote it, once its label says it is one.
  if (file?.format !== STATIC_DIRECTORY_FORMAT || file.version !== 1)
    throw new ResponseShapeError(`${String(url)} is no static directory file`);
  return indexFile(file);
}

/** Indexes a file as the server's index does: groups meeting in person by place, groups serving everywhere by name. */
function indexFile(file: StaticDirectory): Loaded {
  const located: Located = { ids: [], lat: [], lng: [], size: 0, groups: [], fields: [] };
  const everywhere: { group: Group; fields: FilterFields }[] = [];
  for (const group of file.groups) {
    if (group.servesEverywhere) everywhere.push({ group, fields: filterFieldsOf(group) });
    else if (group.location) {
      located.ids.push(group.id);
      located.lat.push(group.location.lat);
      located.lng.push(group.location.lng);
      located.groups.push(group);
      located.fields.push(filterFieldsOf(group));
    }
  }
  everywhere.sort((a, b) => byNameThenId(a.group, b.group));
  return {
    file,
    byId: new Map(file.groups.map((g) => [g.id, g])),
    geo: buildGeoIndex({ ...located, size: located.ids.length }),
    everywhere,
    places: placesByName(file),
  };
}

/** Places by label, lower case, and by the names the file gives them (`new york` for `New York City, NY`). */
function placesByName(file: StaticDirectory): Map<string, GeocodeResult> {
  const byName = new Map(file.places.map((p) => [p.label.toLowerCase(), p]));
  for (const [name, label] of Object.entries(file.names ?? {})) {
    const place = byName.get(label.toLowerCase());
    if (place && !byName.has(name)) byName.set(name, place);
  }
  return byName;
}

function everywherePage(directory: Loaded, filter: GroupFilter | undefined, offset: number, limit: number): EverywherePage {
  const matching = filter ? directory.everywhere.filter((e) => passes(e.fields, filter)) : directory.everywhere;
  const end = offset + limit;
  return {
    groups: matching.slice(offset, end).map((e) => summaryOf(e.group)),
    total: matching.length,
    nextCursor: end < matching.length && end < MAX_OFFSET ? encodeCursor(end) : null,
  };
}

/** The query as the API's schema reads it, or the `ValidationError` the API would answer with. */
function valid<T>(schema: z.ZodMiniType<T>, query: unknown): T {
  const parsed = z.safeParse(schema, query);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw invalid(`#/${issue!.path.join('/')}`, issue!.message);
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    return decodeCursor(cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw invalid('#/cursor', error.message);
  }
}

/**
 * A place from the file, as the server's offline geocoder labels it: a
 * postcode the file holds exactly, any other at its district's centre (else
 * its area's), a district or area by its code, a town by its name.
 */
function geocode(directory: Loaded, q: string, pointer: string): GeocodeResult {
  const place = recognisePlace(q);
  if (!place) throw invalid(pointer, INVALID_PLACE_MESSAGE);
  const known = (key: string) => directory.places.get(key.toLowerCase());
  const found = place.kind === 'district' ? undefined : known(place.value);
  if (found) return found;
  if (place.kind === 'postcode' || place.kind === 'district') {
    const around = known(place.outward) ?? known(place.area);
    if (around) return { ...around, label: place.value, centre: around.centre ?? around.label };
  }
  throw unknown(pointer, `We could not find “${q}”. Check it, or try a nearby postcode or town.`);
}

/** The error the API's problem answer would give: 400 for a bad field, 422 for a place nobody knows. */
function problem(status: 400 | 422, pointer: string, detail: string): ValidationError {
  const init = {
    status,
    problem: {
      type: status === 400 ? '/problems/validation' : '/problems/unknown-place',
      title: detail,
      status,
      detail,
      errors: [{ pointer, detail }],
    },
  };
  return status === 400 ? new ValidationError(detail, init) : new UnknownPlaceError(detail, init);
}

const invalid = (pointer: string, detail: string) => problem(400, pointer, detail);
const unknown = (pointer: string, detail: string) => problem(422, pointer, detail);

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
