// The SDK as a charity's web developer uses it, against the real directory
// server over real HTTP. Local servers stand in only for failures the real
// one cannot be made to show on demand: silence, a dropped connection, a
// wrong answer, a passing 503.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  createAdminClient,
  createDirectoryClient,
  DirectoryError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  UnauthorizedError,
  UnknownPlaceError,
  ValidationError,
  type AdminClient,
  type DirectoryClient,
  type RegistrationInput,
  type SearchQuery,
} from 'peer-directory';
import { responseSchemas } from 'peer-directory/schema';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

// Parliament Square: a doorstep for the groups these stories register.
const WESTMINSTER = { lat: 51.501, lng: -0.1416 };

/** A leader's registration of an in-person group meeting at a point. */
function registration(name: string, where: { lat: number; lng: number; town: string }): RegistrationInput {
  return makeRegistrationInput({
    group: { name, location: { ...where, country: 'GB', postcode: undefined, venue: undefined } },
  });
}

/** Registers and approves a group, as a leader and then staff would; returns its published id. */
async function publish(directory: DirectoryClient, admin: AdminClient, input: RegistrationInput): Promise<string> {
  const receipt = await directory.registrations.create(input);
  const pending = await admin.registrations.list({ status: 'pending' });
  const mine = pending.find((r) => r.reference === receipt.reference);
  assert.ok(mine, `registration ${receipt.reference} is waiting for review`);
  const approved = await admin.registrations.approve(mine.id);
  assert.ok(approved.groupId, 'approval names the published group');
  return approved.groupId;
}

/** A local HTTP server answering with `handler`; closing it drops every connection. */
async function localServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the directory SDK against the real server', () => {
  let server: TestServer;
  let directory: DirectoryClient;
  let admin: AdminClient;

  before(async () => {
    server = await startTestServer();
    directory = createDirectoryClient({ baseUrl: server.url });
    admin = createAdminClient({ baseUrl: server.url, token: server.adminToken });
  });
  after(() => server.close());

  describe('finding groups', () => {
    test('finds groups near a postcode, nearest first', async () => {
      const result = await directory.groups.search({ near: 'SW1A 1AA', radius: 200 });

      assert.equal(result.origin?.label, 'SW1A 1AA');
      assert.ok(result.groups.length > 1, 'the sample directory has several groups within 200 miles of Westminster');
      const distances = result.groups.map((g) => g.distance);
      assert.deepEqual(
        distances,
        distances.toSorted((a, b) => a - b),
      );
      assert.ok(distances.every((d) => d <= 200));
    });

    test('searches from a point on the Greenwich meridian, whose longitude JavaScript writes as 1e-7', async () => {
      // The API takes plain decimals only; the SDK must not send String(1e-7).
      const result = await directory.groups.search({ lat: 51.4779, lng: -0.0000001, radius: 200 });
      assert.ok(result.groups.length > 0);
    });

    test('a new group approved by staff is found nearest to its own doorstep', async () => {
      const near = await publish(directory, admin, registration('Pimlico Peers', { ...WESTMINSTER, town: 'London' }));
      const further = await publish(
        directory,
        admin,
        registration('Pimlico Peers Reading', { lat: 51.4543, lng: -0.9781, town: 'Reading' }),
      );

      const result = await directory.groups.search({ ...WESTMINSTER, radius: 50, q: 'Pimlico Peers' });

      assert.deepEqual(
        result.groups.map((g) => g.id),
        [near, further],
      );
    });

    test('narrows a search to several conditions and formats at once', async () => {
      const all = await directory.groups.search({ near: 'SW1A 1AA', radius: 25, limit: 50 });
      const some = await directory.groups.search({
        near: 'SW1A 1AA',
        radius: 25,
        limit: 50,
        condition: ['type1', 'gestational'],
        format: ['in-person', 'telephone'],
      });

      assert.ok(some.groups.length > 0 && some.groups.length < all.groups.length);
      for (const group of some.groups) {
        assert.ok(
          group.conditions.some((c) => c === 'type1' || c === 'gestational'),
          group.name,
        );
        assert.ok(
          group.formats.some((f) => f === 'in-person' || f === 'telephone'),
          group.name,
        );
      }
    });

    test('searchAll walks every page once', async () => {
      const query = { near: 'SW1A 1AA', radius: 25, limit: 3 } as const;
      const everything = await directory.groups.search({ ...query, limit: 50 });
      assert.ok(everything.groups.length > 6, 'enough groups for several pages of three');
      assert.equal(everything.nextCursor, null, 'one page of 50 holds them all');
      let pagesFetched = 0;
      const counting = createDirectoryClient({
        baseUrl: server.url,
        fetch: (input, init) => {
          pagesFetched += 1;
          return fetch(input, init);
        },
      });

      const walked: string[] = [];
      for await (const group of counting.groups.searchAll(query)) walked.push(group.id);

      assert.deepEqual(
        walked,
        everything.groups.map((g) => g.id),
      );
      assert.equal(pagesFetched, Math.ceil(walked.length / 3));
    });

    test('every search lists the first online and telephone groups; everywhereAll reads the rest, the same whatever the place', async () => {
      const { everywhere } = await directory.groups.search({ near: 'SW1A 1AA', condition: ['type1'] });
      assert.ok(everywhere && everywhere.total > everywhere.groups.length, 'more than the first few');
      const urls: string[] = [];
      const watching = createDirectoryClient({
        baseUrl: server.url,
        fetch: (input, init) => {
          urls.push(String(input instanceof Request ? input.url : input));
          return fetch(input, init);
        },
      });

      const all: string[] = [];
      for await (const group of watching.groups.everywhereAll({ condition: ['type1'], limit: 4 })) all.push(group.id);
      assert.equal(all.length, everywhere.total);
      assert.deepEqual(
        all.slice(0, everywhere.groups.length),
        everywhere.groups.map((g) => g.id),
      );
      assert.equal(urls.length, Math.ceil(everywhere.total / 4));

      // A whole search query may be passed: only its filters are sent, so every place shares one cached answer.
      const search: SearchQuery = { near: 'LS1 4AP', radius: 5, condition: ['type1'], limit: 4 };
      const page = await watching.groups.everywhere(search);
      assert.deepEqual(
        page.groups.map((g) => g.id),
        all.slice(0, 4),
      );
      assert.deepEqual(Object.fromEntries(new URL(urls.at(-1)!).searchParams), { condition: 'type1', limit: '4' });
    });

    test('reads one group by id, and the taxonomy that labels its codes', async () => {
      const [hit] = (await directory.groups.search({ near: 'SW1A 1AA', radius: 200, limit: 1 })).groups;
      assert.ok(hit);

      const group = await directory.groups.get(hit.id);
      const taxonomy = await directory.taxonomy();

      assert.equal(group.name, hit.name);
      assert.ok(taxonomy.models.some((m) => m.code === group.model));
      assert.equal(taxonomy.questions.length, 8);
    });

    test('geocodes a US ZIP code', async () => {
      const place = await directory.geocode('10001');

      assert.equal(place.country, 'US');
      assert.ok(Math.abs(place.lat - 40.75) < 0.1 && Math.abs(place.lng + 74.0) < 0.1, 'Manhattan');
    });

    test('geocodes a town with the label people should see, and the other places of that name', async () => {
      const place = await directory.geocode('newport');

      assert.equal(place.label, 'Newport, Wales');
      assert.equal(place.precision, 'place');
      assert.equal(place.centre, 'Newport, Wales');
      assert.ok(place.alternatives?.some((a) => a.label === 'Newport, RI'));
      const search = await directory.groups.search({ near: 'newport', radius: 5 });
      assert.equal(search.origin?.label, 'Newport, Wales');
    });
  });

  describe('when the directory says no', () => {
    test('a bad radius gives a ValidationError naming the field', async () => {
      const error = await directory.groups.search({ near: 'SW1A 1AA', radius: 5000 }).catch((e: unknown) => e);

      assert.ok(error instanceof ValidationError);
      assert.equal(error.status, 400);
      assert.deepEqual(
        error.errors.map((e) => e.pointer),
        ['#/radius'],
      );
    });

    test('an unknown group is a NotFoundError', async () => {
      await assert.rejects(directory.groups.get('no-such-group'), (error) => {
        assert.ok(error instanceof NotFoundError);
        assert.equal(error.status, 404);
        assert.equal(error.problem?.status, 404);
        return true;
      });
    });

    test('an unknown postcode is an UnknownPlaceError naming the field it was typed in', async () => {
      const error = await directory.groups.search({ near: 'ZZ99 9ZZ' }).catch((e: unknown) => e);

      assert.ok(error instanceof UnknownPlaceError);
      assert.equal(error.status, 422);
      assert.deepEqual(
        error.errors.map((e) => e.pointer),
        ['#/near'],
      );
      await assert.rejects(directory.geocode('ZZ99 9ZZ'), UnknownPlaceError);
    });

    test('with the response schemas, answers from the real directory pass their checks', async () => {
      const checked = createDirectoryClient({ baseUrl: server.url, validate: responseSchemas });

      const result = await checked.groups.search({ near: 'SW1A 1AA', radius: 25 });
      assert.deepEqual(result, await directory.groups.search({ near: 'SW1A 1AA', radius: 25 }));
      assert.ok((await checked.taxonomy()).conditions.length > 0);
      await assert.rejects(checked.groups.search({ near: 'ZZ99 9ZZ' }), UnknownPlaceError);
    });
  });

  describe('registering a group', () => {
    test('registrations.create returns a pending reference and the same idempotency key does not create a second', async () => {
      const input = registration('Idempotent Islington', { lat: 51.538, lng: -0.1028, town: 'London' });
      const idempotencyKey = crypto.randomUUID();

      const first = await directory.registrations.create(input, { idempotencyKey });
      const again = await directory.registrations.create(input, { idempotencyKey });

      assert.equal(first.status, 'pending');
      assert.equal(again.reference, first.reference);
      const pending = await admin.registrations.list({ status: 'pending' });
      assert.equal(pending.filter((r) => r.reference === first.reference).length, 1);
    });

    test('a registration that meets a passing 503 is sent again with the same key, and stored once', async () => {
      const keys: string[] = [];
      // A proxy in front of the real server that fails the first attempt.
      const flaky = await localServer(async (req, res) => {
        keys.push(String(req.headers['idempotency-key']));
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        if (keys.length === 1) {
          res
            .writeHead(503, { 'content-type': 'application/problem+json' })
            .end(JSON.stringify({ type: '/problems/unavailable', title: 'Service unavailable', status: 503 }));
          return;
        }
        const answer = await fetch(new URL(req.url!, server.url), {
          method: req.method!,
          headers: { 'content-type': 'application/json', 'idempotency-key': keys.at(-1)! },
          body: Buffer.concat(chunks),
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(await answer.text());
      });
      try {
        const viaFlaky = createDirectoryClient({ baseUrl: flaky.url });

        const receipt = await viaFlaky.registrations.create(
          registration('Second Try Southwark', { lat: 51.5035, lng: -0.0804, town: 'London' }),
        );

        assert.equal(keys.length, 2);
        assert.equal(keys[0], keys[1]);
        assert.match(keys[0]!, /^[0-9a-f-]{36}$/);
        const stored = await admin.registrations.list();
        assert.equal(stored.filter((r) => r.reference === receipt.reference).length, 1);
      } finally {
        await flaky.close();
      }
    });

    test('an incomplete registration gives a ValidationError for each missing answer', async () => {
      const input = registration('Half Finished', { ...WESTMINSTER, town: 'London' });
      const withoutName = { ...input, group: { ...input.group, name: '' } };

      const error = await directory.registrations.create(withoutName).catch((e: unknown) => e);

      assert.ok(error instanceof ValidationError);
      assert.ok(
        error.errors.some((e) => e.pointer === '#/group/name'),
        `names the group's name: ${JSON.stringify(error.errors)}`,
      );
    });
  });

  describe('directory staff', () => {
    test('approve publishes a registration so search finds it', async () => {
      const receipt = await directory.registrations.create(
        registration('Approved in Aldgate', { lat: 51.5142, lng: -0.0755, town: 'London' }),
      );
      const [pending] = (await admin.registrations.list({ status: 'pending' })).filter((r) => r.reference === receipt.reference);
      assert.ok(pending);
      const before = await directory.groups.search({ near: 'E1 7AA', radius: 5, q: 'Aldgate' });
      assert.equal(before.groups.length, 0, 'not published while pending');

      const approved = await admin.registrations.approve(pending.id);

      assert.equal(approved.status, 'approved');
      const found = await directory.groups.search({ near: 'E1 7AA', radius: 5, q: 'Aldgate' });
      assert.deepEqual(
        found.groups.map((g) => g.id),
        [approved.groupId],
      );
      const log = await admin.audit();
      assert.ok(log.some((entry) => entry.action === 'approve' && entry.subject.includes(pending.id)));
    });

    test('a rejected registration is never published, and archiving takes a group out of search', async () => {
      const receipt = await directory.registrations.create(
        registration('Rejected in Richmond', { lat: 51.4613, lng: -0.3037, town: 'Richmond' }),
      );
      const pending = (await admin.registrations.list({ status: 'pending' })).find((r) => r.reference === receipt.reference);
      assert.ok(pending);
      const rejected = await admin.registrations.reject(pending.id, 'Please add a meeting place we can check.');
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.decision?.reason, 'Please add a meeting place we can check.');

      const id = await publish(directory, admin, registration('Archived in Acton', { lat: 51.5079, lng: -0.2727, town: 'London' }));
      await admin.groups.archive(id);

      await assert.rejects(directory.groups.get(id), NotFoundError);
      const search = await directory.groups.search({ lat: 51.5079, lng: -0.2727, radius: 5, q: 'Acton' });
      assert.equal(search.groups.length, 0);
    });

    test('staff edit a published group and everyone sees the change', async () => {
      const id = await publish(directory, admin, registration('Edited in Ealing', { lat: 51.513, lng: -0.3089, town: 'London' }));
      const { id: _id, updatedAt: _updatedAt, ...details } = await directory.groups.get(id);

      const updated = await admin.groups.update(id, { ...details, summary: 'Now meeting weekly.' });

      assert.equal(updated.summary, 'Now meeting weekly.');
      assert.equal((await directory.groups.get(id)).summary, 'Now meeting weekly.');
    });

    test('admin calls without a token are refused', async () => {
      const noToken = createAdminClient({ baseUrl: server.url, token: '' });
      const wrongToken = createAdminClient({ baseUrl: server.url, token: 'not-the-admin-token-at-all' });

      await assert.rejects(noToken.registrations.list(), UnauthorizedError);
      await assert.rejects(wrongToken.audit(), (error) => {
        assert.ok(error instanceof UnauthorizedError);
        assert.equal(error.status, 401);
        return true;
      });
    });
  });
});

describe('the SDK when things go wrong on the way', () => {
  test('abort cancels a search that is waiting for the directory', async () => {
    const silent = await localServer(() => {});
    try {
      const directory = createDirectoryClient({ baseUrl: silent.url, timeout: 30_000 });
      const controller = new AbortController();
      const started = Date.now();

      const search = directory.groups.search({ near: 'SW1A 1AA' }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);

      await assert.rejects(search, (error) => {
        assert.ok(error instanceof DOMException);
        assert.equal(error.name, 'AbortError');
        assert.ok(!(error instanceof DirectoryError), 'callers can ignore aborts without unwrapping');
        return true;
      });
      assert.ok(Date.now() - started < 5_000, 'well before any timeout');
    } finally {
      await silent.close();
    }
  });

  test('a server that does not answer in time gives a TimeoutError', async () => {
    const silent = await localServer(() => {});
    try {
      const directory = createDirectoryClient({ baseUrl: silent.url, timeout: 200 });

      await assert.rejects(directory.taxonomy(), TimeoutError);
    } finally {
      await silent.close();
    }
  });

  /** A server that sends a 200 with a JSON content length, then `afterHeaders(res)` decides what happens to the body. */
  const halfAnswering = (afterHeaders: (res: ServerResponse) => void) =>
    localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"categories":');
      afterHeaders(res);
    });

  test('a server that sends its headers and then stalls gives a TimeoutError within the timeout', async () => {
    const stalling = await halfAnswering(() => {});
    try {
      const directory = createDirectoryClient({ baseUrl: stalling.url, timeout: 300, retry: 0 });
      const started = Date.now();
      await assert.rejects(directory.taxonomy(), (error) => {
        assert.ok(error instanceof TimeoutError, String(error));
        assert.ok(error instanceof DirectoryError);
        return true;
      });
      assert.ok(Date.now() - started < 3_000, `ended after ${Date.now() - started} ms`);
    } finally {
      await stalling.close();
    }
  });

  test('a body dripped a byte at a time is cut off at the timeout, not read for ever', async () => {
    const timers: NodeJS.Timeout[] = [];
    const dripping = await halfAnswering((res) => timers.push(setInterval(() => res.write(' '), 20)));
    try {
      const directory = createDirectoryClient({ baseUrl: dripping.url, timeout: 400, retry: 0 });
      const started = Date.now();
      await assert.rejects(directory.taxonomy(), TimeoutError);
      assert.ok(Date.now() - started < 3_000, `ended after ${Date.now() - started} ms`);
    } finally {
      timers.forEach(clearInterval);
      await dripping.close();
    }
  });

  test('a connection dropped in the middle of the body gives a NetworkError', async () => {
    const dropping = await halfAnswering((res) => setTimeout(() => res.socket?.destroy(), 20));
    try {
      const directory = createDirectoryClient({ baseUrl: dropping.url, timeout: 5_000, retry: 0 });
      await assert.rejects(directory.taxonomy(), (error) => {
        assert.ok(error instanceof NetworkError, String(error));
        return true;
      });
    } finally {
      await dropping.close();
    }
  });

  test('a caller’s abort while the body arrives is still the caller’s abort', async () => {
    const stalling = await halfAnswering(() => {});
    try {
      const directory = createDirectoryClient({ baseUrl: stalling.url, timeout: 30_000, retry: 0 });
      const controller = new AbortController();
      const call = directory.taxonomy({ signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(call, (error) => {
        assert.ok(error instanceof DOMException && error.name === 'AbortError', String(error));
        assert.ok(!(error instanceof DirectoryError));
        return true;
      });
    } finally {
      await stalling.close();
    }
  });

  test('the timeout covers every attempt together, retries included', async () => {
    let attempts = 0;
    const failing = await localServer((_req, res) => {
      attempts += 1;
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' }).end('{}');
    });
    try {
      const directory = createDirectoryClient({ baseUrl: failing.url, timeout: 600, retry: 5 });
      const started = Date.now();
      await assert.rejects(directory.taxonomy(), TimeoutError);
      assert.ok(Date.now() - started < 3_000, `ended after ${Date.now() - started} ms`);
      assert.ok(attempts >= 1 && attempts < 6, `${attempts} attempts`);
    } finally {
      await failing.close();
    }
  });

  test('a stopped server gives a NetworkError, after the retries a read is allowed', async () => {
    const stopped = await localServer(() => {});
    await stopped.close();
    let attempts = 0;
    const directory = createDirectoryClient({
      baseUrl: stopped.url,
      retry: 1,
      fetch: (input, init) => {
        attempts += 1;
        return fetch(input, init);
      },
    });

    await assert.rejects(directory.groups.get('any-group'), NetworkError);
    assert.equal(attempts, 2);
  });

  test('with the response schemas, an answer that is not the documented shape is a ResponseShapeError, never passed on', async () => {
    const wrong = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ groups: 'none' }));
    });
    try {
      const directory = createDirectoryClient({ baseUrl: wrong.url, validate: responseSchemas });

      await assert.rejects(directory.groups.search({ near: 'SW1A 1AA' }), ResponseShapeError);
    } finally {
      await wrong.close();
    }
  });

  test("an error answered with JSON that is not a problem document (a proxy's) still has its kind and status", async () => {
    const proxy = await localServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no such route' }));
    });
    try {
      const error = await createDirectoryClient({ baseUrl: proxy.url })
        .groups.get('g1')
        .catch((e: unknown) => e);

      assert.ok(error instanceof NotFoundError);
      assert.equal(error.status, 404);
      assert.equal(error.problem, undefined);
    } finally {
      await proxy.close();
    }
  });

  test('429 gives RateLimitError with retryAfter', async () => {
    // One registration an hour, so the second from this address is refused.
    const strict = await startTestServer({ registrationRateLimit: 1, seed: 'none' });
    try {
      const directory = createDirectoryClient({ baseUrl: strict.url });
      const input = registration('Rate Limited Romford', { lat: 51.5768, lng: 0.1801, town: 'Romford' });
      await directory.registrations.create(input);

      const error = await directory.registrations.create(input).catch((e: unknown) => e);

      assert.ok(error instanceof RateLimitError);
      assert.equal(error.status, 429);
      assert.ok(error.retryAfter !== undefined && error.retryAfter > 0 && error.retryAfter <= 3600, `${error.retryAfter}`);
    } finally {
      await strict.close();
    }
  });
});
