// A council's service finder reads the directory as an Open Referral UK
// feed: no key, from any origin, in pages. Every answer must validate
// against the published HSDS 3.0 and UK profile schemas, so the first part
// walks every endpoint over the whole sample directory; the second checks
// what a finder would notice on a small directory around Leeds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Group } from 'peer-directory/schema';
import type { HsdsPage } from '../../server/src/openreferral/index.js';
import { syntheticGroups } from '../../server/src/sample/synthetic.js';
import { makeGroup } from '../support/fixtures.js';
import { startFakePostcodesIo } from '../support/fake-postcodes-io.js';
import { openReferralValidators, type HsdsPath } from '../support/open-referral-schemas.js';
import { startTestServer, type TestServer } from '../support/start-server.js';
import { until } from '../support/until.js';

type Page<T = Record<string, unknown>> = HsdsPage<T>;
type Service = Record<string, unknown> & { id: string; name: string; attributes?: Attribute[]; schedules?: Schedule[] };
type Attribute = { value?: string; taxonomy_term: { id: string; name: string; taxonomy: string } };
type Schedule = {
  dtstart?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  freq?: string;
  interval?: number;
  byday?: string;
};
type ServiceAtLocation = { service: Service; location: { location_type: string; latitude?: number; longitude?: number } };

const validators = openReferralValidators();
const FEED = '/openreferral';

async function getJson<T>(server: TestServer, path: string, init: RequestInit = {}): Promise<{ response: Response; body: T }> {
  const response = await fetch(`${server.url}${FEED}${path}`, init);
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text.slice(0, 400)}`);
  return { response, body: JSON.parse(text) as T };
}

/** Fails with every schema message when an answer does not validate against HSDS and the UK profile. */
function assertValid(path: HsdsPath, object: string, body: unknown, list: boolean) {
  assert.deepEqual(validators.hsds(path, body), [], `${path} against the compiled HSDS schema`);
  const items = list ? (body as Page).contents : [body];
  items.forEach((item, i) =>
    assert.deepEqual(validators.profile(object, item), [], `${path} item ${i} against the UK profile's ${object}`),
  );
}

/** Every page of a list endpoint. */
async function allPages<T>(server: TestServer, path: string, perPage: number): Promise<{ pages: Page<T>[]; items: T[] }> {
  const pages: Page<T>[] = [];
  for (let page = 1; ; page++) {
    const { body } = await getJson<Page<T>>(server, `${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=${perPage}`);
    pages.push(body);
    if (body.last_page) break;
  }
  return { pages, items: pages.flatMap((p) => p.contents) };
}

describe('every answer validates against HSDS 3.0 and the UK profile (the sample directory)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ principles: [{ code: 'shared-experience', label: 'Shared experiences' }] });
  });
  after(() => server.close());

  test('services: every page, and every service in full', async () => {
    const published = await server.store.countGroups();
    const { pages, items } = await allPages<Service>(server, '/services', 100);
    assert.equal(items.length, published);
    for (const page of pages) assertValid('/services', 'service', page, true);
    for (const { id } of items) {
      const { body } = await getJson<Service>(server, `/services/${id}`);
      assertValid('/services/{id}', 'service', body, false);
    }
  });

  test('service at locations: unfiltered, and near a postcode within a distance', async () => {
    for (const query of ['', '?postcode=LS1%204AP&proximity=20000', '?postcode=SW1A%201AA']) {
      const { pages } = await allPages<ServiceAtLocation>(server, `/service_at_locations${query}`, 200);
      for (const page of pages) assertValid('/service_at_locations', 'service_at_location', page, true);
    }
  });

  test('organisations, each with its services', async () => {
    const { pages, items } = await allPages<{ id: string }>(server, '/organizations', 10);
    assert.ok(items.length > 0);
    for (const page of pages) assertValid('/organizations', 'organization', page, true);
    for (const { id } of items) {
      const { body } = await getJson(server, `/organizations/${id}`);
      assertValid('/organizations/{id}', 'organization', body, false);
    }
  });

  test('taxonomies and taxonomy terms, listed and one by one', async () => {
    const taxonomies = await allPages<{ id: string }>(server, '/taxonomies', 3);
    for (const page of taxonomies.pages) assertValid('/taxonomies', 'taxonomy', page, true);
    for (const { id } of taxonomies.items)
      assertValid('/taxonomies/{id}', 'taxonomy', (await getJson(server, `/taxonomies/${id}`)).body, false);
    const terms = await allPages<{ id: string }>(server, '/taxonomy_terms', 20);
    for (const page of terms.pages) assertValid('/taxonomy_terms', 'taxonomy_term', page, true);
    for (const { id } of terms.items) {
      assertValid('/taxonomy_terms/{id}', 'taxonomy_term', (await getJson(server, `/taxonomy_terms/${id}`)).body, false);
    }
  });

  test('a service the profile would not accept is caught (the check can fail)', () => {
    const bad = { id: 'not-a-uuid', name: 'x', status: 'open', fees_description: 'removed by the profile' };
    assert.notDeepEqual(validators.hsds('/services/{id}', bad), []);
    const messages = validators.profile('service', { ...bad, id: crypto.randomUUID(), status: 'active' });
    assert.deepEqual(messages, ['/fees_description: the UK profile removes service.fees_description']);
  });
});

describe('what a service finder sees', () => {
  const at = (town: string, lat: number, lng: number, postcode?: string) => ({ town, country: 'GB' as const, lat, lng, postcode });
  const leeds = makeGroup({
    id: 'leeds-t2',
    name: 'Leeds Type 2 Together',
    location: at('Leeds', 53.7997, -1.5492, 'LS1 3AB'),
    languages: ['en', 'pa'],
    answers: { familyWelcome: { answer: true, details: 'Partners come too.' } },
    schedule: {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 1, start: '2026-12-01T18:00', durationMinutes: 90 }],
      exceptions: [],
      meetings: [{ start: '2027-06-08T18:00', durationMinutes: 90 }],
    },
  });
  const bradford = makeGroup({
    id: 'bradford-t1',
    name: 'Bradford Parents of Type 1 Kids',
    conditions: ['type1'],
    location: at('Bradford', 53.795, -1.7594),
  });
  const york = makeGroup({
    id: 'york-coaching',
    name: 'York Peer Coaching',
    model: 'peer-coaching',
    answers: { cost: { free: false, details: '£3 a session' } },
    location: at('York', 53.96, -1.0873),
  });
  const online = makeGroup({
    id: 'online-evenings',
    name: 'Online Evenings',
    formats: ['online'],
    servesEverywhere: true,
    location: undefined,
    organisation: { name: 'Diabetes Peers Online', website: 'https://peers.example.org' },
  });
  const ALL: Group[] = [leeds, bradford, york, online];
  const LEEDS = 'LS1%204DY'; // the fake postcodes.io knows it: Leeds city centre

  let server: TestServer;
  let postcodes: Awaited<ReturnType<typeof startFakePostcodesIo>>;
  before(async () => {
    postcodes = await startFakePostcodesIo();
    server = await startTestServer({
      seed: ALL,
      geocoderUrl: postcodes.url,
      corsOrigins: ['https://www.charity.example'],
      feedRateLimit: 40,
    });
  });
  after(async () => {
    await server.close();
    await postcodes.close();
  });

  const names = (items: { name: string }[]) => items.map((s) => s.name);

  test('the stub answers with and without its slash, naming the HSDS version', async () => {
    for (const stub of ['', '/']) {
      const { body } = await getJson<{ version: string; openapi_url: string }>(server, stub);
      assert.equal(body.version, '3.0');
      assert.equal(body.openapi_url, `${server.url}/openapi.json`);
    }
  });

  test('open to any origin with no key, whatever the API allows for its own routes', async () => {
    const { response } = await getJson(server, '/services', { headers: { origin: 'https://nhs-finder.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /public/);
  });

  test('services come in name order, in pages that say where they are', async () => {
    const first = (await getJson<Page<Service>>(server, '/services?per_page=3')).body;
    assert.deepEqual(names(first.contents), ['Bradford Parents of Type 1 Kids', 'Leeds Type 2 Together', 'Online Evenings']);
    assert.deepEqual(
      { ...first, contents: [] },
      {
        total_items: 4,
        total_pages: 2,
        page_number: 1,
        size: 3,
        first_page: true,
        last_page: false,
        empty: false,
        contents: [],
      },
    );
    const second = (await getJson<Page<Service>>(server, '/services?per_page=3&page=2')).body;
    assert.deepEqual(names(second.contents), ['York Peer Coaching']);
    assert.equal(second.last_page, true);
    const beyond = (await getJson<Page<Service>>(server, '/services?per_page=3&page=3')).body;
    assert.equal(beyond.empty, true);
  });

  test('near a postcode: venues within the distance nearest first, then groups open to anyone', async () => {
    const within10km = (await getJson<Page<ServiceAtLocation>>(server, `/service_at_locations?postcode=${LEEDS}&proximity=10000`)).body;
    assert.deepEqual(
      within10km.contents.map((s) => s.service.name),
      ['Leeds Type 2 Together', 'Online Evenings'],
    );
    assert.deepEqual(
      within10km.contents.map((s) => s.location.location_type),
      ['physical', 'virtual'],
    );
    const within50km = (await getJson<Page<ServiceAtLocation>>(server, `/service_at_locations?postcode=${LEEDS}&proximity=50000`)).body;
    assert.deepEqual(
      within50km.contents.map((s) => s.service.name),
      ['Leeds Type 2 Together', 'Bradford Parents of Type 1 Kids', 'York Peer Coaching', 'Online Evenings'],
    );
  });

  test('near a postcode with no distance: every venue nearest first, in pages, then groups open to anyone', async () => {
    const page = async (n: number) =>
      (await getJson<Page<ServiceAtLocation>>(server, `/service_at_locations?postcode=${LEEDS}&per_page=2&page=${n}`)).body;
    const [first, second] = [await page(1), await page(2)];
    assert.deepEqual(
      first.contents.map((s) => s.service.name),
      ['Leeds Type 2 Together', 'Bradford Parents of Type 1 Kids'],
    );
    assert.deepEqual(
      second.contents.map((s) => s.service.name),
      ['York Peer Coaching', 'Online Evenings'],
    );
    assert.deepEqual([first.total_items, first.total_pages, second.last_page], [4, 2, true]);
  });

  test('a postcode nobody knows is a problem naming the parameter', async () => {
    const response = await fetch(`${server.url}${FEED}/service_at_locations?postcode=ZZ99%209ZZ`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    assert.ok(response.status === 400 || response.status === 422, String(response.status));
    assert.equal(problem.errors[0]!.pointer, '#/postcode');
  });

  test('filters by one of our taxonomy terms, and by a whole taxonomy', async () => {
    const terms = (
      await getJson<Page<{ id: string; name: string; taxonomy: string; taxonomy_id: string }>>(server, '/taxonomy_terms?per_page=200')
    ).body.contents;
    const type1 = terms.find((t) => t.name === 'Type 1 diabetes')!;
    const coaching = terms.find((t) => t.name === 'Peer coaching or mentoring')!;
    assert.deepEqual(names((await getJson<Page<Service>>(server, `/services?taxonomy_term_id=${type1.id}`)).body.contents), [
      'Bradford Parents of Type 1 Kids',
    ]);
    assert.deepEqual(names((await getJson<Page<Service>>(server, `/services?taxonomy_term_id=${coaching.id}`)).body.contents), [
      'York Peer Coaching',
    ]);
    const principles = (await getJson<Page<{ id: string; name: string }>>(server, '/taxonomies')).body.contents.find(
      (t) => t.name === 'peer-directory-principles',
    )!;
    assert.equal((await getJson<Page<Service>>(server, `/services?taxonomy_id=${principles.id}`)).body.total_items, 0);
    const models = terms.filter((t) => t.taxonomy === 'peer-directory-models');
    assert.equal(models.length, 7);
    assert.equal(terms.filter((t) => t.taxonomy === 'peer-directory-functions').length, 5);
  });

  test('words, weekday and time filters', async () => {
    assert.deepEqual(names((await getJson<Page<Service>>(server, '/services?search=york%20coach')).body.contents), ['York Peer Coaching']);
    // 1 December 2026 is a Tuesday; every fixture group meets then at 18:00.
    assert.equal((await getJson<Page<Service>>(server, '/services?day=TU')).body.total_items, 4);
    assert.equal((await getJson<Page<Service>>(server, '/services?day=Monday')).body.total_items, 0);
    assert.equal((await getJson<Page<Service>>(server, '/services?start_time=19:00')).body.total_items, 0);
    assert.equal((await getJson<Page<Service>>(server, '/services?start_time=17:30&end_time=20:00')).body.total_items, 4);
  });

  test('a group in full: its rule and meetings as schedules, cost, languages and the 8 answers', async () => {
    const list = (await getJson<Page<Service>>(server, '/services?search=together')).body.contents;
    assert.deepEqual(names(list), ['Leeds Type 2 Together']);
    const service = (await getJson<Service & { languages: { code: string; name: string }[] }>(server, `/services/${list[0]!.id}`)).body;
    assert.deepEqual(
      service.schedules!.map(({ dtstart, opens_at, closes_at, freq, interval, byday }) => ({
        dtstart,
        opens_at,
        closes_at,
        freq,
        interval,
        byday,
      })),
      [
        // The rule: the first Tuesday of every month, from its first meeting (in winter, GMT).
        { dtstart: '2026-12-01', opens_at: '18:00+00:00', closes_at: '19:30+00:00', freq: 'MONTHLY', interval: 1, byday: '1TU' },
        // A one-off meeting: in June the same wall-clock time is an hour ahead of UTC.
        {
          dtstart: '2027-06-08',
          opens_at: '18:00+01:00',
          closes_at: '19:30+01:00',
          freq: undefined,
          interval: undefined,
          byday: undefined,
        },
      ],
    );
    assert.deepEqual(
      service.languages.map((l) => [l.code, l.name]),
      [
        ['en', 'English'],
        ['pa', 'Punjabi'],
      ],
    );
    const answers = Object.fromEntries(
      service
        .attributes!.filter((a) => a.taxonomy_term.taxonomy === 'peer-directory-questions')
        .map((a) => [a.taxonomy_term.name, a.value]),
    );
    assert.equal(Object.keys(answers).length, 8);
    assert.equal(answers['Are family members invited?'], 'Yes. Partners come too.');
    assert.equal(answers['Is the group free or is there a fee?'], 'Free');
    const york = (await getJson<Page<Service>>(server, '/services?search=york')).body.contents[0]!;
    const yorkFull = (await getJson<{ cost_options: unknown[]; fees: string }>(server, `/services/${york.id}`)).body;
    assert.equal(yorkFull.fees, '£3 a session');
    assert.deepEqual(
      yorkFull.cost_options.map((c) => ({ ...(c as object), id: undefined, service_id: undefined })),
      [{ id: undefined, service_id: undefined, option: 'Fee', amount_description: '£3 a session' }],
    );
  });

  test('an organisation lists its services', async () => {
    const orgs = (await getJson<Page<{ id: string; name: string }>>(server, '/organizations')).body.contents;
    const peers = orgs.find((o) => o.name === 'Diabetes Peers Online')!;
    const org = (await getJson<{ services: Service[]; website: string }>(server, `/organizations/${peers.id}`)).body;
    assert.deepEqual(names(org.services), ['Online Evenings']);
    assert.equal(org.website, 'https://peers.example.org');
  });

  test('an unknown id is a 404 problem; a bad page size or time a 400 naming it', async () => {
    const missing = await fetch(`${server.url}${FEED}/services/${crypto.randomUUID()}`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const tooBig = await fetch(`${server.url}${FEED}/services?per_page=100000`);
    assert.equal(tooBig.status, 400);
    assert.equal(((await tooBig.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer, '#/per_page');
    const noSuchTime = await fetch(`${server.url}${FEED}/services?start_time=25:99`);
    assert.equal(noSuchTime.status, 400);
    assert.equal(((await noSuchTime.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer, '#/start_time');
  });

  test('throttled per address: past the limit, 429 with Retry-After', async () => {
    let response: Response | undefined;
    for (let i = 0; i < 60; i++) {
      response = await fetch(`${server.url}${FEED}/taxonomies`);
      await response.arrayBuffer();
      if (response.status === 429) break;
    }
    assert.equal(response!.status, 429);
    assert.ok(Number(response!.headers.get('retry-after')) > 0);
    assert.match(response!.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(response!.headers.get('access-control-allow-origin'), '*');
  });
});

describe('the feed once read follows the directory', () => {
  const tuesday = makeGroup({
    id: 'tuesday-club',
    name: 'Harrogate Tuesday Club',
    location: { town: 'Harrogate', lat: 53.99, lng: -1.54 },
  });
  const renamed = makeGroup({ id: 'renamed', name: 'Wakefield Walkers', location: { town: 'Wakefield', lat: 53.68, lng: -1.5 } });
  const closing = makeGroup({ id: 'closing', name: 'Selby Circle', location: { town: 'Selby', lat: 53.78, lng: -1.07 } });
  const coaching = makeGroup({
    id: 'coaching',
    name: 'Ripon Coaching',
    model: 'peer-coaching',
    formats: ['in-person', 'online'],
    schedule: { rules: [{ frequency: 'weekly', interval: 1, weekday: 'TH', start: '2099-12-03T10:00', durationMinutes: 60 }] },
  });
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: [tuesday, renamed, closing, coaching] });
  });
  after(() => server.close());

  const names = async (query: string) => (await getJson<Page<Service>>(server, `/services${query}`)).body.contents.map((s) => s.name);

  test('an edit, an archive and a new group reach every list, and the groups not changed keep their filters', async () => {
    assert.deepEqual(await names(''), ['Harrogate Tuesday Club', 'Ripon Coaching', 'Selby Circle', 'Wakefield Walkers']);
    const closingId = (await getJson<Page<Service>>(server, '/services?search=selby')).body.contents[0]!.id;

    await server.store.putGroup({ ...renamed, name: 'Aberford Walkers' }, 'test');
    await server.store.archiveGroup(closing.id, 'test');
    await server.store.putGroup(makeGroup({ id: 'newcomer', name: 'Otley Newcomers', formats: ['online'], location: undefined }), 'test');
    await until(async () => (await names('')).length === 4 && (await names(''))[0] === 'Aberford Walkers', 10_000, {
      waitingFor: 'the feed to catch up',
    });

    assert.deepEqual(await names(''), ['Aberford Walkers', 'Harrogate Tuesday Club', 'Otley Newcomers', 'Ripon Coaching']);
    assert.equal((await fetch(`${server.url}${FEED}/services/${closingId}`)).status, 404);
    // Rows kept from before the change still answer to their words, terms and times.
    assert.deepEqual(await names('?search=harrogate'), ['Harrogate Tuesday Club']);
    assert.deepEqual(await names('?search=walkers'), ['Aberford Walkers']);
    assert.deepEqual(await names('?day=TH&start_time=09:30&end_time=11:00'), ['Ripon Coaching']);
    const terms = (await getJson<Page<{ id: string; name: string }>>(server, '/taxonomy_terms?per_page=200')).body.contents;
    const peerCoaching = terms.find((t) => t.name === 'Peer coaching or mentoring')!;
    assert.deepEqual(await names(`?taxonomy_term_id=${peerCoaching.id}`), ['Ripon Coaching']);
    const ripon = (await getJson<Page<Service>>(server, '/services?search=ripon')).body.contents[0]!;
    assert.equal((await getJson<Service>(server, `/services/${ripon.id}`)).body.name, 'Ripon Coaching');
    // Places: three venues, and a virtual location each for the two groups meeting online.
    const places = (await getJson<Page<ServiceAtLocation>>(server, '/service_at_locations')).body;
    assert.equal(places.total_items, 5);
    assert.deepEqual(
      places.contents.map((p) => `${p.service.name}: ${p.location.location_type}`),
      [
        'Aberford Walkers: physical',
        'Harrogate Tuesday Club: physical',
        'Otley Newcomers: virtual',
        'Ripon Coaching: physical',
        'Ripon Coaching: virtual',
      ],
    );
  });
});

describe('a feed larger than one read from the store', () => {
  // The catalogue reads the change feed 2,000 groups at a time.
  const groups = syntheticGroups(4_321, 7);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: groups });
  });
  after(() => server.close());

  test('lists every group once, in name order across pages', async () => {
    const first = (await getJson<Page<Service>>(server, '/services?per_page=200')).body;
    assert.equal(first.total_items, groups.length);
    const last = (await getJson<Page<Service>>(server, `/services?per_page=200&page=${first.total_pages}`)).body;
    assert.equal(last.size, groups.length % 200);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const expected = groups.map((g) => g.name).sort(collator.compare);
    assert.deepEqual(
      first.contents.map((s) => s.name),
      expected.slice(0, 200),
    );
    assert.deepEqual(
      last.contents.map((s) => s.name),
      expected.slice(-last.size),
    );
    const seen = new Set<string>();
    for (let page = 1; page <= first.total_pages; page++) {
      for (const service of (await getJson<Page<Service>>(server, `/services?per_page=200&page=${page}`)).body.contents)
        seen.add(service.id);
    }
    assert.equal(seen.size, groups.length);
  });
});
