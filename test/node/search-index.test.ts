import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  everywherePageSchema,
  groupSummarySchema,
  everywhereQuerySchema,
  searchQuerySchema,
  searchResultSchema,
  storedGroupSchema,
  summaryOf,
  type GeocodeResult,
  type Group,
  type SearchResult,
} from 'peer-directory/schema';
import { DirectoryIndex, InvalidCursorError, MAX_OFFSET, SearchService } from '../../server/src/search/index.js';
import { syntheticGroups } from '../../server/src/sample/synthetic.js';
import { sampleGroups } from '../../server/src/sample/sample-groups.js';
import { openStore, type Store } from '../../server/src/store/index.js';
import { makeGroup } from '../support/fixtures.js';
import { kmBetween as haversineKm } from '../support/distance.js';
import { until } from '../support/until.js';

const INDEX_CATCHES_UP = { everyMs: 10, waitingFor: 'the index to catch up' };

const place = (label: string, lat: number, lng: number): GeocodeResult => ({ label, lat, lng, precision: 'device' });
const LONDON = place('London', 51.5072, -0.1276);
const CAMDEN = place('Camden', 51.539, -0.1426);
const WATFORD = place('Watford', 51.6565, -0.3903);
const READING = place('Reading', 51.4543, -0.9781);
const CARDIFF = place('Cardiff', 51.4816, -3.1791);
const MANCHESTER = place('Manchester', 53.4808, -2.2426);
const ABERDEEN = place('Aberdeen', 57.1497, -2.0943);

const MILE_KM = 1.609344;

/** A group meeting at a place, with whatever else the story needs. */
function groupAt(id: string, at: GeocodeResult, overrides: Parameters<typeof makeGroup>[0] = {}): Group {
  const { location, ...rest } = overrides;
  return makeGroup({
    id,
    name: `${at.label} group ${id}`,
    location: { town: at.label, lat: at.lat, lng: at.lng, ...location },
    ...rest,
  });
}

/** An online group open to people anywhere. */
function onlineGroup(id: string, name: string, overrides: Parameters<typeof makeGroup>[0] = {}): Group {
  return makeGroup({ id, name, formats: ['online'], model: 'web-based', servesEverywhere: true, location: undefined, ...overrides });
}

function indexOf(groups: Group[]): DirectoryIndex {
  const index = new DirectoryIndex();
  index.apply({ version: 1, upserts: groups, removed: [] });
  return index;
}

/** Searches as the route does: query-string parameters parsed by the shared schema. */
function search(index: DirectoryIndex, params: Record<string, unknown>, origin?: GeocodeResult): SearchResult {
  const text = index.search(searchQuerySchema.parse(params), origin);
  return searchResultSchema.parse(JSON.parse(text.toString()));
}

/** A page of the groups serving everywhere, as `GET /v1/everywhere` asks for it. */
function everywhere(index: DirectoryIndex, params: Record<string, unknown>) {
  return everywherePageSchema.parse(JSON.parse(index.everywhere(everywhereQuerySchema.parse(params)).toString()));
}

const ids = (result: { groups: { id: string }[] }) => result.groups.map((g) => g.id);

describe('searching the directory index', () => {
  const cities = [
    groupAt('manchester', MANCHESTER),
    groupAt('reading', READING),
    groupAt('cardiff', CARDIFF),
    groupAt('camden', CAMDEN),
    groupAt('watford', WATFORD),
  ];

  it('finds groups near a point, nearest first, with distances in miles', () => {
    const result = search(indexOf(cities), { radius: '200' }, LONDON);

    assert.deepEqual(ids(result), ['camden', 'watford', 'reading', 'cardiff', 'manchester']);
    for (const hit of result.groups) {
      const expected = haversineKm(LONDON, hit.location!) / MILE_KM;
      assert.ok(Math.abs(hit.distance - expected) <= 0.005, `${hit.id}: ${hit.distance} mi, expected ${expected}`);
      assert.equal(hit.distance, Math.round(hit.distance * 100) / 100, 'rounded to hundredths');
    }
    assert.equal(result.units, 'mi');
    assert.equal(result.radius, 200);
    assert.deepEqual(result.origin, LONDON);
    assert.deepEqual(result.groups[0], { ...summaryOf(cities[3]!), distance: result.groups[0]!.distance }, 'the group’s summary');
  });

  it('measures in kilometres on request, radius included', () => {
    const result = search(indexOf(cities), { units: 'km', radius: '40' }, LONDON);

    assert.deepEqual(ids(result), ['camden', 'watford']);
    assert.equal(result.units, 'km');
    for (const hit of result.groups) {
      assert.ok(Math.abs(hit.distance - haversineKm(LONDON, hit.location!)) <= 0.005);
    }
  });

  it('leaves out groups beyond the radius (25 miles unless asked)', () => {
    const index = indexOf(cities);
    assert.deepEqual(ids(search(index, {}, LONDON)), ['camden', 'watford']);
    assert.equal(search(index, {}, LONDON).radius, 25);
    assert.deepEqual(ids(search(index, { radius: '40' }, LONDON)), ['camden', 'watford', 'reading']);
    assert.deepEqual(ids(search(index, { radius: '1' }, LONDON)), []);
  });

  it('measures from lat and lng when no geocoded place is given', () => {
    const result = search(indexOf(cities), { lat: String(CARDIFF.lat), lng: String(CARDIFF.lng) });
    assert.deepEqual(ids(result), ['cardiff']);
    assert.equal(result.groups[0]!.distance, 0);
  });

  describe('each filter narrows results', () => {
    // Every group is in the same spot near London, so only the filter decides.
    const near = (id: string, overrides: Parameters<typeof makeGroup>[0]) => groupAt(id, CAMDEN, overrides);
    const filtered = (groups: Group[], params: Record<string, unknown>) => {
      const index = indexOf(groups);
      assert.equal(search(index, {}, LONDON).groups.length, groups.length, 'unfiltered, every group is found');
      return ids(search(index, params, LONDON)).sort();
    };

    it('condition: groups for any of the conditions asked', () => {
      const groups = [
        near('t1', { conditions: ['type1'] }),
        near('t2', { conditions: ['type2'] }),
        near('both', { conditions: ['type1', 'type2'] }),
        near('gdm', { conditions: ['gestational'] }),
      ];
      assert.deepEqual(filtered(groups, { condition: 'type1' }), ['both', 't1']);
      assert.deepEqual(filtered(groups, { condition: 'type1,gestational' }), ['both', 'gdm', 't1']);
    });

    it('audience: groups for any of the people asked', () => {
      const groups = [
        near('adults', { audiences: ['adults'] }),
        near('kids', { audiences: ['children', 'parents-carers'] }),
        near('teens', { audiences: ['young-people'] }),
      ];
      assert.deepEqual(filtered(groups, { audience: 'parents-carers' }), ['kids']);
      assert.deepEqual(filtered(groups, { audience: ['young-people', 'children'] }), ['kids', 'teens']);
    });

    it('format: groups that meet in any of the ways asked', () => {
      const groups = [
        near('room', { formats: ['in-person'] }),
        near('hybrid', { formats: ['in-person', 'online'] }),
        near('phone', { formats: ['in-person', 'telephone'] }),
      ];
      assert.deepEqual(filtered(groups, { format: 'online' }), ['hybrid']);
      assert.deepEqual(filtered(groups, { format: 'online,telephone' }), ['hybrid', 'phone']);
    });

    it('model: groups run on any of the models asked', () => {
      const groups = [
        near('circle', { model: 'support-group' }),
        near('mentor', { model: 'peer-coaching' }),
        near('course', { model: 'self-management' }),
      ];
      assert.deepEqual(filtered(groups, { model: 'peer-coaching' }), ['mentor']);
      assert.deepEqual(filtered(groups, { model: 'peer-coaching,self-management' }), ['course', 'mentor']);
    });

    it('free: free groups, or with free=false only those charging a fee', () => {
      const groups = [
        near('free', { answers: { cost: { free: true } } }),
        near('fee', { answers: { cost: { free: false, details: '£3 a session' } } }),
      ];
      assert.deepEqual(filtered(groups, { free: 'true' }), ['free']);
      assert.deepEqual(filtered(groups, { free: 'false' }), ['fee']);
    });

    it('family: groups that welcome family members, or those that do not', () => {
      const groups = [
        near('welcome', { answers: { familyWelcome: { answer: true } } }),
        near('members-only', { answers: { familyWelcome: { answer: false } } }),
      ];
      assert.deepEqual(filtered(groups, { family: 'true' }), ['welcome']);
      assert.deepEqual(filtered(groups, { family: 'false' }), ['members-only']);
    });

    it('language: groups speaking it, whatever the region of their tag', () => {
      const groups = [
        near('english', { languages: ['en'] }),
        near('welsh', { languages: ['cy-GB', 'en'] }),
        near('punjabi', { languages: ['pa'] }),
      ];
      assert.deepEqual(filtered(groups, { language: 'cy' }), ['welsh']);
      assert.deepEqual(filtered(groups, { language: 'en' }), ['english', 'welsh']);
    });

    it('q: every word, as the start of a word in any case or accent, in the name, summary, organisation or town', () => {
      const groups = [
        near('by-name', { name: 'Sugar Busters', summary: 'A walking group.' }),
        near('by-summary', { name: 'Tuesday Club', summary: 'Busting myths about sugar.' }),
        near('by-organisation', { name: 'Club', summary: 'Talk.', organisation: { name: 'Ynys Môn Diabetes' } }),
        near('by-town', { name: 'Club', summary: 'Talk.', location: { town: 'Holyhead' } }),
      ];
      assert.deepEqual(filtered(groups, { q: 'SUGAR' }), ['by-name', 'by-summary']);
      assert.deepEqual(filtered(groups, { q: 'sugar walking' }), ['by-name']);
      assert.deepEqual(filtered(groups, { q: 'bust' }), ['by-name', 'by-summary']);
      assert.deepEqual(filtered(groups, { q: 'ugar' }), [], 'a word is matched from its start');
      assert.deepEqual(filtered(groups, { q: 'ynys mon' }), ['by-organisation']);
      assert.deepEqual(filtered(groups, { q: 'holyhead' }), ['by-town']);
    });
  });

  it('lists online groups serving everywhere apart, by name, in every search, even with no place', () => {
    const index = indexOf([
      ...cities,
      onlineGroup('web-b', 'Type 1 Online Evenings', { conditions: ['type1'] }),
      onlineGroup('web-a', 'Coffee and Carbs Online', { conditions: ['type2'] }),
      onlineGroup('phone', 'Telephone Buddies', { formats: ['telephone'], model: 'telephone-support' }),
    ]);
    const everyone = ['web-a', 'phone', 'web-b'];

    const nowhere = search(index, {});
    assert.deepEqual(ids(nowhere), []);
    assert.equal(nowhere.origin, undefined);
    assert.deepEqual(ids(nowhere.everywhere!), everyone);

    const farAway = search(index, {}, ABERDEEN);
    assert.deepEqual(ids(farAway), []);
    assert.deepEqual(ids(farAway.everywhere!), everyone);

    const inLondon = search(index, {}, LONDON);
    assert.deepEqual(ids(inLondon), ['camden', 'watford'], 'not among the groups found by distance');
    assert.deepEqual(ids(inLondon.everywhere!), everyone);

    assert.deepEqual(ids(search(index, { condition: 'type1' }).everywhere!), ['web-b'], 'filters apply too');
  });

  it('keeps the online groups of a filtered search up to date as groups are approved and archived', () => {
    const index = indexOf([
      ...cities,
      onlineGroup('web-b', 'Type 1 Online Evenings', { conditions: ['type1'] }),
      onlineGroup('web-c', 'Type 1 Talk', { conditions: ['type1'] }),
      onlineGroup('web-x', 'Coffee and Carbs Online', { conditions: ['type2'] }),
    ]);
    const type1 = (at?: GeocodeResult) => {
      const { groups, total } = search(index, { condition: 'type1' }, at).everywhere!;
      return { ids: groups.map((g) => g.id), total };
    };
    assert.deepEqual(type1(), { ids: ['web-b', 'web-c'], total: 2 });
    assert.deepEqual(type1(LONDON), { ids: ['web-b', 'web-c'], total: 2 }, 'the same from anywhere');

    index.apply({ version: 2, upserts: [onlineGroup('web-a', 'A Type 1 Circle', { conditions: ['type1'] })], removed: [] });
    assert.deepEqual(type1(LONDON), { ids: ['web-a', 'web-b', 'web-c'], total: 3 }, 'an approval shows at once');
    index.apply({ version: 3, upserts: [], removed: ['web-b'] });
    assert.deepEqual(type1(), { ids: ['web-a', 'web-c'], total: 2 }, 'an archived group goes at once');
    index.merge();
    assert.deepEqual(type1(MANCHESTER), { ids: ['web-a', 'web-c'], total: 2 }, 'and stays gone once merged');
    assert.deepEqual(ids(search(index, { condition: 'type2' }).everywhere!), ['web-x'], 'other filters have their own page');
  });

  it('sends the first three groups serving everywhere with each search, their total, and the rest in pages', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      onlineGroup(`web-${i}`, `Online group ${i}`, { conditions: i % 2 ? ['type1'] : ['type2'] }),
    );
    const index = indexOf(many);
    const first = search(index, {}).everywhere!;
    assert.deepEqual(
      first.groups.map((g) => g.name),
      ['Online group 0', 'Online group 1', 'Online group 2'],
    );
    assert.equal(first.total, 60);

    const names = first.groups.map((g) => g.name);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = everywhere(index, { cursor, limit: '25' });
      assert.equal(page.total, 60);
      names.push(...page.groups.map((g) => g.name));
      cursor = page.nextCursor;
    }
    assert.deepEqual(
      names,
      many.map((g) => g.name),
      'every group once, by name',
    );

    const type1 = everywhere(index, { condition: 'type1', limit: '50' });
    assert.equal(type1.total, 30);
    assert.equal(type1.groups.length, 30);
    assert.equal(type1.nextCursor, null);
    assert.deepEqual(everywhere(index, { q: 'nothing like this' }), { groups: [], total: 0, nextCursor: null });
  });

  it('answers a default search of a busy directory in at most 12 KB of JSON', () => {
    const index = indexOf(syntheticGroups(20_000));
    const text = index.search(searchQuerySchema.parse({}), LONDON);
    const result = searchResultSchema.parse(JSON.parse(text.toString()));
    assert.equal(result.groups.length, 10);
    assert.equal(result.everywhere!.groups.length, 3);
    assert.ok(result.everywhere!.total > 100);
    assert.ok(Buffer.byteLength(text) <= 12 * 1024, `${Buffer.byteLength(text)} bytes`);
  });

  describe('pages', () => {
    // A grid of groups around London, and six sharing one venue: equal
    // distances must still page in one fixed order.
    const grid = Array.from({ length: 40 }, (_, i) =>
      groupAt(`grid-${String(i).padStart(2, '0')}`, place('Grid', 51.45 + (i % 8) * 0.015, -0.25 + Math.floor(i / 8) * 0.05)),
    );
    const venue = place('Shared venue', 51.52, -0.1);
    const sharing = ['f', 'c', 'a', 'e', 'b', 'd'].map((letter) => groupAt(`venue-${letter}`, venue));
    const index = indexOf([...grid, ...sharing, onlineGroup('web', 'Online')]);

    it('follow the cursor without repeats or gaps', () => {
      const all = search(index, { limit: '50' }, LONDON);
      assert.equal(all.groups.length, 46);
      assert.equal(all.nextCursor, null);

      const paged: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = search(index, { limit: '4', ...(cursor ? { cursor } : {}) }, LONDON);
        assert.equal(page.everywhere?.total, pages === 0 ? 1 : undefined, 'everywhere groups come with the first page only');
        paged.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);

      assert.equal(pages, 12);
      assert.deepEqual(paged, ids(all));
    });

    it('order equal distances by id', () => {
      const atVenue = ids(search(index, { limit: '50' }, venue)).slice(0, 6);
      assert.deepEqual(atVenue, ['venue-a', 'venue-b', 'venue-c', 'venue-d', 'venue-e', 'venue-f']);
    });

    it('refuse a cursor this API did not give', () => {
      const query = (cursor: string) => searchQuerySchema.parse({ cursor });
      const pastTheEnd = Buffer.from(String(MAX_OFFSET + 10)).toString('base64url');
      for (const cursor of ['not-a-cursor', 'MTA-', pastTheEnd]) {
        assert.throws(
          () => index.search(query(cursor), LONDON),
          (error: unknown) => {
            assert.ok(error instanceof InvalidCursorError);
            assert.equal(error.name, 'InvalidCursorError');
            return true;
          },
        );
      }
    });
  });

  it('finds the few groups a filter keeps among thousands nearby, nearest first, page by page', () => {
    // Thousands of English-speaking groups crowd London; a handful speak Welsh.
    const crowd = Array.from({ length: 4000 }, (_, i) =>
      groupAt(`crowd-${i}`, place('London', 51.3 + (i % 80) * 0.005, -0.5 + Math.floor(i / 80) * 0.02)),
    );
    const welsh = [CAMDEN, WATFORD, READING, CARDIFF, place('Swansea', 51.6214, -3.9436), place('Oxford', 51.752, -1.2577)].map((at, i) =>
      groupAt(`welsh-${i}`, at, { languages: ['cy', 'en'] }),
    );
    const index = indexOf([...crowd, ...welsh]);
    const expected = welsh
      .map((g) => ({ id: g.id, miles: haversineKm(LONDON, g.location!) / MILE_KM }))
      .filter((g) => g.miles <= 150)
      .sort((a, b) => a.miles - b.miles)
      .map((g) => g.id);

    assert.deepEqual(ids(search(index, { language: 'cy', radius: '150', limit: '50' }, LONDON)), expected);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = search(index, { language: 'cy', radius: '150', limit: '2', ...(cursor ? { cursor } : {}) }, LONDON);
      paged.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(paged, expected);
    assert.equal(search(index, { q: 'nowhere-to-be-found' }, LONDON).groups.length, 0);
  });

  it('drops an archived group once the change is applied', () => {
    const index = indexOf(cities);
    index.apply({ version: 7, upserts: [], removed: ['camden'] });

    assert.deepEqual(ids(search(index, {}, LONDON)), ['watford']);
    assert.equal(index.size, 4);
    assert.equal(index.version, 7);
  });

  it('shows an edited group as it is now', () => {
    const index = indexOf(cities);
    const moved = { ...cities[4]!, name: 'Watford moved to Cardiff', location: { ...cities[4]!.location!, ...CARDIFF } };
    index.apply({ version: 2, upserts: [moved], removed: [] });

    assert.deepEqual(ids(search(index, {}, LONDON)), ['camden']);
    assert.deepEqual(
      search(index, {}, CARDIFF).groups.map((g) => g.name),
      ['Cardiff group cardiff', 'Watford moved to Cardiff'],
    );
    assert.deepEqual(ids(search(index, { q: 'moved' }, CARDIFF)), ['watford'], 'found by the words of its new name');
  });
});

describe('the search service', () => {
  let dataDir: string;
  let store: Store;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-search-'));
    store = await openStore({ dataDir });
  });
  after(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sees its own writes at once and another process’s on its next poll', async () => {
    await store.putGroup(groupAt('camden', CAMDEN), 'test');
    // Two API processes on one database: each keeps its own index.
    const writer = new SearchService(store, { refreshMs: 60_000 });
    const reader = new SearchService(store, { refreshMs: 20 });
    await Promise.all([writer.start(), reader.start()]);
    try {
      assert.equal(reader.index.size, 1);

      await store.putGroup(groupAt('watford', WATFORD), 'test');
      await writer.refresh();
      assert.deepEqual(ids(parse(writer.search(searchQuerySchema.parse({}), LONDON))), ['camden', 'watford']);

      await until(() => reader.index.size === 2, 5000, INDEX_CATCHES_UP);
      assert.deepEqual(ids(parse(reader.search(searchQuerySchema.parse({}), LONDON))), ['camden', 'watford']);

      await store.archiveGroup('camden', 'test');
      await until(() => reader.index.size === 1, 5000, INDEX_CATCHES_UP);
      assert.deepEqual(ids(parse(reader.search(searchQuerySchema.parse({}), LONDON))), ['watford']);
    } finally {
      await Promise.all([writer.stop(), reader.stop()]);
    }
  });
});

describe('the synthetic directory', () => {
  it('is valid, the same for the same seed, and mostly meets in person', () => {
    const groups = syntheticGroups(2000);
    for (const group of groups) storedGroupSchema.parse(group);
    assert.deepEqual(syntheticGroups(2000), groups);
    assert.notDeepEqual(syntheticGroups(50, 2), groups.slice(0, 50));

    const everywhere = groups.filter((g) => g.servesEverywhere).length;
    assert.ok(everywhere > 10 && everywhere < 80, `${everywhere} of 2000 serve everywhere (about 2%)`);
    for (const g of groups.filter((g) => !g.servesEverywhere)) {
      const { lat, lng } = g.location!;
      assert.ok(lat > 49.8 && lat < 59 && lng > -8.3 && lng < 2, `${g.id} at ${lat},${lng} is in the UK`);
    }
  });
});

function parse(text: Buffer): SearchResult {
  return searchResultSchema.parse(JSON.parse(text.toString()));
}

describe('a group’s summary', () => {
  it('is what the summary schema keeps of the group', () => {
    for (const group of [...syntheticGroups(200), ...sampleGroups(new Date('2026-12-01T00:00:00Z'))]) {
      assert.deepEqual(summaryOf(group), groupSummarySchema.parse(group));
    }
  });
});
