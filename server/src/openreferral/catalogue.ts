/**
 * The published directory as the feed reads it: in name order, each group's
 * id and what the feed's filters test, in columns (typed arrays), with a
 * spatial index of the venues and a word index. The groups themselves stay
 * in the store, and a page reads its own by id: a million-group catalogue
 * holds a few hundred bytes per group, not every group as objects
 * (docs/performance.md, Scale). Kept in step with the store's change feed
 * whenever the search index has moved on, so the feed is as fresh as search.
 * @module
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Group } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { free, Growing, type TypedArray } from '../search/growing.js';
import { PackedStrings, PackedStringsBuilder } from '../search/packed-strings.js';
import { foldText, WordDictionary, WordPostings, wordsOf, type ItemLists } from '../search/words.js';
import type { HsdsOrganization } from './hsds.js';
import { serviceId } from './ids.js';
import { partitionPoint } from '../sorted.js';
import { placeKinds, toHsdsOrganization, type PlaceKind } from './services.js';
import type { FeedTaxonomy, TaxonomyField } from './taxonomy.js';

/** A group at one of the places it is attended, by the group's row in the catalogue. */
export interface Place {
  row: number;
  kind: PlaceKind;
}

/** Places counted before any is built, so a page builds only its own. */
export interface PlaceList {
  readonly total: number;
  slice(start: number, end: number): Place[];
}

/** The feed's filters, as the query parameters give them. */
export interface EntryFilter {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: string;
  day?: string;
  startTime?: string;
  endTime?: string;
}

/** An organisation, with the rows of its groups in name order. */
export interface OrganizationRows {
  readonly organization: HsdsOrganization;
  readonly rows: readonly number[];
}

type RowTest = (row: number) => boolean;

/** What the catalogue reads: the change feed and the groups, and how far search has got. */
export interface CatalogueSources {
  store: Pick<Store, 'groupChanges' | 'getGroups'>;
  /** The search index's version: when it moves on, so does the catalogue. */
  searchVersion: () => number;
}

/** Rows read from the change feed at a time, so the groups read are garbage long before the last batch. */
const BATCH = 2_000;
const VENUE = 1;
const VIRTUAL = 2;
const EVERYWHERE = 4;
/** A row's places by its flags' two low bits; constant, so listing places allocates nothing per row. */
const KINDS: readonly (readonly PlaceKind[])[] = [[], ['venue'], ['virtual'], ['venue', 'virtual']];
const VENUE_ONLY: readonly PlaceKind[] = ['venue'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A value (or `termWords` values) per row, by column. */
interface RowValues {
  readonly ids: PackedStrings;
  readonly names: PackedStrings;
  /** The first 32 bits of each row's service id, to find a service by id. */
  readonly serviceKeys: Uint32Array;
  readonly flags: Uint8Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly updated: Float64Array;
  /** 1 + the organisation's number, 0 for none. */
  readonly organizations: Uint32Array;
  /** Bits of the row's taxonomy terms and their taxonomies, `termWords` numbers per row. */
  readonly terms: Uint32Array;
}

/** The columns, by row in name order, and what is built from them. */
interface Columns extends RowValues {
  /** The rows ordered by their service keys. */
  readonly byServiceKey: Uint32Array;
  /** Meetings end to end: day (0 Sunday) << 22 | opening minute << 11 | closing minute. */
  readonly sessionEnds: Uint32Array;
  readonly sessions: Uint32Array;
  readonly words: WordPostings;
  readonly all: readonly number[];
  readonly everywhere: readonly number[];
  /** Rows with a venue that do not serve everywhere, in the tree's order. */
  readonly located: Uint32Array;
  readonly tree: KDBush | undefined;
  readonly organizationList: readonly OrganizationRows[];
}

/** What stays from one build of the columns to the next: the numbering of words, terms and organisations. */
interface Numbering {
  readonly taxonomy: FeedTaxonomy;
  readonly dictionary: WordDictionary;
  readonly termBits: ReadonlyMap<string, number>;
  readonly termWords: number;
  /** Organisation numbers by HSDS id, and by the name as groups write it. */
  readonly organizationNumbers: Map<string, number>;
  readonly organizationsByName: Map<string, number>;
  /** Each organisation as the last group read gives it. */
  readonly organizations: HsdsOrganization[];
}

/**
 * The feed's catalogue: loaded on first use and kept in step with the
 * store. {@link read} answers one request from the catalogue as of now.
 */
export class FeedCatalogue {
  readonly #sources: CatalogueSources;
  readonly #numbering: Numbering;
  #columns: Columns | undefined;
  #view: CatalogueView | undefined;
  #version = 0;
  #pulling: Promise<void> | undefined;
  /** Requests reading each set of columns: columns left behind by a change are given back once none is. */
  readonly #readers = new Map<Columns, number>();

  constructor(sources: CatalogueSources, taxonomy: FeedTaxonomy) {
    this.#sources = sources;
    const termBits = new Map<string, number>();
    for (const { id } of [...taxonomy.taxonomies, ...taxonomy.terms]) if (!termBits.has(id)) termBits.set(id, termBits.size);
    this.#numbering = {
      taxonomy,
      dictionary: new WordDictionary(),
      termBits,
      termWords: Math.ceil(termBits.size / 32),
      organizationNumbers: new Map(),
      organizationsByName: new Map(),
      organizations: [],
    };
  }

  /**
   * Runs `work` on the catalogue as of now (caught up first when search has
   * seen changes it has not). The view stays whole until `work` settles,
   * whatever changes land meanwhile; it must not be kept beyond that.
   */
  async read<T>(work: (view: CatalogueView) => T | Promise<T>): Promise<T> {
    if (!this.#view || this.#sources.searchVersion() > this.#version) {
      this.#pulling ??= this.#pull().finally(() => {
        this.#pulling = undefined;
      });
      await this.#pulling;
    }
    // Taken and counted in one step: a change can only swap the columns between steps.
    const view = this.#view!;
    const columns = this.#columns!;
    this.#readers.set(columns, (this.#readers.get(columns) ?? 0) + 1);
    try {
      return await work(view);
    } finally {
      const left = this.#readers.get(columns)! - 1;
      if (left > 0) this.#readers.set(columns, left);
      else {
        this.#readers.delete(columns);
        if (columns !== this.#columns) freeColumns(columns);
      }
    }
  }

  async #pull(): Promise<void> {
    const target = this.#sources.searchVersion();
    const builder = new ColumnsBuilder(this.#numbering);
    const old = this.#columns;
    // The rows of the groups changed, to leave them out; on the first read there are none to leave out.
    const changed = new Set<number>();
    const note = old
      ? (id: string) => {
          const row = rowOfGroup(old, id);
          if (row !== undefined) changed.add(row);
        }
      : () => {};
    // Read up to the version search has reached: a group changed while this reads moves past it, so it is read at most once.
    const until = target > this.#version ? target : undefined;
    let version = this.#version;
    for (let more = true; more;) {
      const changes = await this.#sources.store.groupChanges(version, BATCH, until);
      changes.removed.forEach(note);
      for (const group of changes.upserts) {
        note(group.id);
        builder.add(group);
      }
      more = changes.version !== version && changes.removed.length + changes.upserts.length >= BATCH;
      version = changes.version;
    }
    if (!old || changed.size > 0 || builder.size > 0) {
      // Columns no request reads are spent as they are copied, so a change never holds two catalogues at once.
      // No request can start reading them meanwhile: until the version moves on below, requests wait for this.
      const spend = old !== undefined && !this.#readers.has(old);
      try {
        this.#columns = await builder.finish(old && { columns: old, keep: (row) => !changed.has(row), spend });
      } catch (error) {
        // Out of memory part way, say: the old columns may be partly spent, so the next request builds afresh from the store.
        if (spend) [this.#columns, this.#view, this.#version] = [undefined, undefined, 0];
        throw error;
      }
      this.#view = new CatalogueView(this.#columns, this.#numbering, this.#sources.store);
      if (spend) freeColumns(old);
    }
    this.#version = Math.max(version, target);
  }
}

/**
 * The feed's lists, filters and lookups over rows (groups in name order) as
 * of one version: a request keeps the view it started with, so its rows stay
 * its rows while a newer view is built. {@link groups} reads a page's groups
 * from the store.
 */
export class CatalogueView {
  readonly #c: Columns;
  readonly #numbering: Numbering;
  readonly #store: CatalogueSources['store'];
  // A word search walks the word index: a request listing venues and groups open to anyone walks it once.
  readonly #tests = new WeakMap<EntryFilter, RowTest | undefined>();

  /** @internal built by {@link FeedCatalogue} */
  constructor(columns: Columns, numbering: Numbering, store: CatalogueSources['store']) {
    this.#c = columns;
    this.#numbering = numbering;
    this.#store = store;
  }

  /** The rows of every group passing the filter, in name order. */
  list(filter: EntryFilter): readonly number[] {
    const test = this.#test(filter);
    return test ? this.#c.all.filter(test) : this.#c.all;
  }

  /** Every place the groups at these rows are attended at, in the rows' order. */
  places(rows: readonly number[]): PlaceList {
    const flags = this.#c.flags;
    return placeList(rows, (row) => KINDS[flags[row]! & (VENUE | VIRTUAL)]!);
  }

  /** The venues of these rows, as places, counted as `total`. */
  venues(rows: readonly number[], total = rows.length): PlaceList {
    return { ...placeList(rows, () => VENUE_ONLY), total };
  }

  /** The organisations of the groups passing the filter, in name order, each with its groups' rows. */
  organizations(filter: EntryFilter): readonly OrganizationRows[] {
    return this.#test(filter) ? organizationsOf(this.list(filter), this.#c.organizations, this.#numbering) : this.#c.organizationList;
  }

  /** One organisation by id, with every group's row. */
  organization(id: string): OrganizationRows | undefined {
    return this.#c.organizationList.find((o) => o.organization.id === id);
  }

  /** The row of the group behind a service id. */
  byServiceId(id: string): number | undefined {
    if (!/^[0-9a-f]{8}-/i.test(id)) return undefined;
    const { ids } = this.#c;
    return rowWithKey(this.#c, id, (row) => serviceId(ids.at(row)) === id.toLowerCase());
  }

  /**
   * Rows with a venue passing the filter, nearest first: all of them within
   * `km`, or, with no distance, the nearest `count` of them.
   * @returns the rows found, and how many there are in all
   */
  near(lat: number, lng: number, km: number | undefined, count: number, filter: EntryFilter): { rows: number[]; total: number } {
    const { tree, located } = this.#c;
    if (!tree) return { rows: [], total: 0 };
    const test = this.#test(filter);
    const predicate = test && ((i: number) => test(located[i]!));
    const rows = around(tree, lng, lat, km === undefined ? count : Infinity, km ?? Infinity, predicate).map((i) => located[i]!);
    const total = km !== undefined ? rows.length : test ? located.filter(test).length : located.length;
    return { rows, total };
  }

  /** Rows of the groups open to people anywhere, in name order: they serve every postcode. */
  everywhere(filter: EntryFilter): readonly number[] {
    const test = this.#test(filter);
    return test ? this.#c.everywhere.filter(test) : this.#c.everywhere;
  }

  /**
   * The groups at these rows, read from the store, by row. A group archived
   * or changed since the catalogue last caught up is as the store has it
   * now, or missing.
   */
  async groups(rows: readonly number[]): Promise<Map<number, Group>> {
    const { ids } = this.#c;
    const rowOf = new Map(rows.map((row) => [ids.at(row), row]));
    const groups = await this.#store.getGroups([...rowOf.keys()]);
    return new Map(groups.map((group) => [rowOf.get(group.id)!, group]));
  }

  /** The test of a filter, worked out once for all the lists one request asks of it. */
  #test(filter: EntryFilter): RowTest | undefined {
    if (!this.#tests.has(filter)) this.#tests.set(filter, this.#compile(filter));
    return this.#tests.get(filter);
  }

  #compile(filter: EntryFilter): RowTest | undefined {
    const c = this.#c;
    const tests: RowTest[] = [];
    if (filter.search) {
      // The search module's word index: a scan of every group's text would take a tenth of a second at 100,000.
      const matching = c.words.matching(wordsOf(foldText(filter.search)), this.#numbering.dictionary);
      tests.push((row) => matching !== null && matching(row));
    }
    for (const id of [filter.taxonomyTermId, filter.taxonomyId]) {
      if (!id) continue;
      const bit = this.#numbering.termBits.get(id);
      const at = this.#numbering.termWords;
      tests.push(bit === undefined ? () => false : (row) => (c.terms[row * at + (bit >>> 5)]! & (1 << (bit & 31))) !== 0);
    }
    if (filter.organizationId) {
      const number = this.#numbering.organizationNumbers.get(filter.organizationId);
      tests.push(number === undefined ? () => false : (row) => c.organizations[row] === number + 1);
    }
    if (filter.modifiedAfter) {
      const after = Date.parse(filter.modifiedAfter);
      tests.push((row) => c.updated[row]! >= after);
    }
    if (filter.day || filter.startTime || filter.endTime) {
      const day = filter.day ? WEEKDAYS.indexOf(filter.day) : -1;
      const opens = filter.startTime ? minutesOf(filter.startTime) : -1;
      const closes = filter.endTime ? minutesOf(filter.endTime) : Infinity;
      tests.push((row) => {
        for (let s = row === 0 ? 0 : c.sessionEnds[row - 1]!; s < c.sessionEnds[row]!; s++) {
          const session = c.sessions[s]!;
          if ((day < 0 || session >>> 22 === day) && ((session >>> 11) & 0x7ff) >= opens && (session & 0x7ff) <= closes) return true;
        }
        return false;
      });
    }
    if (tests.length === 0) return undefined;
    return (row) => tests.every((t) => t(row));
  }
}

/**
 * The row whose service id is `service` and which passes `is`. Service ids
 * are name-based UUIDs of the group id: the rows sharing its first 32 bits
 * (rarely more than one) are checked in full.
 */
function rowWithKey(c: Columns, service: string, is: (row: number) => boolean): number | undefined {
  const { serviceKeys, byServiceKey } = c;
  const key = Number.parseInt(service.slice(0, 8), 16);
  const first = partitionPoint(byServiceKey.length, (at) => serviceKeys[byServiceKey[at]!]! < key);
  for (let i = first; i < byServiceKey.length && serviceKeys[byServiceKey[i]!] === key; i++)
    if (is(byServiceKey[i]!)) return byServiceKey[i];
  return undefined;
}

/** The row of a group, by its id. */
function rowOfGroup(c: Columns, id: string): number | undefined {
  return rowWithKey(c, serviceId(id), (row) => c.ids.at(row) === id);
}

/** The organisations of these rows, in name order, each with its rows. */
function organizationsOf(rows: readonly number[], organizations: Uint32Array, numbering: Numbering): OrganizationRows[] {
  const byNumber = new Map<number, number[]>();
  for (const row of rows) {
    const number = organizations[row]!;
    if (number === 0) continue;
    let list = byNumber.get(number);
    if (!list) byNumber.set(number, (list = []));
    list.push(row);
  }
  return [...byNumber]
    .map(([number, list]) => ({ organization: numbering.organizations[number - 1]!, rows: list }))
    .sort((a, b) => byName.compare(a.organization.name, b.organization.name));
}

/** Places of rows, each row's kinds from `kindsOf`, listed only for the slice asked for. */
function placeList(rows: readonly number[], kindsOf: (row: number) => readonly PlaceKind[]): PlaceList {
  let total = 0;
  for (const row of rows) total += kindsOf(row).length;
  return {
    total,
    slice(start, end) {
      const places: Place[] = [];
      let at = 0;
      for (const row of rows) {
        for (const kind of kindsOf(row)) {
          if (at >= end) return places;
          if (at++ >= start) places.push({ row, kind });
        }
      }
      return places;
    },
  };
}

/** One list after the other. */
export function concatPlaces(first: PlaceList, second: PlaceList): PlaceList {
  return {
    total: first.total + second.total,
    slice: (start, end) => [
      ...(start < first.total ? first.slice(start, Math.min(end, first.total)) : []),
      ...(end > first.total ? second.slice(Math.max(0, start - first.total), end - first.total) : []),
    ],
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Columns gathered row by row, in the order read, and put in name order at the end. */
class ColumnsBuilder {
  readonly #n: Numbering;
  readonly #ids = new PackedStringsBuilder();
  readonly #names = new PackedStringsBuilder();
  readonly #keys = new Growing(Uint32Array);
  readonly #flags = new Growing(Uint8Array);
  readonly #lat = new Growing(Float64Array);
  readonly #lng = new Growing(Float64Array);
  readonly #updated = new Growing(Float64Array);
  readonly #organizations = new Growing(Uint32Array);
  readonly #terms = new Growing(Uint32Array);
  readonly #sessionEnds = new Growing(Uint32Array);
  readonly #sessions = new Growing(Uint32Array);
  readonly #wordEnds = new Growing(Uint32Array);
  readonly #words = new Growing(Uint32Array);

  constructor(numbering: Numbering) {
    this.#n = numbering;
  }

  /** How many groups have been added. */
  get size(): number {
    return this.#keys.length;
  }

  add(group: Group): void {
    const n = this.#n;
    this.#ids.push(group.id);
    this.#names.push(group.name);
    this.#keys.push(Number.parseInt(serviceId(group.id).slice(0, 8), 16));
    const kinds = placeKinds(group);
    this.#flags.push(
      (kinds.includes('venue') ? VENUE : 0) | (kinds.includes('virtual') ? VIRTUAL : 0) | (group.servesEverywhere ? EVERYWHERE : 0),
    );
    this.#lat.push(group.location?.lat ?? Number.NaN);
    this.#lng.push(group.location?.lng ?? Number.NaN);
    this.#updated.push(Date.parse(group.updatedAt));
    this.#organizations.push(group.organisation ? this.#organizationNumber(group.organisation) + 1 : 0);

    const terms = new Array<number>(n.termWords).fill(0);
    const codes: [TaxonomyField, readonly string[]][] = [
      ['conditions', group.conditions],
      ['audiences', group.audiences],
      ['formats', group.formats],
      ['model', [group.model]],
      ['functions', group.functions],
      ['leaders', group.leaders],
      ['principles', group.principles],
    ];
    for (const [field, list] of codes) {
      for (const code of list) {
        const term = n.taxonomy.term(field, code);
        if (!term) continue;
        for (const id of [term.id, term.taxonomy_id]) {
          const bit = n.termBits.get(id)!;
          terms[bit >>> 5]! |= 1 << (bit & 31);
        }
      }
    }
    for (const word of terms) this.#terms.push(word);

    // Rules and meetings are wall-clock times already: the weekday and times need no time zone.
    const session = (start: string, durationMinutes: number, day?: string) => {
      const startsAt = Date.parse(`${start}:00Z`);
      const weekday = day ? WEEKDAYS.indexOf(day) : new Date(startsAt).getUTCDay();
      const closes = new Date(startsAt + durationMinutes * 60_000).toISOString().slice(11, 16);
      this.#sessions.push(((weekday << 22) | (minutesOf(start.slice(11, 16)) << 11) | minutesOf(closes)) >>> 0);
    };
    for (const r of group.schedule.rules) session(r.start, r.durationMinutes, r.weekday);
    for (const m of group.schedule.meetings) session(m.start, m.durationMinutes);
    this.#sessionEnds.push(this.#sessions.length);

    const text = [group.name, group.summary, group.organisation?.name ?? '', group.location?.town ?? ''].join(' ');
    for (const word of new Set(wordsOf(text).map((w) => n.dictionary.idOf(w)))) this.#words.push(word);
    this.#wordEnds.push(this.#words.length);
  }

  /** What was added, in the order added; the builder is spent afterwards. */
  #rows(): Rows {
    return {
      ids: this.#ids.finish(),
      names: this.#names.finish(),
      serviceKeys: this.#keys.take(),
      flags: this.#flags.take(),
      lat: this.#lat.take(),
      lng: this.#lng.take(),
      updated: this.#updated.take(),
      organizations: this.#organizations.take(),
      terms: this.#terms.take(),
      sessions: { ends: this.#sessionEnds.take(), values: this.#sessions.take() },
      words: { ends: this.#wordEnds.take(), values: this.#words.take() },
    };
  }

  /**
   * The columns in name order (then service id, so ties keep one order in
   * every process): the groups added, and the rows of `old` that `keep`
   * says still stand. Those are in order already, so after a change only
   * the groups added are sorted, and merged in. With `spend`, the old
   * columns are given back as they are copied.
   */
  async finish(old?: { columns: Columns; keep: (row: number) => boolean; spend: boolean }): Promise<Columns> {
    const added = this.#rows();
    const ranks = nameRanks(added.names.all());
    const { serviceKeys: keys, ids } = added;
    const addedOrder = Array.from({ length: ids.length }, (_, i) => i).sort(
      (a, b) => ranks[a]! - ranks[b]! || keys[a]! - keys[b]! || (serviceId(ids.at(a)) < serviceId(ids.at(b)) ? -1 : 1),
    );
    // Each step of a million groups' build takes up to a few hundred ms: searches are answered between them.
    await nextTurn();
    const before = old && {
      ...old.columns,
      sessions: { ends: old.columns.sessionEnds, values: old.columns.sessions },
      words: old.columns.words.byItem(),
    };
    if (old?.spend) old.columns.words.free();
    const kept: number[] = [];
    if (before) for (let row = 0; row < before.ids.length; row++) if (old!.keep(row)) kept.push(row);
    // Each row's source: a kept row's number, or -1 - the index of a group added.
    const from = new Int32Array(kept.length + addedOrder.length);
    let at = 0;
    let next = 0;
    for (const j of addedOrder) {
      const name = added.names.at(j);
      const comesFirst = (row: number) =>
        (byName.compare(before!.names.at(row), name) ||
          before!.serviceKeys[row]! - keys[j]! ||
          (serviceId(before!.ids.at(row)) < serviceId(ids.at(j)) ? -1 : 1)) < 0;
      const end = next + partitionPoint(kept.length - next, (k) => comesFirst(kept[next + k]!));
      while (next < end) from[at++] = kept[next++]!;
      from[at++] = -1 - j;
    }
    while (next < kept.length) from[at++] = kept[next++]!;
    this.#n.dictionary.sort();
    await nextTurn();
    const columns = await columnsOf(
      from,
      before && { ...before, byServiceKey: old!.columns.byServiceKey },
      added,
      this.#n,
      old?.spend ?? false,
    );
    free(from);
    if (before) free(before.words.ends, before.words.values);
    return columns;
  }

  #organizationNumber(organisation: NonNullable<Group['organisation']>): number {
    const n = this.#n;
    // Hundreds of thousands of groups share a handful of organisations: the id (a SHA-1) is worked out once per name, not per group.
    const known = n.organizationsByName.get(organisation.name);
    if (known !== undefined && n.organizations[known]!.website === organisation.website) return known;
    const organization = toHsdsOrganization(organisation);
    let number = n.organizationNumbers.get(organization.id);
    if (number === undefined) n.organizationNumbers.set(organization.id, (number = n.organizations.length));
    n.organizationsByName.set(organisation.name, number);
    n.organizations[number] = organization;
    return number;
  }
}

/** Rows a catalogue is built from, their meetings and words as lists: a previous build's, or the groups just read. */
interface Rows extends RowValues {
  readonly sessions: ItemLists;
  readonly words: ItemLists;
}

/**
 * Each name's place in name order, names the collation holds equal sharing
 * one: each distinct name is collated once (a million groups share far fewer
 * names than that).
 */
function nameRanks(names: readonly string[]): Uint32Array {
  const rank = new Map<string, number>();
  let previous: string | undefined;
  for (const name of [...new Set(names)].sort(byName.compare)) {
    rank.set(name, previous !== undefined && byName.compare(previous, name) === 0 ? rank.get(previous)! : rank.size);
    previous = name;
  }
  return Uint32Array.from(names, (name) => rank.get(name)!);
}

/**
 * The columns with row `i` taken from `from[i]`: a row of `kept`, or `-1 - j`
 * for row `j` of `added`. Each column of `added` (and of `kept`, with
 * `spend`) is given back as soon as it is copied, so a build never holds
 * the groups' columns twice over.
 */
async function columnsOf(
  from: Int32Array,
  kept: (Rows & { byServiceKey: Uint32Array }) | undefined,
  added: Rows,
  numbering: Numbering,
  spend: boolean,
): Promise<Columns> {
  const count = from.length;
  // A source's arrays once copied: those of `added` are always given back, those of `kept` when spent.
  const copied = (ofAdded: ArrayBufferView[], ofKept: ArrayBufferView[] | undefined) =>
    free(...ofAdded, ...(spend && ofKept ? ofKept : []));
  // Each column is read from both sources outside its loop: a call per value costs more than the copy.
  const fixed = <T extends TypedArray>(make: new (n: number) => T, column: (rows: Rows) => TypedArray): T => {
    const values = new make(count);
    const fromKept = kept && column(kept);
    const fromAdded = column(added);
    for (let i = 0; i < count; i++) {
      const f = from[i]!;
      values[i] = f >= 0 ? fromKept![f]! : fromAdded[-1 - f]!;
    }
    copied([fromAdded], fromKept && [fromKept]);
    return values;
  };
  const listsOf = (column: (rows: Rows) => ItemLists): ItemLists => {
    const fromKept = kept && column(kept);
    const fromAdded = column(added);
    const ends = new Uint32Array(count);
    const starts = new Uint32Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const f = from[i]!;
      const { ends: e } = f >= 0 ? fromKept! : fromAdded;
      const row = f >= 0 ? f : -1 - f;
      starts[i] = row === 0 ? 0 : e[row - 1]!;
      ends[i] = total += e[row]! - starts[i]!;
    }
    const values = new Uint32Array(total);
    for (let i = 0, at = 0; i < count; i++) {
      const f = from[i]!;
      const { values: v } = f >= 0 ? fromKept! : fromAdded;
      for (let k = starts[i]!; at < ends[i]!; k++) values[at++] = v[k]!;
    }
    free(starts);
    copied([fromAdded.ends, fromAdded.values], fromKept && [fromKept.ends, fromKept.values]);
    return { ends, values };
  };
  const strings = (column: (rows: Rows) => PackedStrings): PackedStrings => {
    const builder = new PackedStringsBuilder();
    for (let i = 0; i < count;) {
      // A run of rows that follow one another in their source is one copy: after a change, nearly every row is in one run.
      const f = from[i]!;
      const step = f >= 0 ? 1 : -1;
      let end = i + 1;
      while (end < count && from[end] === from[end - 1]! + step) end++;
      const start = f >= 0 ? f : -1 - f;
      column(f >= 0 ? kept! : added).copyTo(builder, start, start + end - i);
      i = end;
    }
    column(added).free();
    if (spend) column(kept!).free();
    return builder.finish();
  };
  const width = numbering.termWords;
  const terms = new Uint32Array(count * width);
  for (let i = 0; i < count; i++) {
    const f = from[i]!;
    const rows = f >= 0 ? kept! : added;
    const row = f >= 0 ? f : -1 - f;
    for (let k = 0; k < width; k++) terms[i * width + k] = rows.terms[row * width + k]!;
  }
  copied([added.terms], kept && [kept.terms]);
  const ids = strings((r) => r.ids);
  await nextTurn();
  const names = strings((r) => r.names);
  await nextTurn();
  const serviceKeys = fixed(Uint32Array, (r) => r.serviceKeys);
  const flags = fixed(Uint8Array, (r) => r.flags);
  const lat = fixed(Float64Array, (r) => r.lat);
  const lng = fixed(Float64Array, (r) => r.lng);
  const organizations = fixed(Uint32Array, (r) => r.organizations);
  const sessions = listsOf((r) => r.sessions);
  const updated = fixed(Float64Array, (r) => r.updated);
  await nextTurn();
  const wordLists = listsOf((r) => r.words);
  const words = WordPostings.build(wordLists, numbering.dictionary.size);
  free(wordLists.ends, wordLists.values);
  await nextTurn();
  const all = Array.from({ length: count }, (_, i) => i);
  const located = rowsWhere(count, (row) => (flags[row]! & (VENUE | EVERYWHERE)) === VENUE);
  const tree = new KDBush(Math.max(1, located.length));
  for (const row of located) tree.add(lng[row]!, lat[row]!);
  if (located.length > 0) tree.finish();
  await nextTurn();
  const byServiceKey = byKey(serviceKeys, from, kept?.byServiceKey);
  return {
    ids,
    names,
    serviceKeys,
    byServiceKey,
    flags,
    lat,
    lng,
    updated,
    organizations,
    terms,
    sessionEnds: sessions.ends,
    sessions: sessions.values,
    words,
    all,
    everywhere: all.filter((row) => (flags[row]! & EVERYWHERE) !== 0),
    located,
    tree: located.length > 0 ? tree : undefined,
    organizationList: organizationsOf(all, organizations, numbering),
  };
}

/** Gives back the memory of columns no request will read again. */
function freeColumns(c: Columns): void {
  c.ids.free();
  c.names.free();
  c.words.free();
  free(c.serviceKeys, c.byServiceKey, c.flags, c.lat, c.lng, c.updated, c.organizations, c.terms, c.sessionEnds, c.sessions, c.located);
  if (c.tree) free(new Uint8Array(c.tree.data));
}

/** The rows passing a test, in order. */
function rowsWhere(count: number, test: (row: number) => boolean): Uint32Array {
  let passing = 0;
  for (let row = 0; row < count; row++) if (test(row)) passing++;
  const rows = new Uint32Array(passing);
  for (let row = 0, at = 0; row < count; row++) if (test(row)) rows[at++] = row;
  return rows;
}

/**
 * Rows in the order of their keys. After a change, the order before with
 * its rows renumbered and the rows added merged in; the first time, sorted
 * as 64-bit numbers (key, then row): no comparator called a million times.
 * @param from each row's source, as {@link columnsOf} takes it
 * @param before the rows before the change, in the order of their keys
 */
function byKey(keys: Uint32Array, from: Int32Array, before: Uint32Array | undefined): Uint32Array {
  if (!before) {
    const packed = new BigUint64Array(keys.length);
    for (let row = 0; row < keys.length; row++) packed[row] = (BigInt(keys[row]!) << 32n) | BigInt(row);
    const rows = Uint32Array.from(packed.sort(), (value) => Number(value & 0xffff_ffffn));
    free(packed);
    return rows;
  }
  const rowOfOld = new Int32Array(before.length).fill(-1);
  const added: number[] = [];
  for (let row = 0; row < from.length; row++) {
    if (from[row]! >= 0) rowOfOld[from[row]!] = row;
    else added.push(row);
  }
  added.sort((a, b) => keys[a]! - keys[b]!);
  const rows = new Uint32Array(from.length);
  let at = 0;
  let k = 0;
  for (const old of before) {
    const row = rowOfOld[old]!;
    if (row < 0) continue;
    for (; k < added.length && keys[added[k]!]! < keys[row]!; k++) rows[at++] = added[k]!;
    rows[at++] = row;
  }
  for (; k < added.length; k++) rows[at++] = added[k]!;
  free(rowOfOld);
  return rows;
}
