/**
 * The published directory as the feed reads it: every group, its taxonomy
 * terms, weekdays and words precomputed, in name order, with a spatial index
 * of the venues. Kept in step with the store's change feed whenever the
 * search index has moved on, so the feed is as fresh as search.
 * @module
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Group } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { foldText, WordDictionary, WordPostings, wordsOf } from '../search/words.js';
import { organizationId, serviceId } from './ids.js';
import type { HsdsOrganization } from './hsds.js';
import { placesOf, toHsdsOrganization, type Place } from './services.js';
import type { FeedTaxonomy, TaxonomyField } from './taxonomy.js';

/** A published group with what the feed's filters test. */
export interface Entry {
  readonly group: Group;
  readonly serviceId: string;
  readonly organizationId: string | undefined;
  /** Ids of its taxonomy terms and of their taxonomies. */
  readonly terms: ReadonlySet<string>;
  /** Where it is in the catalogue's name order, as the word index numbers it. */
  position: number;
  /** Numbers of the words of its name, summary, organisation and town, in the catalogue's dictionary. */
  readonly words: Uint32Array;
  /** Its meetings: RFC 5545 weekday (`MO`), local opening and closing `HH:MM`. */
  readonly sessions: readonly { day: string; opens: string; closes: string }[];
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

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** What the catalogue reads: the change feed, and how far search has got. */
export interface CatalogueSources {
  store: Pick<Store, 'groupChanges'>;
  /** The search index's version: when it moves on, so does the catalogue. */
  searchVersion: () => number;
}

export class FeedCatalogue {
  #groups = new Map<string, Entry>();
  #byServiceId = new Map<string, Entry>();
  #sorted: Entry[] = [];
  #located: Entry[] = [];
  #places: Place[] = [];
  #dictionary = new WordDictionary();
  #postings = WordPostings.of([], 0);
  #everywhere: Entry[] = [];
  #organizations: Organizations = new Map();
  #tree: KDBush | undefined;
  #version = 0;
  #loaded = false;
  #pulling: Promise<void> | undefined;

  constructor(
    private readonly sources: CatalogueSources,
    private readonly taxonomy: FeedTaxonomy,
  ) {}

  /** Catches up with the store when search has seen changes this has not. */
  async current(): Promise<this> {
    if (this.#loaded && this.sources.searchVersion() <= this.#version) return this;
    this.#pulling ??= this.#pull().finally(() => {
      this.#pulling = undefined;
    });
    await this.#pulling;
    return this;
  }

  /** Every group passing the filter, in name order. */
  list(filter: EntryFilter): Entry[] {
    const test = this.#test(filter);
    return test ? this.#sorted.filter(test) : this.#sorted;
  }

  /** Every place a group passing the filter is attended at, in the groups' name order. */
  places(filter: EntryFilter): readonly Place[] {
    const test = this.#test(filter);
    return test ? this.#sorted.filter(test).flatMap(placesOf) : this.#places;
  }

  /** The organisations of the groups passing the filter, by id, in name order, each with its groups. */
  organizations(filter: EntryFilter): Organizations {
    return this.#test(filter) ? organizationsOf(this.list(filter)) : this.#organizations;
  }

  /** The group behind a service id. */
  byServiceId(id: string): Entry | undefined {
    return this.#byServiceId.get(id);
  }

  /**
   * Groups with a venue passing the filter, nearest first: all of them
   * within `km`, or, with no distance, the nearest `count` of them.
   * @returns the groups found, and how many there are in all
   */
  near(lat: number, lng: number, km: number | undefined, count: number, filter: EntryFilter): { entries: Entry[]; total: number } {
    if (!this.#tree) return { entries: [], total: 0 };
    const test = this.#test(filter);
    const predicate = test && ((i: number) => test(this.#located[i]!));
    const items = around(this.#tree, lng, lat, km === undefined ? count : Infinity, km ?? Infinity, predicate);
    const entries = items.map((i) => this.#located[i]!);
    const total = km !== undefined ? entries.length : test ? this.#located.filter(test).length : this.#located.length;
    return { entries, total };
  }

  /** Groups open to people anywhere, in name order: they serve every postcode. */
  everywhere(filter: EntryFilter): Entry[] {
    const test = this.#test(filter);
    return test ? this.#everywhere.filter(test) : this.#everywhere;
  }

  async #pull(): Promise<void> {
    const target = this.sources.searchVersion();
    const changes = await this.sources.store.groupChanges(this.#version);
    for (const id of changes.removed) this.#groups.delete(id);
    for (const group of changes.upserts) this.#groups.set(group.id, this.#entry(group));
    this.#version = Math.max(changes.version, target);
    this.#loaded = true;
    if (changes.removed.length === 0 && changes.upserts.length === 0 && this.#sorted.length === this.#groups.size) return;
    this.#sorted = [...this.#groups.values()].sort(
      (a, b) => byName.compare(a.group.name, b.group.name) || (a.serviceId < b.serviceId ? -1 : 1),
    );
    this.#byServiceId = new Map(this.#sorted.map((e) => [e.serviceId, e]));
    this.#sorted.forEach((e, i) => (e.position = i));
    this.#everywhere = this.#sorted.filter((e) => e.group.servesEverywhere);
    this.#organizations = organizationsOf(this.#sorted);
    this.#dictionary.sort();
    this.#postings = WordPostings.of(
      this.#sorted.map((e) => e.words),
      this.#dictionary.size,
    );
    this.#located = this.#sorted.filter((e) => e.group.location && !e.group.servesEverywhere);
    this.#places = this.#sorted.flatMap(placesOf);
    const tree = new KDBush(Math.max(1, this.#located.length));
    for (const e of this.#located) tree.add(e.group.location!.lng, e.group.location!.lat);
    this.#tree = this.#located.length > 0 ? tree.finish() : undefined;
  }

  #entry(group: Group): Entry {
    const terms = new Set<string>();
    const add = (field: TaxonomyField, codes: readonly string[]) => {
      for (const code of codes) {
        const term = this.taxonomy.term(field, code);
        if (term) terms.add(term.id).add(term.taxonomy_id);
      }
    };
    add('conditions', group.conditions);
    add('audiences', group.audiences);
    add('formats', group.formats);
    add('model', [group.model]);
    add('functions', group.functions);
    add('leaders', group.leaders);
    add('principles', group.principles);
    const id = serviceId(group.id);
    // Rules and meetings are wall-clock times already: the weekday and times need no time zone.
    const session = (start: string, durationMinutes: number, day?: string) => {
      const startsAt = Date.parse(`${start}:00Z`);
      return {
        day: day ?? WEEKDAYS[new Date(startsAt).getUTCDay()]!,
        opens: start.slice(11, 16),
        closes: new Date(startsAt + durationMinutes * 60_000).toISOString().slice(11, 16),
      };
    };
    const sessions = [
      ...group.schedule.rules.map((r) => session(r.start, r.durationMinutes, r.weekday)),
      ...group.schedule.meetings.map((m) => session(m.start, m.durationMinutes)),
    ];
    return {
      group,
      position: -1,
      serviceId: id,
      organizationId: group.organisation && organizationId(group.organisation.name),
      terms,
      words: Uint32Array.from(
        new Set(
          wordsOf([group.name, group.summary, group.organisation?.name ?? '', group.location?.town ?? ''].join(' ')).map((w) =>
            this.#dictionary.idOf(w),
          ),
        ),
      ),
      sessions,
    };
  }

  #test(filter: EntryFilter): ((e: Entry) => boolean) | undefined {
    const tests: ((e: Entry) => boolean)[] = [];
    if (filter.search) {
      // The search module's word index: a scan of every group's text would take a tenth of a second at 100,000.
      const matching = this.#postings.matching(wordsOf(foldText(filter.search)), this.#dictionary);
      tests.push((e) => matching !== null && matching(e.position));
    }
    if (filter.taxonomyTermId) tests.push((e) => e.terms.has(filter.taxonomyTermId!));
    if (filter.taxonomyId) tests.push((e) => e.terms.has(filter.taxonomyId!));
    if (filter.organizationId) tests.push((e) => e.organizationId === filter.organizationId);
    if (filter.modifiedAfter) {
      const after = Date.parse(filter.modifiedAfter);
      tests.push((e) => Date.parse(e.group.updatedAt) >= after);
    }
    if (filter.day || filter.startTime || filter.endTime) {
      const { day, startTime, endTime } = filter;
      tests.push((e) =>
        e.sessions.some((s) => (!day || s.day === day) && (!startTime || s.opens >= startTime) && (!endTime || s.closes <= endTime)),
      );
    }
    if (tests.length === 0) return undefined;
    return (e) => tests.every((t) => t(e));
  }
}

/** Organisations by id, each with its groups. */
export type Organizations = ReadonlyMap<string, { organization: HsdsOrganization; entries: Entry[] }>;

function organizationsOf(entries: readonly Entry[]): Organizations {
  const orgs = new Map<string, { organization: HsdsOrganization; entries: Entry[] }>();
  for (const entry of entries) {
    const { organisation } = entry.group;
    if (!organisation || !entry.organizationId) continue;
    let org = orgs.get(entry.organizationId);
    if (!org) orgs.set(entry.organizationId, (org = { organization: toHsdsOrganization(organisation), entries: [] }));
    org.entries.push(entry);
  }
  return new Map([...orgs].sort(([, a], [, b]) => byName.compare(a.organization.name, b.organization.name)));
}
