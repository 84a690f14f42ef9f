// Whatever a browser, a bot or a broken integration sends, the API answers
// with a 4xx problem document that says what was wrong (naming the field),
// never with a 5xx: a 5xx would page someone for a problem that is not ours.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { PROBLEM_TYPES, type Problem } from 'peer-directory/schema';
import { makeGroup, makeRegistrationInput } from '../support/fixtures.js';
import { startFakePostcodesIo } from '../support/fake-postcodes-io.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

type Postcodes = Awaited<ReturnType<typeof startFakePostcodesIo>>;

let server: TestServer;
let postcodes: Postcodes;
const group = makeGroup({ id: 'leeds-type-2-together' });

before(async () => {
  postcodes = await startFakePostcodesIo();
  server = await startTestServer({ seed: [group], geocoderUrl: postcodes.url });
});
after(async () => {
  await server.close();
  await postcodes.close();
});

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

/** Sends a request and returns the problem document, asserting it is one, with a 4xx status. */
async function problemFor(path: string, init: RequestInit = {}): Promise<Problem & { status: number }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  assert.ok(
    response.status >= 400 && response.status < 500,
    `${init.method ?? 'GET'} ${path} answers 4xx, not ${response.status}: ${text.slice(0, 300)}`,
  );
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, `${path} is a problem document`);
  const problem = JSON.parse(text) as Problem;
  assert.equal(problem.status, response.status);
  assert.ok(Object.values(PROBLEM_TYPES).includes(problem.type as never), `type ${problem.type} is one of PROBLEM_TYPES`);
  assert.ok(problem.title.length > 0);
  return problem as Problem & { status: number };
}

/** Asserts the problem names `pointer` among its invalid fields. */
function assertNames(problem: Problem, pointer: string): void {
  const pointers = (problem.errors ?? []).map((e) => e.pointer);
  assert.ok(pointers.includes(pointer), `names ${pointer}; named ${JSON.stringify(pointers)}`);
  for (const error of problem.errors ?? []) assert.ok(error.detail.length > 0, `${error.pointer} says what is wrong`);
}

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('a search with mistakes in it', () => {
  test('names every bad parameter at once, so a form can mark them all', async () => {
    const problem = await problemFor('/v1/groups?radius=far&limit=0&condition=type9&free=maybe&units=furlongs');
    assert.equal(problem.status, 400);
    assert.equal(problem.type, PROBLEM_TYPES.validation);
    for (const field of ['radius', 'limit', 'condition', 'free', 'units']) assertNames(problem, `#/${field}`);
  });

  test('a radius beyond 200 is refused, not silently capped', async () => {
    assertNames(await problemFor('/v1/groups?lat=53.8&lng=-1.55&radius=201'), '#/radius');
  });

  test('lat without lng, and near with lat, are refused with a reason', async () => {
    assertNames(await problemFor('/v1/groups?lat=53.8'), '#/lat');
    assertNames(await problemFor('/v1/groups?near=LS1%204AP&lat=53.8&lng=-1.5'), '#/near');
  });

  test('a postcode that cannot be one is a 400 naming near', async () => {
    const problem = await problemFor('/v1/groups?near=%21%21%21');
    assert.equal(problem.status, 400);
    assertNames(problem, '#/near');
  });

  // ZZ is no UK postcode area: no data, and no provider, could place it.
  test('a well-formed postcode no one knows is a 422 unknown place', async () => {
    const problem = await problemFor(`/v1/groups?near=${encodeURIComponent('ZZ99 9ZZ')}`);
    assert.equal(problem.status, 422);
    assert.equal(problem.type, PROBLEM_TYPES.unknownPlace);
    assertNames(problem, '#/near');
  });

  test('a cursor this API never gave out is a 400 naming cursor', async () => {
    assertNames(await problemFor('/v1/groups?lat=53.8&lng=-1.55&cursor=bm90LWEtY3Vyc29y'), '#/cursor');
  });
});

describe('reading a group that is not there', () => {
  test('an unknown id is a 404 problem', async () => {
    const problem = await problemFor('/v1/groups/no-such-group');
    assert.equal(problem.status, 404);
    assert.equal(problem.type, PROBLEM_TYPES.notFound);
  });

  test('an id that could never exist is refused, naming id', async () => {
    assertNames(await problemFor(`/v1/groups/${'x'.repeat(65)}`), '#/id');
  });
});

describe('geocoding nonsense', () => {
  test('a place and a region the US table does not know is a 422, not a crash (found by npm run fuzz)', async () => {
    for (const q of ['A,A A', 'Leeds, West Yorkshire']) {
      const problem = await problemFor(`/v1/geocode?q=${encodeURIComponent(q)}`);
      assert.equal(problem.status, 422, q);
    }
  });

  test('a missing or one-letter query names q', async () => {
    assertNames(await problemFor('/v1/geocode'), '#/q');
    assertNames(await problemFor('/v1/geocode?q=a'), '#/q');
  });
});

describe('a registration with mistakes in it', () => {
  test('names each bad field by its place in the body', async () => {
    const input = makeRegistrationInput();
    const problem = await problemFor(
      '/v1/registrations',
      json({
        ...input,
        group: { ...input.group, name: '', conditions: [] },
        registrant: { ...input.registrant, email: 'not an email' },
      }),
    );
    assert.equal(problem.status, 400);
    assertNames(problem, '#/group/name');
    assertNames(problem, '#/group/conditions');
    assertNames(problem, '#/registrant/email');
  });

  test('without consent nothing is kept, and the missing agreement is named', async () => {
    const input = makeRegistrationInput();
    const problem = await problemFor('/v1/registrations', json({ ...input, consent: { storeData: false } }));
    assertNames(problem, '#/consent/storeData');
    assertNames(problem, '#/consent/noMedicalAdvice');
  });

  test('a venue without coordinates needs a postcode the server can place', async () => {
    const input = makeRegistrationInput();
    const { lat: _lat, lng: _lng, ...location } = input.group.location!;
    const noPostcode = await problemFor(
      '/v1/registrations',
      json({ ...input, group: { ...input.group, location: { ...location, postcode: undefined } } }),
    );
    assertNames(noPostcode, '#/group/location/postcode');

    const nonsense = await problemFor(
      '/v1/registrations',
      json({ ...input, group: { ...input.group, location: { ...location, postcode: '!!!!' } } }),
    );
    assertNames(nonsense, '#/group/location/postcode');
  });

  test('a malformed Idempotency-Key is named', async () => {
    const init = json(makeRegistrationInput());
    const problem = await problemFor('/v1/registrations', {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'idempotency-key': 'has spaces in it' },
    });
    assertNames(problem, '#/idempotency-key');
  });

  test('a body over the configured limit is a 413 problem that says the limit', async () => {
    const problem = await problemFor('/v1/registrations', json({ padding: 'x'.repeat(100 * 1024) }));
    assert.equal(problem.status, 413);
    assert.equal(problem.type, PROBLEM_TYPES.tooLarge);
    assert.match(problem.detail ?? '', new RegExp(`\\(${server.config.bodyLimitBytes / 1024} KB\\)`));
  });

  test('a body that is not JSON is a 415 problem, even text/plain that browsers send without asking', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const problem = await problemFor('/v1/registrations', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'group=Leeds',
      });
      assert.equal(problem.status, 415, type);
    }
  });
});

describe('staff routes with mistakes in them', () => {
  test('an unknown registration is a 404; a bad status filter names status', async () => {
    assert.equal((await problemFor('/v1/admin/registrations/nope', { headers: admin() })).status, 404);
    assert.equal((await problemFor('/v1/admin/registrations/nope/approve', { method: 'POST', headers: admin() })).status, 404);
    assertNames(await problemFor('/v1/admin/registrations?status=maybe', { headers: admin() }), '#/status');
  });

  test('a rejection needs a reason', async () => {
    const init = json({ reason: '   ' });
    const problem = await problemFor('/v1/admin/registrations/any/reject', {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...admin() },
    });
    assertNames(problem, '#/reason');
  });

  test('an edit that breaks the group names the field; an edit of an unknown group is a 404', async () => {
    const { id: _id, updatedAt: _at, ...details } = group;
    const broken = json({ ...details, languages: ['English'] }, 'PUT');
    const problem = await problemFor(`/v1/admin/groups/${group.id}`, {
      ...broken,
      headers: { ...(broken.headers as Record<string, string>), ...admin() },
    });
    assertNames(problem, '#/languages/0');

    const fine = json(details, 'PUT');
    const missing = await problemFor('/v1/admin/groups/no-such-group', {
      ...fine,
      headers: { ...(fine.headers as Record<string, string>), ...admin() },
    });
    assert.equal(missing.status, 404);
  });

  test('an audit page size out of range names limit', async () => {
    assertNames(await problemFor('/v1/admin/audit?limit=0', { headers: admin() }), '#/limit');
  });
});

describe('routes and methods that do not exist', () => {
  test('are 404 problems', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/v2/groups'],
      ['DELETE', '/v1/groups'],
      ['PATCH', '/v1/groups/leeds-type-2-together'],
      ['GET', '/v1/registrations'],
      ['PUT', '/v1/registrations'],
      ['DELETE', '/v1/admin/groups/leeds-type-2-together'],
    ] as const) {
      const problem = await problemFor(path, { method });
      assert.equal(problem.status, 404, `${method} ${path}`);
    }
  });
});

// Inputs collected from fuzzing folklore: odd encodings, prototype keys,
// huge numbers, injection strings, duplicates. None may reach a 5xx.
describe('a loop of nasty inputs', () => {
  const nastyQueries = [
    'radius=NaN',
    'radius=Infinity',
    'radius=-0',
    'radius=1e400',
    'radius=',
    'radius[]=5',
    'radius=1&radius=2',
    'limit=1.5',
    'limit=9007199254740993',
    'limit=0x10',
    'lat=91&lng=0',
    'lat=abc&lng=def',
    'lat=&lng=',
    'near=',
    'near=a',
    `near=${'x'.repeat(101)}`,
    'near=%00%00',
    'near=%F0%9F%92%A9%F0%9F%92%A9',
    'near=%C0%AF',
    'near=SW1A%201AA&near=LS1%204AP',
    "near=' OR 1=1 --",
    'near=<script>alert(1)</script>',
    'condition=',
    'condition=,,,',
    'condition=type1,,nope',
    'audience=ADULTS',
    'format=in-person%00',
    'model[]=x&model=y',
    'free=',
    'free=yes please',
    'family=2',
    'language=english',
    'language=EN',
    'language=c%C3%BF',
    `q=${'q'.repeat(101)}`,
    'cursor=',
    'cursor=!!!',
    `cursor=${'A'.repeat(201)}`,
    'cursor=../../etc/passwd',
    'units=',
    'units=MI',
    '__proto__=x',
    '__proto__[radius]=5',
    'constructor=x',
    'toString=x',
    'hasOwnProperty=1',
    '%ZZ=1',
    'radius=%ZZ',
  ];

  test('search answers every one with 200 or a 4xx problem', async () => {
    for (const query of nastyQueries) {
      const response = await fetch(`${server.url}/v1/groups?${query}`);
      const body = await response.text();
      assert.ok(response.status < 500, `?${query} answered ${response.status}: ${body.slice(0, 200)}`);
      if (response.status >= 400) {
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/, `?${query}`);
        assert.ok((JSON.parse(body) as Problem).title, `?${query} has a title`);
      }
    }
  });

  const nastyIds = ['%00', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%F0%9F%98%80', "'%20OR%201=1", '<b>', 'a'.repeat(300), '%'];
  test('group ids: every one a 4xx problem', async () => {
    for (const id of nastyIds) {
      await problemFor(`/v1/groups/${id}`);
      await problemFor(`/v1/admin/groups/${id}/archive`, { method: 'POST', headers: admin() });
    }
  });

  const nastyBodies: [string, string][] = [
    ['empty', ''],
    ['null', 'null'],
    ['a list', '[]'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['truncated', '{"group":'],
    ['trailing garbage', '{}garbage'],
    ['single quotes', "{'group':{}}"],
    ['prototype pollution', '{"__proto__":{"isAdmin":true}}'],
    ['constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}'],
    ['deep nesting', '['.repeat(20000) + ']'.repeat(20000)],
    ['nulls everywhere', '{"group":null,"registrant":null,"consent":null}'],
    ['wrong types', '{"group":{"name":5,"conditions":"type1","location":[]},"registrant":[],"consent":"yes"}'],
    ['a lone surrogate', '{"group":{"name":"\\ud800"}}'],
    ['control characters', JSON.stringify({ ...makeRegistrationInput(), registrant: { name: 'A\u0000B', email: 'a@example.org' } })],
    ['huge number', '{"group":{"location":{"lat":1e999}}}'],
  ];

  test('registration bodies: every one a 4xx problem, and nothing kept', async () => {
    const before = (await server.store.listRegistrations()).length;
    for (const [name, body] of nastyBodies) {
      const response = await fetch(`${server.url}/v1/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      assert.ok(response.status >= 400 && response.status < 500, `${name}: answered ${response.status} ${text.slice(0, 200)}`);
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/, name);
    }
    assert.equal((await server.store.listRegistrations()).length, before);
  });

  test('staff routes with the same bodies: every one a 4xx problem', async () => {
    for (const [name, body] of nastyBodies) {
      for (const [method, path] of [
        ['PUT', `/v1/admin/groups/${group.id}`],
        ['POST', '/v1/admin/registrations/any/reject'],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...admin() },
          body,
        });
        await response.arrayBuffer();
        assert.ok(response.status >= 400 && response.status < 500, `${name} to ${method} ${path}: ${response.status}`);
      }
    }
    assert.ok(await server.store.getGroup(group.id), 'the group is still published, unchanged');
  });

  test('a request Node cannot parse still gets a problem document', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(new URL(server.url).port as unknown as number, '127.0.0.1', () => {
        socket.write('GET /v1/groups HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400/);
    assert.match(raw, /content-type: application\/problem\+json/i);
  });

  test('headers larger than Node allows are a 431 problem', async () => {
    const { status, type } = await new Promise<{ status?: number; type?: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/groups`, { headers: { 'x-padding': 'x'.repeat(20000) } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode, type: res.headers['content-type'] });
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 431);
    assert.match(type ?? '', /problem\+json/);
  });
});

/** Sends raw bytes on a new connection and returns everything the server wrote before closing it. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
      // One complete answer is all these stories need.
      if (/\r\n\r\n[\s\S]*\}$/.test(data)) socket.end();
    });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('text that no database can store', () => {
  // PostgreSQL refuses a NUL (22P05) and a lone surrogate (22P02) in jsonb: both must stop at validation.
  const unstorable = { 'a lone surrogate': 'Leeds \ud800 Group', 'a NUL': 'Leeds \u0000 Group', 'a lone low surrogate': '\udc00Leeds' };
  // A URL carries text as UTF-8 bytes: a surrogate's bytes (ED A0 80) are invalid UTF-8, a NUL is %00.
  const inUrl: Record<string, string> = {
    'a lone surrogate': 'Leeds%20%ED%A0%80',
    'a NUL': 'Leeds%00',
    'a lone low surrogate': '%ED%B0%80Leeds',
  };

  for (const [what, text] of Object.entries(unstorable)) {
    test(`a registration whose text holds ${what} is a 400 naming each field, and nothing is kept`, async () => {
      const before = (await server.store.listRegistrations()).length;
      const input = makeRegistrationInput();
      const body = {
        ...input,
        group: { ...input.group, name: text, contact: { website: `https://example.org/${text}` } },
        registrant: { ...input.registrant, name: text, role: text },
      };
      const problem = await problemFor('/v1/registrations', json(body));
      assert.equal(problem.status, 400);
      for (const field of ['#/group/name', '#/group/contact/website', '#/registrant/name', '#/registrant/role']) {
        assertNames(problem, field);
      }
      assert.equal((await server.store.listRegistrations()).length, before);
    });

    test(`a staff edit whose text holds ${what} is a 400 naming the field, and the group is unchanged`, async () => {
      const { id: _id, updatedAt: _at, ...details } = group;
      const init = json({ ...details, summary: text }, 'PUT');
      const problem = await problemFor(`/v1/admin/groups/${group.id}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...admin() },
      });
      assertNames(problem, '#/summary');
      assert.equal((await server.store.getGroup(group.id))?.summary, group.summary);
    });

    test(`a search or geocode for ${what} is a 400 naming the parameter`, async () => {
      const escaped = inUrl[what]!;
      assertNames(await problemFor(`/v1/groups?near=${escaped}`), '#/near');
      assertNames(await problemFor(`/v1/groups?q=${escaped}`), '#/q');
      assertNames(await problemFor(`/v1/geocode?q=${escaped}`), '#/q');
      assert.ok(text);
    });
  }

  test('emoji, right-to-left and zero-width text are kept as written', async () => {
    const name = 'مجموعة دعم 💙 Leeds\u200b';
    const input = makeRegistrationInput();
    const response = await fetch(`${server.url}/v1/registrations`, json({ ...input, group: { ...input.group, name } }));
    assert.equal(response.status, 202);
    const kept = (await server.store.listRegistrations()).find((r) => r.group.name === name);
    assert.ok(kept, 'the registration is stored with its name unchanged');
  });
});

describe('numbers in a query string are read as written, or refused', () => {
  test('empty lat and lng are refused, not read as a search from (0, 0)', async () => {
    const problem = await problemFor('/v1/groups?lat=&lng=');
    assertNames(problem, '#/lat');
    assertNames(problem, '#/lng');
  });

  test('hexadecimal, exponents, spaces and infinities are refused', async () => {
    for (const value of ['0x10', '1e1', '%2010', 'Infinity', '-', '.', '1.2.3', '0b1']) {
      assertNames(await problemFor(`/v1/groups?lat=${value}&lng=1`), '#/lat');
    }
    assertNames(await problemFor('/v1/groups?lat=53.8&lng=-1.5&limit=2.5'), '#/limit');
    assertNames(await problemFor('/v1/admin/audit?limit=0x10', { headers: admin() }), '#/limit');
  });

  test('a parameter given twice is refused, naming it', async () => {
    assertNames(await problemFor('/v1/groups?lat=53.8&lat=53.9&lng=-1.5'), '#/lat');
  });

  test('plain decimals still work, signs and all', async () => {
    const response = await fetch(`${server.url}/v1/groups?lat=%2B53.80&lng=-1.55&radius=.5&limit=10`);
    assert.equal(response.status, 200);
    const result = (await response.json()) as { radius: number };
    assert.equal(result.radius, 0.5);
  });
});

describe('a request with no Host header', () => {
  test('gets a 400 problem document naming host', async () => {
    const raw = await rawExchange('GET /v1/groups HTTP/1.1\r\nConnection: close\r\n\r\n');
    assert.match(raw, /^HTTP\/1\.1 400/);
    assert.match(raw, /content-type: application\/problem\+json/i);
    const problem = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Problem;
    assert.deepEqual(
      problem.errors?.map((e) => e.pointer),
      ['#/host'],
    );
  });
});

describe('meeting times that are not real, or already past', () => {
  const withMeeting = (start: string, timeZone = 'Europe/London') => {
    const input = makeRegistrationInput();
    return {
      ...input,
      group: { ...input.group, schedule: { ...input.group.schedule, timeZone, meetings: [{ start, durationMinutes: 60 }] } },
    };
  };
  const start = '#/group/schedule/meetings/0/start';

  test('dates and times that are not on the calendar are refused, naming the meeting', async () => {
    for (const value of [
      '9999-99-99T99:99',
      '2027-13-45T25:61',
      '2027-02-29T18:00',
      '2027-04-31T18:00',
      '2027-06-01T24:00',
      '2027-06-01 18:00',
      '2027-06-01T18:00Z',
    ]) {
      assertNames(await problemFor('/v1/registrations', json(withMeeting(value))), start);
    }
  });

  test('a time in a time zone that does not exist is refused, naming the zone', async () => {
    assertNames(
      await problemFor('/v1/registrations', json(withMeeting('2099-06-01T18:00', 'Mars/Olympus_Mons'))),
      '#/group/schedule/timeZone',
    );
  });

  test('a time the clocks skip in the group’s time zone is refused', async () => {
    // British Summer Time starts at 01:00 GMT on 29 March 2099: 01:30 never happens in London that night.
    const problem = await problemFor('/v1/registrations', json(withMeeting('2099-03-29T01:30')));
    assertNames(problem, start);
    assert.match(problem.errors!.find((e) => e.pointer === start)!.detail, /clocks change/);
  });

  test('a meeting in the past is refused, saying so; a leap day still to come is accepted', async () => {
    const problem = await problemFor('/v1/registrations', json(withMeeting('2020-01-07T18:00')));
    assert.match(problem.errors!.find((e) => e.pointer === start)!.detail, /in the past/);
    const response = await fetch(`${server.url}/v1/registrations`, json(withMeeting('2096-02-29T18:00')));
    assert.equal(response.status, 202);
  });

  test('a calendar never holds a meeting that could not be real', async () => {
    const input = withMeeting('2027-13-45T25:61');
    const { id: _id, updatedAt: _at, ...details } = group;
    const init = json({ ...details, schedule: input.group.schedule }, 'PUT');
    assertNames(
      await problemFor(`/v1/admin/groups/${group.id}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...admin() } }),
      '#/schedule/meetings/0/start',
    );
  });
});
