/**
 * The published directory held in memory for search. The database stays
 * the source of truth; this is a copy fed by the store's change feed, built
 * so a search over 100,000 groups takes well under a millisecond: a PGlite
 * query would hold the event loop for about one.
 * @module
 */
import {
  DEFAULT_LIMIT,
  DEFAULT_RADIUS,
  EVERYWHERE_IN_SEARCH,
  type EverywhereQuery,
  type GeocodeResult,
  type SearchQuery,
  type Units,
} from 'peer-directory/schema';
import type { GroupChanges } from '../store/store.js';
import { decodeCursor, encodeCursor, MAX_OFFSET } from './cursor.js';
import { groupFilter, type GroupFilter } from './group-filter.js';
import { GroupTable } from './group-table.js';
import { indexGroup, type Dictionaries, type IndexedGroup } from './indexed-group.js';
import { buildGeoIndex, KM_PER_MILE, nearest } from './nearest.js';
import { WordDictionary } from './words.js';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Published groups, searchable by distance and filters.
 *
 * Groups with a location that do not serve everywhere are found by
 * distance; groups that serve everywhere are listed apart, by name, in
 * every first page. Groups with neither (remote groups serving one area)
 * are kept but no search lists them.
 */
export class DirectoryIndex {
  #groups = new Map<string, IndexedGroup>();
  #dictionaries: Dictionaries = { words: new WordDictionary(), languages: new WordDictionary() };
  #geo = buildGeoIndex([], this.#dictionaries);
  /** Groups serving everywhere, by name. */
  #everywhere = new GroupTable([], this.#dictionaries);
  #version = 0;

  /** The change-feed version the index has caught up with; 0 before the first apply. */
  get version(): number {
    return this.#version;
  }

  /** How many published groups the index holds. */
  get size(): number {
    return this.#groups.size;
  }

  /**
   * Catches up with the store's change feed. Each id is expected in at most
   * one of the two lists, in its state as of `changes.version`. The spatial
   * index and the filter columns are static, so they are rebuilt whenever
   * anything changed: about 0.1 s for 100,000 groups, paid once per refresh
   * that brings changes, never per search.
   */
  apply(changes: GroupChanges): void {
    for (const id of changes.removed) this.#groups.delete(id);
    for (const group of changes.upserts) this.#groups.set(group.id, indexGroup(group, this.#dictionaries));
    if (changes.removed.length > 0 || changes.upserts.length > 0) this.#rebuild();
    this.#version = Math.max(this.#version, changes.version);
  }

  /**
   * One page of results, as the JSON text of a `SearchResult` (see
   * `peer-directory/schema`): built by concatenating JSON serialised when
   * each group was applied, because stringifying groups per request would
   * cost more than the search itself.
   *
   * @param query the validated search; `near` is ignored (geocode it into `origin`)
   * @param origin where distances are measured from; defaults to the query's
   *   `lat`/`lng`; without either, `groups` is empty and only `everywhere` is filled
   * @throws InvalidCursorError when `query.cursor` was not given out by this API
   */
  search(query: SearchQuery, origin: GeocodeResult | undefined = pointOf(query)): string {
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const units: Units = query.units ?? 'mi';
    const radius = query.radius ?? DEFAULT_RADIUS;
    const kmPerUnit = units === 'km' ? 1 : KM_PER_MILE;
    const filter = groupFilter(query);

    let groups = '';
    let nextCursor: string | undefined;
    const geoTest = origin && this.#geo.table.test(filter);
    if (origin && geoTest !== null) {
      const end = offset + limit;
      const { nearby, more } = nearest(this.#geo, origin.lat, origin.lng, end, radius * kmPerUnit, geoTest);
      for (let i = offset; i < nearby.length; i++) {
        const { group, km } = nearby[i]!;
        if (i > offset) groups += ',';
        groups += '{"distance":' + Math.round((km / kmPerUnit) * 100) / 100 + ',' + group.jsonTail;
      }
      if (more && end < MAX_OFFSET) nextCursor = encodeCursor(end);
    }
    // Everywhere groups are the same on every page: the first few come with the first.
    const everywhere =
      query.cursor === undefined ? ',"everywhere":' + this.#everywherePage(filter, 0, EVERYWHERE_IN_SEARCH) : '';

    return (
      '{' +
      (origin ? '"origin":' + originJson(origin) + ',' : '') +
      '"radius":' + radius +
      ',"units":"' + units +
      '","groups":[' + groups +
      '],"nextCursor":' + (nextCursor === undefined ? 'null' : '"' + nextCursor + '"') +
      everywhere +
      '}'
    );
  }

  /**
   * One page of the groups serving everywhere that pass a search's filters,
   * by name, as the JSON text of an `EverywherePage`.
   * @throws InvalidCursorError when `query.cursor` was not given out by this API
   */
  everywhere(query: EverywhereQuery): string {
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    return this.#everywherePage(groupFilter(query), offset, query.limit ?? DEFAULT_LIMIT);
  }

  #everywherePage(filter: GroupFilter | undefined, offset: number, limit: number): string {
    const test = this.#everywhere.test(filter);
    const { groups } = this.#everywhere;
    const end = offset + limit;
    let json = '';
    let total = 0;
    if (test === undefined) {
      // No filter: every group passes, so the page is a slice.
      total = groups.length;
      for (let item = offset; item < Math.min(end, total); item++) json += (item === offset ? '' : ',') + groups[item]!.json;
    } else {
      for (let item = 0; test !== null && item < groups.length; item++) {
        if (!test(item)) continue;
        if (total >= offset && total < end) json += (total === offset ? '' : ',') + groups[item]!.json;
        total++;
      }
    }
    const next = end < total && end < MAX_OFFSET ? '"' + encodeCursor(end) + '"' : 'null';
    return '{"groups":[' + json + '],"total":' + total + ',"nextCursor":' + next + '}';
  }

  #rebuild(): void {
    const located: IndexedGroup[] = [];
    const everywhere: IndexedGroup[] = [];
    for (const group of this.#groups.values()) {
      if (group.servesEverywhere) everywhere.push(group);
      else if (group.lat !== undefined && group.lng !== undefined) located.push(group);
    }
    this.#dictionaries.words.sort();
    this.#geo = buildGeoIndex(located, this.#dictionaries);

    everywhere.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.#everywhere = new GroupTable(everywhere, this.#dictionaries);
  }
}

function pointOf(query: SearchQuery): GeocodeResult | undefined {
  if (query.lat === undefined || query.lng === undefined) return undefined;
  return { label: `${query.lat}, ${query.lng}`, lat: query.lat, lng: query.lng, precision: 'device' };
}

// Only the schema's fields: an origin object may carry more than the response should say.
function originJson(origin: GeocodeResult): string {
  const { label, lat, lng, country, precision, centre, alternatives } = origin;
  return JSON.stringify({ label, lat, lng, country, precision, centre, alternatives });
}
