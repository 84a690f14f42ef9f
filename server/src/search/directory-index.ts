/**
 * The published directory held in memory for search. The database stays
 * the source of truth; this is a copy fed by the store's change feed, built
 * so a search over a million groups takes well under a millisecond: a
 * PGlite query would hold the event loop for about one.
 * @module
 */
import {
  DEFAULT_LIMIT,
  DEFAULT_RADIUS,
  EVERYWHERE_IN_SEARCH,
  type EverywhereQuery,
  type GeocodeResult,
  type Group,
  type SearchQuery,
  type Units,
} from 'peer-directory/schema';
import type { GroupChanges } from '../store/store.js';
import {
  buildGeoIndex,
  byDistanceThenId,
  byNameThenId,
  decodeCursor,
  distanceIn,
  encodeCursor,
  groupFilter,
  KM_PER_MILE,
  MAX_OFFSET,
  nearest,
  pointOf,
  type GeoIndex,
  type GroupFilter,
  type ItemTest,
  type Nearby,
} from 'peer-directory/search';
import { LRUCache } from 'lru-cache';
import { AnswerBytes } from './answer-bytes.js';
import { GroupTable, GroupTableBuilder, type GroupTableParts } from './group-table.js';
import { indexGroup, type Dictionaries, type IndexedGroup } from './indexed-group.js';
import { WordDictionary } from './words.js';

/**
 * Changes held beside the big tables before they are merged in. Searching
 * them costs a few microseconds each time; merging costs a rebuild of the
 * big tables (seconds at a million groups), so it waits until this many
 * have gathered.
 */
export const MAX_OVERLAY = 5000;

/** The big tables, as a snapshot keeps them: enough to search without reading the store. */
export interface IndexParts {
  /** The change-feed version the tables were built at. */
  version: number;
  words: readonly string[];
  languages: readonly string[];
  /** Groups that meet in person, and their kdbush tree. */
  nearby: GroupTableParts;
  tree: ArrayBuffer;
  /** Groups serving everywhere, by name. */
  everywhere: GroupTableParts;
  /** Groups neither kind of list shows (remote groups serving one area): counted, never listed. */
  unlisted: readonly string[];
}

interface Tables {
  geo: GeoIndex<GroupTable>;
  everywhere: GroupTable;
}

/**
 * Published groups, searchable by distance and filters.
 *
 * Groups with a location that do not serve everywhere are found by
 * distance; groups that serve everywhere are listed apart, by name, in
 * every first page. Groups with neither (remote groups serving one area)
 * are kept but no search lists them.
 *
 * Two layers: big static tables (a kdbush tree and typed-array columns,
 * built in one go or read from a snapshot), and the changes since, held in
 * small tables of their own, searched alongside and merged in now and then
 * ({@link merge}). An approval is searchable as soon as it is applied,
 * whatever the size of the directory.
 */
export class DirectoryIndex {
  #dictionaries: Dictionaries = { words: new WordDictionary(), languages: new WordDictionary() };
  #base: Tables;
  #baseVersion = 0;
  #baseUnlisted = new Set<string>();
  /** Base items replaced or removed since: 1 at their item number. Made on the first change. */
  #dead: { geo?: Uint8Array; everywhere?: Uint8Array } = {};
  #deadCount = 0;
  /** Where each base group is: its item in the nearby table, or `-1 - item` in the everywhere table. */
  #where: Map<string, number> | undefined;
  /** Groups published or changed since the base was built, by id. */
  #overlay = new Map<string, IndexedGroup>();
  #overlayTables: Tables;
  /** The overlay's groups serving everywhere, by name. */
  #overlayEverywhere: IndexedGroup[] = [];
  /**
   * The first page of groups serving everywhere that a filtered search
   * sends, by filter: the same wherever people search from, and counting
   * them was about half of a filtered search (47 µs of 92 µs over 100,000
   * groups). Forgotten at every change.
   */
  readonly #firstEverywhere = new LRUCache<string, Uint8Array>({ max: 256 });
  #version = 0;

  constructor(parts?: IndexParts) {
    if (parts) {
      this.#dictionaries = { words: WordDictionary.from(parts.words), languages: WordDictionary.from(parts.languages) };
      this.#dictionaries.words.sort();
      this.#base = {
        geo: buildGeoIndex(new GroupTable(parts.nearby, this.#dictionaries), parts.tree),
        everywhere: new GroupTable(parts.everywhere, this.#dictionaries),
      };
      this.#baseUnlisted = new Set(parts.unlisted);
      this.#baseVersion = this.#version = parts.version;
    } else {
      this.#base = this.#tablesOf([]);
    }
    // No changes yet: the small tables are the big ones (see #nearest).
    this.#overlayTables = this.#base;
  }

  /** The change-feed version the index has caught up with; 0 before the first apply. */
  get version(): number {
    return this.#version;
  }

  /** How many published groups the index holds. */
  get size(): number {
    const base = this.#base.geo.table.size + this.#base.everywhere.size + this.#baseUnlisted.size;
    return base - this.#deadCount + this.#overlay.size;
  }

  /** How many changes wait to be merged into the big tables. */
  get pending(): number {
    return this.#overlay.size + this.#deadCount;
  }

  /**
   * Catches up with the store's change feed. Each id is expected in at most
   * one of the two lists, in its state as of `changes.version`. Changes go
   * into the small tables; past {@link MAX_OVERLAY} of them, everything is
   * merged into the big tables at once, unless `merge` is false (more
   * changes follow at once: the caller merges after the last).
   */
  apply(changes: GroupChanges, { merge = true } = {}): void {
    const changed = changes.removed.length > 0 || changes.upserts.length > 0;
    if (changed && this.#base.geo.table.size + this.#base.everywhere.size > 0) this.#locateBase();
    for (const id of changes.removed) {
      this.#retire(id);
      this.#overlay.delete(id);
    }
    for (const group of changes.upserts) {
      this.#retire(group.id);
      this.#overlay.set(group.id, indexGroup(group, this.#dictionaries));
    }
    this.#version = Math.max(this.#version, changes.version);
    if (!changed) return;
    if (merge && this.pending > MAX_OVERLAY) this.merge();
    else this.#rebuildOverlay();
  }

  /**
   * Rebuilds the big tables with every change applied so far, and empties
   * the small ones. Searches give the same answers before and after.
   */
  merge(): void {
    const nearby = new GroupTableBuilder(this.#dictionaries, false);
    const everywhere = new GroupTableBuilder(this.#dictionaries, true);
    const unlisted = new Set<string>();
    for (const id of this.#baseUnlisted) if (!this.#overlay.has(id) && !this.#retired(id)) unlisted.add(id);
    copyLive(this.#base.geo.table, this.#dead.geo, nearby);
    copyLive(this.#base.everywhere, this.#dead.everywhere, everywhere);
    for (const group of this.#overlay.values()) {
      if (group.servesEverywhere) everywhere.add(group);
      else if (group.lat !== undefined && group.lng !== undefined) nearby.add(group);
      else unlisted.add(group.id);
    }
    this.#dictionaries.words.sort();
    this.#base = { geo: buildGeoIndex(nearby.finish()), everywhere: everywhere.finish(nameOrder(everywhere)) };
    this.#baseUnlisted = unlisted;
    this.#baseVersion = this.#version;
    this.#dead = {};
    this.#deadCount = 0;
    this.#where = undefined;
    this.#overlay.clear();
    this.#rebuildOverlay();
  }

  /**
   * The big tables and the version they were built at, for a snapshot. The
   * changes since are not in them: a process starting from the snapshot
   * reads those from the change feed again.
   */
  parts(): IndexParts {
    return {
      version: this.#baseVersion,
      words: this.#dictionaries.words.list,
      languages: this.#dictionaries.languages.list,
      nearby: this.#base.geo.table.parts,
      tree: this.#base.geo.tree.data as ArrayBuffer,
      everywhere: this.#base.everywhere.parts,
      unlisted: [...this.#baseUnlisted],
    };
  }

  /**
   * Prepares for the first change: finds where each group of the big tables
   * is (a map of every id: a fraction of a second at a million groups), so
   * that the first approval after start-up is as quick as the others. Done
   * anyway by the first change.
   */
  prepareForChanges(): void {
    if (this.#base.geo.table.size + this.#base.everywhere.size > 0) this.#locateBase();
  }

  /**
   * One page of results, as the JSON of a `SearchResult` (see
   * `peer-directory/schema`), in UTF-8: built by joining the JSON of each
   * group's summary, serialised when the group was applied, because
   * stringifying groups per request would cost more than the search itself.
   * The bytes are a view of the buffer every answer is assembled in
   * (answer-bytes.ts): the next search overwrites them, so compress, copy or
   * parse them first.
   *
   * @param query the validated search; `near` is ignored (geocode it into `origin`)
   * @param origin where distances are measured from; defaults to the query's
   *   `lat`/`lng`; without either, `groups` is empty and only `everywhere` is filled
   * @throws InvalidCursorError when `query.cursor` was not given out by this API
   */
  search(query: SearchQuery, origin: GeocodeResult | undefined = pointOf(query)): Buffer {
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const units: Units = query.units ?? 'mi';
    const radius = query.radius ?? DEFAULT_RADIUS;
    const kmPerUnit = units === 'km' ? 1 : KM_PER_MILE;
    const filter = groupFilter(query);

    const out = ANSWER.start();
    out.text('{' + (origin ? '"origin":' + originJson(origin) + ',' : '') + '"radius":' + radius + ',"units":"' + units + '","groups":[');
    let nextCursor: string | undefined;
    if (origin) {
      const end = offset + limit;
      const { nearby, more } = this.#nearest(origin, end, radius * kmPerUnit, filter);
      for (let i = offset; i < nearby.length; i++) {
        const { table, item, km } = nearby[i]!;
        out.text((i > offset ? ',' : '') + '{"distance":' + distanceIn(km, units) + ',').bytes(table.jsonOf(item).subarray(1));
      }
      if (more && end < MAX_OFFSET) nextCursor = encodeCursor(end);
    }
    out.text('],"nextCursor":' + (nextCursor === undefined ? 'null' : '"' + nextCursor + '"'));
    // Groups serving everywhere are the same on every page: the first few come with the first.
    if (query.cursor === undefined) {
      out.text(',"everywhere":');
      this.#firstEverywherePage(filter, out);
    }
    return out.text('}').view();
  }

  /**
   * One page of the groups serving everywhere that pass a search's filters,
   * by name, as the JSON of an `EverywherePage`, in UTF-8: like
   * {@link search}'s, a view the next search overwrites.
   * @throws InvalidCursorError when `query.cursor` was not given out by this API
   */
  everywhere(query: EverywhereQuery): Buffer {
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const out = ANSWER.start();
    this.#everywherePage(groupFilter(query), offset, query.limit ?? DEFAULT_LIMIT, out);
    return out.view();
  }

  #nearest(origin: GeocodeResult, count: number, radiusKm: number, filter: GroupFilter | undefined) {
    const near = (geo: GeoIndex<GroupTable>, dead: Uint8Array | undefined) => {
      if (geo.table.size === 0) return undefined;
      const test = alive(geo.table.test(filter), dead);
      return test === null ? undefined : nearest(geo, origin.lat, origin.lng, count, radiusKm, test);
    };
    const base = near(this.#base.geo, this.#dead.geo);
    const overlay = this.#overlayTables === this.#base ? undefined : near(this.#overlayTables.geo, undefined);
    if (!overlay) return base ?? { nearby: [], more: false };
    if (!base) return overlay;
    const nearby: Nearby<GroupTable>[] = [...base.nearby, ...overlay.nearby].sort(byDistanceThenId);
    const more = base.more || overlay.more || nearby.length > count;
    if (nearby.length > count) nearby.length = count;
    return { nearby, more };
  }

  #firstEverywherePage(filter: GroupFilter | undefined, out: AnswerBytes): void {
    // Without filters the page is a slice of the table: nothing to save.
    if (!filter) return this.#everywherePage(undefined, 0, EVERYWHERE_IN_SEARCH, out);
    const key = filterKey(filter);
    const kept = this.#firstEverywhere.get(key);
    if (kept) {
      out.bytes(kept);
      return;
    }
    const start = out.view().length;
    this.#everywherePage(filter, 0, EVERYWHERE_IN_SEARCH, out);
    // A copy: the answer's buffer is overwritten by the next search.
    this.#firstEverywhere.set(key, new Uint8Array(out.view().subarray(start)));
  }

  /** Writes `{"groups":[…],"total":…,"nextCursor":…}` to `out`. */
  #everywherePage(filter: GroupFilter | undefined, offset: number, limit: number, out: AnswerBytes): void {
    const base = this.#base.everywhere;
    const baseTest = alive(base.test(filter), this.#dead.everywhere);
    const extra = this.#overlayEverywhere;
    const extraTable = this.#overlayTables.everywhere;
    const extraTest = extraTable === base ? null : extraTable.test(filter);
    const end = offset + limit;
    let shown = 0;
    let total = 0;
    const show = (json: Buffer) => {
      if (total >= offset && total < end) out.bytes(shown++ === 0 ? OPEN_GROUPS : COMMA).bytes(json);
      total++;
    };
    if (baseTest === undefined && (extraTest === null || extra.length === 0)) {
      // Every group of the big table passes and there are no others: the page is a slice.
      total = base.size;
      for (let item = offset; item < Math.min(end, total); item++)
        out.bytes(item === offset ? OPEN_GROUPS : COMMA).bytes(base.jsonOf(item));
      shown = Math.max(0, Math.min(end, total) - offset);
    } else {
      // Both lists are in name order: walk them side by side.
      const passes = (item: number) => baseTest === undefined || (baseTest !== null && baseTest(item));
      const extraPasses = (k: number) => extraTest !== null && (extraTest === undefined || extraTest(k));
      let k = 0;
      for (let item = 0; item < base.size; item++) {
        if (!passes(item)) continue;
        for (; k < extra.length && before(extra[k]!, base, item); k++) if (extraPasses(k)) show(extraTable.jsonOf(k));
        show(base.jsonOf(item));
      }
      for (; k < extra.length; k++) if (extraPasses(k)) show(extraTable.jsonOf(k));
    }
    const next = end < total && end < MAX_OFFSET ? '"' + encodeCursor(end) + '"' : 'null';
    out.text((shown === 0 ? '{"groups":[' : '') + '],"total":' + total + ',"nextCursor":' + next + '}');
  }

  /** Finds where each group of the big tables is, once. */
  #locateBase(): void {
    if (this.#where) return;
    const where = new Map<string, number>();
    this.#base.geo.table.ids.forEach((id, item) => where.set(id, item));
    this.#base.everywhere.ids.forEach((id, item) => where.set(id, -1 - item));
    this.#where = where;
  }

  #retired(id: string): boolean {
    const at = this.#where?.get(id);
    if (at === undefined) return false;
    return at >= 0 ? this.#dead.geo?.[at] === 1 : this.#dead.everywhere?.[-1 - at] === 1;
  }

  /** Marks a group of the big tables as replaced or removed. */
  #retire(id: string): void {
    if (this.#baseUnlisted.delete(id)) return;
    const at = this.#where?.get(id);
    if (at === undefined || this.#retired(id)) return;
    const [key, item, size] =
      at >= 0 ? (['geo', at, this.#base.geo.table.size] as const) : (['everywhere', -1 - at, this.#base.everywhere.size] as const);
    (this.#dead[key] ??= new Uint8Array(size))[item] = 1;
    this.#deadCount++;
  }

  #rebuildOverlay(): void {
    this.#firstEverywhere.clear();
    this.#dictionaries.words.sort();
    if (this.#overlay.size === 0) {
      this.#overlayTables = this.#base;
      this.#overlayEverywhere = [];
      return;
    }
    const groups = [...this.#overlay.values()];
    this.#overlayEverywhere = groups.filter((g) => g.servesEverywhere).sort(byNameThenId);
    this.#overlayTables = this.#tablesOf(groups, this.#overlayEverywhere);
  }

  #tablesOf(groups: readonly IndexedGroup[], everywhere = groups.filter((g) => g.servesEverywhere).sort(byNameThenId)): Tables {
    const located = groups.filter((g) => !g.servesEverywhere && g.lat !== undefined && g.lng !== undefined);
    return { geo: buildGeoIndex(GroupTable.of(located, this.#dictionaries)), everywhere: GroupTable.of(everywhere, this.#dictionaries) };
  }
}

/**
 * Builds the big tables straight from the store's rows, in batches, with
 * no object kept per group: how a process starts without a snapshot.
 */
export class DirectoryIndexBuilder {
  readonly #dictionaries: Dictionaries = { words: new WordDictionary(), languages: new WordDictionary() };
  readonly #nearby = new GroupTableBuilder(this.#dictionaries, false);
  readonly #everywhere = new GroupTableBuilder(this.#dictionaries, true);
  readonly #unlisted: string[] = [];

  /** Adds published groups, each id once. */
  add(groups: readonly Group[]): void {
    for (const group of groups) {
      const indexed = indexGroup(group, this.#dictionaries);
      if (indexed.servesEverywhere) this.#everywhere.add(indexed);
      else if (indexed.lat !== undefined && indexed.lng !== undefined) this.#nearby.add(indexed);
      else this.#unlisted.push(indexed.id);
    }
  }

  /** The index of every group added, at change-feed `version`. The builder is spent afterwards. */
  finish(version: number): DirectoryIndex {
    const { words, languages } = this.#dictionaries;
    words.sort();
    const nearby = buildGeoIndex(this.#nearby.finish());
    const everywhere = this.#everywhere.finish(nameOrder(this.#everywhere));
    return new DirectoryIndex({
      version,
      words: words.list,
      languages: languages.list,
      nearby: nearby.table.parts,
      tree: nearby.tree.data as ArrayBuffer,
      everywhere: everywhere.parts,
      unlisted: this.#unlisted,
    });
  }
}

/** Every answer is assembled here (see answer-bytes.ts). */
const ANSWER = new AnswerBytes();
const OPEN_GROUPS = Buffer.from('{"groups":[');
const COMMA = Buffer.from(',');

/** The same filters, the same key. */
function filterKey(f: GroupFilter): string {
  return [f.conditions, f.audiences, f.formats, f.models, f.free, f.familyWelcome, f.language, f.words.join(' ')].join('|');
}

/** A filter's test that also turns down replaced items. */
function alive(test: ItemTest | undefined | null, dead: Uint8Array | undefined): ItemTest | undefined | null {
  if (!dead || test === null) return test;
  return test === undefined ? (item) => dead[item] !== 1 : (item) => dead[item] !== 1 && test(item);
}

function copyLive(table: GroupTable, dead: Uint8Array | undefined, into: GroupTableBuilder): void {
  if (table.size === 0) return;
  const lists = table.lists();
  for (let item = 0; item < table.size; item++) if (dead?.[item] !== 1) into.addFrom(table, item, lists);
}

/** Whether an overlay group comes before item `item` of a table in name order. */
function before(group: IndexedGroup, table: GroupTable, item: number): boolean {
  return byNameThenId(group, { name: table.names![item]!, id: table.ids[item]! }) < 0;
}

/** The item order that sorts a builder's groups by name, then id. */
function nameOrder(builder: GroupTableBuilder): Uint32Array {
  const { names, ids } = builder;
  return Uint32Array.from(names.keys()).sort((a, b) => byNameThenId({ name: names[a]!, id: ids[a]! }, { name: names[b]!, id: ids[b]! }));
}

// Only the schema's fields: an origin object may carry more than the response should say.
function originJson(origin: GeocodeResult): string {
  const { label, lat, lng, country, precision, centre, alternatives } = origin;
  return JSON.stringify({ label, lat, lng, country, precision, centre, alternatives });
}
