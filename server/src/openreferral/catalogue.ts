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
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Group } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { Growing, type TypedArray } from '../search/growing.js';
import { foldText, WordDictionary, WordPostings, wordsOf, type ItemLists } from '../search/words.js';
import type { HsdsOrganization } from './hsds.js';
import { organizationId, serviceId } from './ids.js';
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

/** The columns, by row in name order; rebuilt whole when groups change. */
interface Columns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** The first 32 bits of each row's service id, and the rows ordered by them, to find a service id. */
  readonly serviceKeys: Uint32Array;
  readonly byServiceKey: Uint32Array;
  readonly flags: Uint8Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly updated: Float64Array;
  /** 1 + the organisation's number, 0 for none. */
  readonly organizations: Uint32Array;
  /** Bits of the row's taxonomy terms and their taxonomies, `termWords` numbers per row. */
  readonly terms: Uint32Array;
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
  readonly organizationNumbers: Map<string, number>;
  /** Each organisation as the last group read gives it. */
  readonly organizations: HsdsOrganization[];
}

/**
 * The feed's catalogue: loaded on first use and kept in step with the
 * store. {@link current} gives the catalogue as of now, to answer one request.
 */
export class FeedCatalogue {
  readonly #sources: CatalogueSources;
  readonly #numbering: Numbering;
  #columns: Columns | undefined;
  #view: CatalogueView | undefined;
  #version = 0;
  #pulling: Promise<void> | undefined;

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
      organizations: [],
    };
  }

  /** The catalogue as of now, caught up first when search has seen changes it has not. */
  async current(): Promise<CatalogueView> {
    if (!this.#view || this.#sources.searchVersion() > this.#version) {
      this.#pulling ??= this.#pull().finally(() => {
        this.#pulling = undefined;
      });
      await this.#pulling;
    }
    return this.#view!;
  }

  async #pull(): Promise<void> {
    const target = this.#sources.searchVersion();
    const builder = new ColumnsBuilder(this.#numbering);
    const old = this.#columns;
    // The ids changed, to leave their old rows out; on the first read there are none to leave out.
    const changed = new Set<string>();
    const note = old ? (id: string) => changed.add(id) : () => {};
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
    this.#version = Math.max(version, target);
    if (old && changed.size === 0) return;
    if (old) {
      const words = old.words.byItem();
      old.ids.forEach((id, row) => changed.has(id) || builder.copy(old, row, words));
    }
    this.#columns = builder.finish();
    this.#view = new CatalogueView(this.#columns, this.#numbering, this.#sources.store);
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
    const { serviceKeys, byServiceKey, ids } = this.#c;
    const key = Number.parseInt(id.slice(0, 8), 16);
    // Service ids are name-based UUIDs of the group id: rows sharing the key's 32 bits (rarely more than one) are checked in full.
    const first = partitionPoint(byServiceKey.length, (at) => serviceKeys[byServiceKey[at]!]! < key);
    for (let i = first; i < byServiceKey.length && serviceKeys[byServiceKey[i]!] === key; i++) {
      if (serviceId(ids[byServiceKey[i]!]!) === id.toLowerCase()) return byServiceKey[i];
    }
    return undefined;
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
    const rowOf = new Map(rows.map((row) => [ids[row]!, row]));
    const groups = await this.#store.getGroups([...rowOf.keys()]);
    return new Map(groups.map((group) => [rowOf.get(group.id)!, group]));
  }

  #test(filter: EntryFilter): ((row: number) => boolean) | undefined {
    const c = this.#c;
    const tests: ((row: number) => boolean)[] = [];
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
  readonly #ids: string[] = [];
  readonly #names: string[] = [];
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

  /** Copies one row of columns built before, `words` being their word index turned inside out. */
  copy(from: Columns, row: number, words: ItemLists): void {
    this.#ids.push(from.ids[row]!);
    this.#names.push(from.names[row]!);
    this.#keys.push(from.serviceKeys[row]!);
    this.#flags.push(from.flags[row]!);
    this.#lat.push(from.lat[row]!);
    this.#lng.push(from.lng[row]!);
    this.#updated.push(from.updated[row]!);
    this.#organizations.push(from.organizations[row]!);
    const at = this.#n.termWords;
    for (let k = 0; k < at; k++) this.#terms.push(from.terms[row * at + k]!);
    for (let s = row === 0 ? 0 : from.sessionEnds[row - 1]!; s < from.sessionEnds[row]!; s++) this.#sessions.push(from.sessions[s]!);
    this.#sessionEnds.push(this.#sessions.length);
    for (let k = row === 0 ? 0 : words.ends[row - 1]!; k < words.ends[row]!; k++) this.#words.push(words.values[k]!);
    this.#wordEnds.push(this.#words.length);
  }

  /** The columns in name order (then service id, so ties keep one order in every process). */
  finish(): Columns {
    const count = this.#ids.length;
    // Collating each distinct name once: a million groups share far fewer names, and TimSort is quick on rows already in order.
    const distinct = [...new Set(this.#names)].sort(byName.compare);
    const rank = new Map(distinct.map((name, i) => [name, i]));
    const ranks = Uint32Array.from(this.#names, (name) => rank.get(name)!);
    const keys = this.#keys.view();
    const ids = this.#ids;
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => ranks[a]! - ranks[b]! || keys[a]! - keys[b]! || (serviceId(ids[a]!) < serviceId(ids[b]!) ? -1 : 1),
    );
    const take = <T extends TypedArray>(make: new (n: number) => T, values: Growing<TypedArray>): T => {
      const column = new make(count);
      order.forEach((from, row) => (column[row] = values.at(from)));
      return column;
    };
    const at = this.#n.termWords;
    const terms = new Uint32Array(count * at);
    const sessionEnds = new Uint32Array(count);
    const sessions = new Uint32Array(this.#sessions.length);
    const wordEnds = new Uint32Array(count);
    const words = new Uint32Array(this.#words.length);
    let session = 0;
    let word = 0;
    order.forEach((from, row) => {
      for (let k = 0; k < at; k++) terms[row * at + k] = this.#terms.at(from * at + k);
      const sessionEnd = this.#sessionEnds.at(from);
      for (let s = from === 0 ? 0 : this.#sessionEnds.at(from - 1); s < sessionEnd; s++) sessions[session++] = this.#sessions.at(s);
      sessionEnds[row] = session;
      const wordEnd = this.#wordEnds.at(from);
      for (let k = from === 0 ? 0 : this.#wordEnds.at(from - 1); k < wordEnd; k++) words[word++] = this.#words.at(k);
      wordEnds[row] = word;
    });
    this.#n.dictionary.sort();
    const serviceKeys = take(Uint32Array, this.#keys);
    const flags = take(Uint8Array, this.#flags);
    const lat = take(Float64Array, this.#lat);
    const lng = take(Float64Array, this.#lng);
    const organizations = take(Uint32Array, this.#organizations);
    const all = Array.from({ length: count }, (_, i) => i);
    const located = Uint32Array.from(all.filter((row) => (flags[row]! & (VENUE | EVERYWHERE)) === VENUE));
    const tree = new KDBush(Math.max(1, located.length));
    for (const row of located) tree.add(lng[row]!, lat[row]!);
    return {
      ids: order.map((from) => ids[from]!),
      names: order.map((from) => this.#names[from]!),
      serviceKeys,
      byServiceKey: Uint32Array.from(all).sort((a, b) => serviceKeys[a]! - serviceKeys[b]!),
      flags,
      lat,
      lng,
      updated: take(Float64Array, this.#updated),
      organizations,
      terms,
      sessionEnds,
      sessions,
      words: WordPostings.build({ ends: wordEnds, values: words }, this.#n.dictionary.size),
      all,
      everywhere: all.filter((row) => (flags[row]! & EVERYWHERE) !== 0),
      located,
      tree: located.length > 0 ? tree.finish() : undefined,
      organizationList: organizationsOf(all, organizations, this.#n),
    };
  }

  #organizationNumber(organisation: NonNullable<Group['organisation']>): number {
    const id = organizationId(organisation.name);
    let number = this.#n.organizationNumbers.get(id);
    if (number === undefined) this.#n.organizationNumbers.set(id, (number = this.#n.organizations.length));
    this.#n.organizations[number] = toHsdsOrganization(organisation);
    return number;
  }
}
