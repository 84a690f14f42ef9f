// The public API as a charity's web page uses it: over real HTTP, from
// another origin, with a CDN in between. The directory is a handful of
// groups around Leeds plus two that serve everyone, so every answer can be
// checked exactly.
import assert from 'node:assert/strict';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import {
  QUESTIONS,
  summaryOf,
  type EverywherePage,
  type GeocodeResult,
  type Group,
  type SearchResult,
  type TaxonomyResponse,
} from 'peer-directory/schema';
import { makeGroup } from '../support/fixtures.js';
import { startFakePostcodesIo } from '../support/fake-postcodes-io.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

type Postcodes = Awaited<ReturnType<typeof startFakePostcodesIo>>;

const at = (town: string, lat: number, lng: number) => ({ town, country: 'GB' as const, lat, lng });
const leeds = makeGroup({ id: 'leeds-t2', name: 'Leeds Type 2 Together', location: at('Leeds', 53.7997, -1.5492) });
const bradford = makeGroup({
  id: 'bradford-parents',
  name: 'Bradford Parents of Type 1 Kids',
  conditions: ['type1'],
  audiences: ['parents-carers', 'families'],
  location: at('Bradford', 53.795, -1.7594),
});
const york = makeGroup({
  id: 'york-coaching',
  name: 'York Peer Coaching',
  model: 'peer-coaching',
  answers: { cost: { free: false, details: '£3 a session' }, familyWelcome: { answer: false } },
  location: at('York', 53.96, -1.0873),
});
const manchester = makeGroup({
  id: 'manchester-t1',
  name: 'Manchester Type 1 Meetup',
  conditions: ['type1'],
  location: at('Manchester', 53.4808, -2.2426),
});
const cardiff = makeGroup({
  id: 'caerdydd-teuluoedd',
  name: 'Teuluoedd Math 1 Caerdydd',
  conditions: ['type1'],
  audiences: ['families'],
  languages: ['cy', 'en'],
  location: at('Cardiff', 51.4816, -3.1791),
});
const online = makeGroup({
  id: 'online-evenings',
  name: 'Online Evenings for Type 1 and Type 2',
  conditions: ['type1', 'type2'],
  formats: ['online'],
  servesEverywhere: true,
  location: undefined,
});
const phone = makeGroup({
  id: 'bump-and-beyond',
  name: 'Bump and Beyond Phone Circle',
  conditions: ['gestational'],
  formats: ['telephone'],
  model: 'telephone-support',
  servesEverywhere: true,
  location: undefined,
});
// A postcode the fake postcodes.io knows: Leeds city centre.
const LEEDS_POSTCODE = { postcode: 'LS1 4DY', lat: 53.79513, lng: -1.54666 };

const ALL = [leeds, bradford, york, manchester, cardiff, online, phone];
const principles = [{ code: 'shared-experience', label: 'Shared experiences and reciprocated support' }];

let server: TestServer;
let postcodes: Postcodes;

before(async () => {
  postcodes = await startFakePostcodesIo();
  server = await startTestServer({ seed: ALL, geocoderUrl: postcodes.url, principles });
});
after(async () => {
  await server.close();
  await postcodes.close();
});

async function get<T>(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text.slice(0, 300)}`);
  return { response, body: JSON.parse(text) as T };
}

const ids = (groups: { id: string }[]) => groups.map((g) => g.id);

/** A GET that shows the bytes as sent (fetch would decompress them). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('finding groups near a place', () => {
  test('near a postcode: nearest first, distances in miles, within 25 miles by default', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?near=${encodeURIComponent(LEEDS_POSTCODE.postcode)}`);

    assert.equal(body.origin?.label, LEEDS_POSTCODE.postcode);
    assert.equal(body.units, 'mi');
    assert.equal(body.radius, 25);
    assert.deepEqual(ids(body.groups), ['leeds-t2', 'bradford-parents', 'york-coaching']);
    const [toLeeds, toBradford, toYork] = body.groups.map((g) => g.distance);
    assert.ok(toLeeds! < 1, `Leeds is under a mile away (${toLeeds})`);
    assert.ok(toBradford! > 7 && toBradford! < 10, `Bradford is about 8.5 miles (${toBradford})`);
    assert.ok(toYork! > 19 && toYork! < 23, `York is about 21 miles (${toYork})`);
    assert.equal(body.nextCursor, null);
  });

  test('groups that serve everyone are listed apart, in every search, even far from anywhere', async () => {
    const { body } = await get<SearchResult>('/v1/groups?lat=57.48&lng=-4.22'); // Inverness
    assert.deepEqual(body.groups, []);
    assert.deepEqual(ids(body.everywhere!.groups), ['bump-and-beyond', 'online-evenings'], 'by name');
    assert.equal(body.everywhere!.total, 2);
    assert.equal(body.everywhere!.nextCursor, null);
  });

  test('results are summaries: what a card shows, and the whole group one request away', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?near=${encodeURIComponent(LEEDS_POSTCODE.postcode)}`);
    const [hit] = body.groups;
    const { distance, ...summary } = hit!;
    assert.ok(distance < 1);
    assert.deepEqual(summary, summaryOf(leeds));
    assert.equal('contact' in summary, false, 'contact details are read with the group');
    assert.deepEqual(Object.keys(summary.answers), ['cost']);
    assert.deepEqual(body.everywhere!.groups[1], summaryOf(online));
    const { body: group } = await get<Group>(`/v1/groups/${hit!.id}`);
    assert.deepEqual(group, leeds);
  });

  test('in kilometres, the radius and distances are kilometres', async () => {
    const { body: miles } = await get<SearchResult>(`/v1/groups?lat=${leeds.location!.lat}&lng=${leeds.location!.lng}`);
    const { body: km } = await get<SearchResult>(`/v1/groups?lat=${leeds.location!.lat}&lng=${leeds.location!.lng}&units=km&radius=20`);
    assert.equal(km.units, 'km');
    assert.equal(km.radius, 20);
    assert.deepEqual(ids(km.groups), ['leeds-t2', 'bradford-parents'], 'York (34 km) is beyond 20 km');
    const bradfordMiles = miles.groups.find((g) => g.id === 'bradford-parents')!.distance;
    assert.ok(Math.abs(km.groups[1]!.distance - bradfordMiles * 1.609344) < 0.05);
  });

  test('a wider radius reaches Manchester', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?lat=${leeds.location!.lat}&lng=${leeds.location!.lng}&radius=50`);
    assert.deepEqual(ids(body.groups), ['leeds-t2', 'bradford-parents', 'york-coaching', 'manchester-t1']);
  });

  test('with no place at all, only the groups that serve everyone are listed', async () => {
    const { body } = await get<SearchResult>('/v1/groups');
    assert.equal(body.origin, undefined);
    assert.deepEqual(body.groups, []);
    assert.equal(body.everywhere!.total, 2);
  });
});

describe('the online and telephone groups open to everyone', () => {
  test('a search brings the first few and their total; the rest come a page at a time, by name', async () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      makeGroup({ id: `web-${i}`, name: `Web group ${i}`, formats: ['online'], servesEverywhere: true, location: undefined }),
    );
    const crowded = await startTestServer({ seed: [leeds, ...many] });
    try {
      const search = await fetch(`${crowded.url}/v1/groups?lat=53.8&lng=-1.55`);
      const { everywhere } = (await search.json()) as SearchResult;
      assert.deepEqual(ids(everywhere!.groups), ['web-0', 'web-1', 'web-2']);
      assert.equal(everywhere!.total, 7);

      const seen = ids(everywhere!.groups);
      let cursor = everywhere!.nextCursor;
      while (cursor) {
        const response = await fetch(`${crowded.url}/v1/everywhere?limit=2&cursor=${cursor}`);
        assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
        const page = (await response.json()) as EverywherePage;
        assert.equal(page.total, 7);
        seen.push(...ids(page.groups));
        cursor = page.nextCursor;
      }
      assert.deepEqual(
        seen,
        many.map((g) => g.id),
        'each once, in order',
      );
    } finally {
      await crowded.close();
    }
  });

  test('the same filters as the search apply, and no place is needed', async () => {
    const { body } = await get<EverywherePage>('/v1/everywhere?condition=gestational');
    assert.deepEqual(ids(body.groups), ['bump-and-beyond']);
    assert.equal(body.total, 1);
    assert.equal(body.nextCursor, null);
  });
});

describe('narrowing a search', () => {
  const nearLeeds = `lat=${leeds.location!.lat}&lng=${leeds.location!.lng}&radius=50`;

  test('by condition: a group matches if it supports any condition asked for', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?${nearLeeds}&condition=type1`);
    assert.deepEqual(ids(body.groups), ['bradford-parents', 'manchester-t1']);
    assert.deepEqual(ids(body.everywhere!.groups), ['online-evenings'], 'the filters apply to everywhere groups too');
    assert.equal(body.everywhere!.total, 1);
  });

  test('by audience, cost, family welcome and model', async () => {
    assert.deepEqual(ids((await get<SearchResult>(`/v1/groups?${nearLeeds}&audience=parents-carers`)).body.groups), ['bradford-parents']);
    assert.ok(!ids((await get<SearchResult>(`/v1/groups?${nearLeeds}&free=true`)).body.groups).includes('york-coaching'));
    assert.ok(!ids((await get<SearchResult>(`/v1/groups?${nearLeeds}&family=true`)).body.groups).includes('york-coaching'));
    assert.deepEqual(ids((await get<SearchResult>(`/v1/groups?${nearLeeds}&model=peer-coaching`)).body.groups), ['york-coaching']);
  });

  test('by language: Welsh speakers near Cardiff find the Welsh-language group', async () => {
    const { body } = await get<SearchResult>('/v1/groups?lat=51.48&lng=-3.18&language=cy');
    assert.deepEqual(ids(body.groups), ['caerdydd-teuluoedd']);
  });

  test('by format: only online groups', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?${nearLeeds}&format=online`);
    assert.deepEqual(body.groups, []);
    assert.deepEqual(ids(body.everywhere!.groups), ['online-evenings']);
  });

  test('by words in the name', async () => {
    const { body } = await get<SearchResult>(`/v1/groups?${nearLeeds}&q=Bradford`);
    assert.deepEqual(ids(body.groups), ['bradford-parents']);
  });
});

describe('paging through results', () => {
  test('one group a page: each page continues where the last stopped, and the last says so', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/v1/groups?lat=${leeds.location!.lat}&lng=${leeds.location!.lng}&radius=50&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await get<SearchResult>(path);
      assert.equal(body.groups.length, 1);
      assert.equal(body.everywhere?.total, pages === 0 ? 2 : undefined, 'everywhere groups come with the first page only');
      seen.push(body.groups[0]!.id);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, ['leeds-t2', 'bradford-parents', 'york-coaching', 'manchester-t1']);
  });
});

describe('reading one group', () => {
  test('answers the group as published, with every one of the 8 answers', async () => {
    const { body } = await get<Group>('/v1/groups/york-coaching');
    assert.deepEqual(body, york);
    assert.equal(body.answers.cost.free, false);
  });
});

describe('reference data', () => {
  test('the taxonomy has the 8 questions in order, every label, and the operator’s principles', async () => {
    const { body } = await get<TaxonomyResponse>('/v1/taxonomy');
    assert.deepEqual(
      body.questions.map((q) => [q.number, q.key]),
      QUESTIONS.map((q) => [q.number, q.key]),
    );
    assert.equal(body.questions.length, 8);
    assert.equal(body.questions[7]!.text, 'Is the group free or is there a fee?');
    assert.equal(body.models.length, 7);
    assert.equal(body.functions.length, 5);
    assert.ok(body.conditions.some((c) => c.code === 'gestational' && c.label === 'Gestational diabetes'));
    assert.deepEqual(body.principles, principles);
  });

  test('geocoding a postcode however it is typed gives its place, labelled as people write it', async () => {
    const typed = LEEDS_POSTCODE.postcode.toLowerCase().replace(' ', '');
    const { body } = await get<GeocodeResult>(`/v1/geocode?q=${encodeURIComponent(typed)}`);
    assert.equal(body.label, LEEDS_POSTCODE.postcode);
    assert.equal(body.precision, 'postcode');
    assert.equal(body.country, 'GB');
    assert.ok(Math.abs(body.lat - LEEDS_POSTCODE.lat) < 1e-6 && Math.abs(body.lng - LEEDS_POSTCODE.lng) < 1e-6);
  });
});

describe('the API described', () => {
  test('openapi.json is OpenAPI 3.1 and lists every route, generated from the shared schemas', async () => {
    const { body } = await get<{
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; security?: unknown; requestBody?: unknown; parameters?: { name: string }[] }>
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    }>('/openapi.json');
    assert.equal(body.openapi, '3.1.0');
    assert.ok(body.info.title);
    const routes = Object.entries(body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual(routes.sort(), [
      'GET /healthz',
      'GET /openreferral',
      'GET /openreferral/organizations',
      'GET /openreferral/organizations/{id}',
      'GET /openreferral/service_at_locations',
      'GET /openreferral/services',
      'GET /openreferral/services/{id}',
      'GET /openreferral/taxonomies',
      'GET /openreferral/taxonomies/{id}',
      'GET /openreferral/taxonomy_terms',
      'GET /openreferral/taxonomy_terms/{id}',
      'GET /v1/admin/audit',
      'GET /v1/admin/outbox',
      'GET /v1/admin/registrations',
      'GET /v1/admin/registrations/{id}',
      'GET /v1/everywhere',
      'GET /v1/geocode',
      'GET /v1/groups',
      'GET /v1/groups/{id}',
      'GET /v1/groups/{id}/calendar.ics',
      'GET /v1/groups/{id}/meetings',
      'GET /v1/reminders/confirm',
      'GET /v1/reminders/unsubscribe',
      'GET /v1/taxonomy',
      'POST /v1/admin/groups/{id}/archive',
      'POST /v1/admin/outbox/{id}/retry',
      'POST /v1/admin/registrations/{id}/approve',
      'POST /v1/admin/registrations/{id}/reject',
      'POST /v1/groups/{id}/reminders',
      'POST /v1/registrations',
      'POST /v1/reminders/confirm',
      'POST /v1/reminders/unsubscribe',
      'POST /v1/schedules/preview',
      'PUT /v1/admin/groups/{id}',
    ]);
    for (const name of ['Group', 'GroupSummary', 'SearchResult', 'EverywherePage', 'Problem', 'Taxonomy', 'RegistrationReceipt']) {
      assert.ok(body.components.schemas[name], `components.schemas.${name}`);
    }
    const search = body.paths['/v1/groups']!.get!;
    assert.deepEqual(search.parameters!.map((p) => p.name).sort(), [
      'audience',
      'condition',
      'cursor',
      'family',
      'format',
      'free',
      'language',
      'lat',
      'limit',
      'lng',
      'model',
      'near',
      'q',
      'radius',
      'units',
    ]);
    assert.ok(body.paths['/v1/registrations']!.post!.requestBody, 'the registration body is described');
    assert.ok(body.paths['/v1/admin/audit']!.get!.security, 'staff routes say they need the token');
    assert.deepEqual(
      Object.keys(search.responses),
      ['200', '304', '400', '408', '422', '429', '431', '500', '503'],
      'each status a search answers',
    );
    assert.ok(
      Object.entries(search.responses).every(
        ([status, r]) => Number(status) < 400 || JSON.stringify(r).includes('application/problem+json'),
      ),
      'errors are described as problems',
    );
  });
});

describe('working from other websites and behind a CDN', () => {
  test('any origin may call the API from a browser', async () => {
    const { response } = await get('/v1/groups', { origin: 'https://www.charity.example' });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /ETag/i);

    const preflight = await fetch(`${server.url}/v1/registrations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.charity.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
  });

  test('an operator can limit the API to its own sites', async () => {
    const limited = await startTestServer({ seed: 'none', corsOrigins: ['https://www.charity.example'] });
    try {
      const allowed = await fetch(`${limited.url}/v1/groups`, { headers: { origin: 'https://www.charity.example' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.charity.example');
      assert.match(allowed.headers.get('vary') ?? '', /Origin/i, 'caches keep one answer per origin');
      const other = await fetch(`${limited.url}/v1/groups`, { headers: { origin: 'https://elsewhere.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await limited.close();
    }
  });

  test('searches can be cached for a minute and revalidated with their ETag', async () => {
    const path = `/v1/groups?near=${encodeURIComponent(LEEDS_POSTCODE.postcode)}`;
    const { response } = await get(path);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    const etag = response.headers.get('etag');
    assert.ok(etag);

    const again = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');

    const group = await get('/v1/groups/leeds-t2');
    assert.equal(group.response.headers.get('cache-control'), 'public, max-age=60');
    assert.ok(group.response.headers.get('etag'));
  });

  test('search answers are compressed for browsers, each encoding its own representation', async () => {
    const path = `/v1/groups?lat=${leeds.location!.lat}&lng=${leeds.location!.lng}&radius=50`;
    const raw = async (acceptEncoding: string) => {
      const { status, headers, body } = await rawGet(path, { 'accept-encoding': acceptEncoding });
      assert.equal(status, 200);
      return { headers, body };
    };
    const plain = await raw('identity');
    const br = await raw('gzip, deflate, br');
    const gzip = await raw('gzip');

    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.ok(br.body.length < plain.body.length / 3, `${br.body.length} bytes instead of ${plain.body.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    assert.deepEqual(gunzipSync(gzip.body), plain.body);
    for (const answer of [plain, br, gzip]) assert.match(String(answer.headers.vary), /Accept-Encoding/i);
    assert.equal(new Set([plain, br, gzip].map((a) => a.headers.etag)).size, 3);
  });

  test('many different searches at once each get their own whole answer, compressed or not', async () => {
    // Answers are assembled in one reused buffer: none may carry another's bytes, even while the socket waits.
    const towns = [leeds, bradford, york, manchester, cardiff];
    const searches = Array.from({ length: 60 }, (_, i) => {
      const town = towns[i % towns.length]!;
      const encoding = ['identity', 'br', 'gzip'][i % 3]!;
      return { town, encoding, path: `/v1/groups?lat=${town.location!.lat}&lng=${town.location!.lng}&radius=${5 + i}` };
    });
    const answers = await Promise.all(searches.map(({ path, encoding }) => rawGet(path, { 'accept-encoding': encoding })));
    answers.forEach(({ status, headers, body }, i) => {
      const { town, path } = searches[i]!;
      assert.equal(status, 200);
      const encoding = headers['content-encoding'];
      const text = (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString();
      const answer = JSON.parse(text) as SearchResult;
      assert.equal(answer.radius, 5 + i, path);
      assert.equal(answer.groups[0]?.id, town.id, path);
      assert.equal(answer.groups[0]?.distance, 0, path);
    });
    // Repeats come from the server's cache: what it kept must be what it sent.
    const repeats = await Promise.all(searches.map(({ path, encoding }) => rawGet(path, { 'accept-encoding': encoding })));
    repeats.forEach((repeat, i) => assert.deepEqual(repeat.body, answers[i]!.body, searches[i]!.path));
  });

  test('the taxonomy is cached for a day; the health check never', async () => {
    assert.equal((await get('/v1/taxonomy')).response.headers.get('cache-control'), 'public, max-age=86400');
    const health = await get<{ status: string }>('/healthz');
    assert.deepEqual(health.body, { status: 'ok' });
    assert.equal(health.response.headers.get('cache-control'), 'no-store');
  });
});
