// Directory staff review what leaders send before anything is published,
// keep the directory current, and can always say who changed what. Leaders'
// submissions are protected from bots and floods without getting in people's way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  PROBLEM_TYPES,
  type AuditEntry,
  type Group,
  type Problem,
  type Registration,
  type RegistrationInput,
  type RegistrationReceipt,
  type SearchResult,
} from 'peer-directory/schema';
import { REFERENCE_PATTERN } from '../../server/src/store/index.js';
import { makeGroup, makeRegistrationInput } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

// Halifax: no other group in these stories meets within 5 miles of it.
const HALIFAX = { lat: 53.7248, lng: -1.8658 };

let server: TestServer;
const existing = makeGroup({ id: 'huddersfield-t1-circle', name: 'Huddersfield Type 1 Circle' });

before(async () => {
  server = await startTestServer({ seed: [existing] });
});
after(() => server.close());

const staff = (actor?: string): Record<string, string> => ({
  authorization: `Bearer ${server.adminToken}`,
  ...(actor ? { 'x-actor': actor } : {}),
});

async function call<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { response, status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A registration for a group meeting in Halifax, with a name only this story uses. */
function halifaxRegistration(name: string, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  const input = makeRegistrationInput();
  return {
    ...input,
    group: { ...input.group, name, location: { town: 'Halifax', country: 'GB', ...HALIFAX } },
    ...overrides,
  };
}

async function register(input: RegistrationInput, headers: Record<string, string> = {}) {
  return call<RegistrationReceipt>('POST', '/v1/registrations', { body: input, headers });
}

async function pendingRegistration(reference: string): Promise<Registration> {
  const { body } = await call<{ registrations: Registration[] }>('GET', '/v1/admin/registrations?status=pending', {
    headers: staff(),
  });
  const found = body.registrations.find((r) => r.reference === reference);
  assert.ok(found, `registration ${reference} is waiting for review`);
  return found;
}

async function searchHalifax(q: string): Promise<SearchResult> {
  const { status, body } = await call<SearchResult>(
    'GET',
    `/v1/groups?lat=${HALIFAX.lat}&lng=${HALIFAX.lng}&radius=5&q=${encodeURIComponent(q)}`,
  );
  assert.equal(status, 200);
  return body;
}

describe('only staff get in', () => {
  test('without a token, every staff route answers 401 with a Bearer challenge', async () => {
    for (const [method, path] of [
      ['GET', '/v1/admin/registrations'],
      ['GET', '/v1/admin/registrations/any'],
      ['POST', '/v1/admin/registrations/any/approve'],
      ['POST', '/v1/admin/groups/any/archive'],
      ['GET', '/v1/admin/audit'],
    ]) {
      const { response, status, body } = await call<Problem>(method!, path!);
      assert.equal(status, 401, `${method} ${path}`);
      assert.equal(body.type, PROBLEM_TYPES.unauthorized);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    }
  });

  test('a wrong token is refused the same way, and says the token is invalid', async () => {
    for (const token of ['wrong', `${server.adminToken}x`, server.adminToken.slice(0, -1), ' ']) {
      const { response, status } = await call('GET', '/v1/admin/registrations', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(status, 401, `token ${JSON.stringify(token)}`);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    const basic = await call('GET', '/v1/admin/audit', { headers: { authorization: `Basic ${btoa(`admin:${server.adminToken}`)}` } });
    assert.equal(basic.status, 401);
  });

  test('a server without ADMIN_TOKEN lets no one in, whatever they send', async () => {
    const closed = await startTestServer({ seed: 'none', adminToken: null });
    try {
      for (const authorization of [undefined, 'Bearer ', 'Bearer undefined', `Bearer ${server.adminToken}`]) {
        const response = await fetch(`${closed.url}/v1/admin/registrations`, {
          headers: authorization ? { authorization } : {},
        });
        await response.arrayBuffer();
        assert.equal(response.status, 401);
      }
    } finally {
      await closed.close();
    }
  });
});

describe('reviewing registrations', () => {
  test('a leader registers; staff see it pending with the registrant’s details; nothing is public yet', async () => {
    const name = 'Halifax Pending Peers';
    const { status, body: receipt } = await register(halifaxRegistration(name));
    assert.equal(status, 202);
    assert.equal(receipt.status, 'pending');
    assert.match(receipt.reference, REFERENCE_PATTERN);

    const pending = await pendingRegistration(receipt.reference);
    assert.equal(pending.status, 'pending');
    assert.equal(pending.group.name, name);
    assert.equal(pending.registrant.email, 'asha@example.org');
    assert.equal(pending.consent.storeData, true);

    const one = await call<Registration>('GET', `/v1/admin/registrations/${pending.id}`, { headers: staff() });
    assert.equal(one.status, 200);
    assert.equal(one.body.reference, receipt.reference);
    assert.equal(one.response.headers.get('cache-control'), 'no-store');

    assert.deepEqual((await searchHalifax(name)).groups, []);
  });

  test('approving publishes the group, searchable at once; approving twice is a conflict', async () => {
    const name = 'Halifax Approved Peers';
    const { body: receipt } = await register(halifaxRegistration(name));
    const pending = await pendingRegistration(receipt.reference);

    const { status, body: approved } = await call<Registration>('POST', `/v1/admin/registrations/${pending.id}/approve`, {
      headers: staff('Priya'),
    });
    assert.equal(status, 200);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.decision?.by, 'Priya');
    assert.ok(approved.groupId);

    const found = await searchHalifax(name);
    assert.deepEqual(
      found.groups.map((g) => g.id),
      [approved.groupId],
    );
    assert.equal(found.groups[0]!.name, name);
    const published = await call<Group>('GET', `/v1/groups/${approved.groupId}`);
    assert.equal(published.status, 200);
    assert.equal(published.body.name, name);

    const again = await call<Problem>('POST', `/v1/admin/registrations/${pending.id}/approve`, { headers: staff() });
    assert.equal(again.status, 409);
    assert.equal(again.body.type, PROBLEM_TYPES.conflict);
  });

  test('rejecting keeps the reason for the registrant, and publishes nothing', async () => {
    const name = 'Halifax Rejected Peers';
    const { body: receipt } = await register(halifaxRegistration(name));
    const pending = await pendingRegistration(receipt.reference);

    const reason = 'This is a clinic appointment list, not a peer group.';
    const { status, body: rejected } = await call<Registration>('POST', `/v1/admin/registrations/${pending.id}/reject`, {
      headers: staff(),
      body: { reason },
    });
    assert.equal(status, 200);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.decision?.reason, reason);
    assert.equal(rejected.groupId, undefined);

    assert.deepEqual((await searchHalifax(name)).groups, []);
    const listed = await call<{ registrations: Registration[] }>('GET', '/v1/admin/registrations?status=rejected', { headers: staff() });
    assert.ok(listed.body.registrations.some((r) => r.id === pending.id));
    const approveRejected = await call('POST', `/v1/admin/registrations/${pending.id}/approve`, { headers: staff() });
    assert.equal(approveRejected.status, 409);
  });

  test('a registration that changes a published group replaces it, keeping its id', async () => {
    const { id: _id, updatedAt: _at, ...details } = existing;
    const input = makeRegistrationInput();
    const change: RegistrationInput = {
      ...input,
      group: { ...details, name: 'Huddersfield Type 1 Circle (Tuesdays)' },
      updatesGroupId: existing.id,
    };
    const { body: receipt } = await register(change);
    const pending = await pendingRegistration(receipt.reference);

    const { body: approved } = await call<Registration>('POST', `/v1/admin/registrations/${pending.id}/approve`, { headers: staff() });
    assert.equal(approved.groupId, existing.id);
    const published = await call<Group>('GET', `/v1/groups/${existing.id}`);
    assert.equal(published.body.name, 'Huddersfield Type 1 Circle (Tuesdays)');
  });
});

describe('keeping the directory current', () => {
  async function publishedHalifaxGroup(name: string): Promise<string> {
    const { body: receipt } = await register(halifaxRegistration(name));
    const pending = await pendingRegistration(receipt.reference);
    const { body } = await call<Registration>('POST', `/v1/admin/registrations/${pending.id}/approve`, { headers: staff() });
    return body.groupId!;
  }

  test('staff edit a group: searches show the new details at once', async () => {
    const id = await publishedHalifaxGroup('Halifax Editable Peers');
    const { body: before } = await call<Group>('GET', `/v1/groups/${id}`);
    const { id: _id, updatedAt: _at, ...details } = before;

    const { status, body: edited } = await call<Group>('PUT', `/v1/admin/groups/${id}`, {
      headers: staff('Sam'),
      body: {
        ...details,
        summary: 'Now meeting weekly, on Thursdays.',
        answers: { ...details.answers, cost: { free: false, details: '£2 for tea' } },
      },
    });
    assert.equal(status, 200);
    assert.equal(edited.id, id);
    assert.equal(edited.summary, 'Now meeting weekly, on Thursdays.');
    assert.ok(edited.updatedAt > before.updatedAt, 'the change is dated');

    const found = await searchHalifax('Halifax Editable Peers');
    assert.equal(found.groups[0]?.summary, 'Now meeting weekly, on Thursdays.');
    const free = await call<SearchResult>('GET', `/v1/groups?lat=${HALIFAX.lat}&lng=${HALIFAX.lng}&radius=5&free=true&q=Editable`);
    assert.deepEqual(free.body.groups, [], 'no longer listed as free');
  });

  test('staff archive a group: it leaves searches and its page answers 404', async () => {
    const id = await publishedHalifaxGroup('Halifax Closing Peers');
    assert.equal((await searchHalifax('Halifax Closing Peers')).groups.length, 1);

    const archived = await fetch(`${server.url}/v1/admin/groups/${id}/archive`, { method: 'POST', headers: staff() });
    assert.equal(archived.status, 204);
    assert.equal(await archived.text(), '');

    assert.deepEqual((await searchHalifax('Halifax Closing Peers')).groups, []);
    const gone = await call<Problem>('GET', `/v1/groups/${id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.type, PROBLEM_TYPES.notFound);
    const twice = await call('POST', `/v1/admin/groups/${id}/archive`, { headers: staff() });
    assert.equal(twice.status, 404);
  });

  test('the audit log says who did what, and when, newest first', async () => {
    const startedAt = new Date().toISOString();
    const id = await publishedHalifaxGroup('Halifax Audited Peers');
    const archived = await fetch(`${server.url}/v1/admin/groups/${id}/archive`, { method: 'POST', headers: staff('Morgan Reviewer') });
    assert.equal(archived.status, 204);

    const { status, body } = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?limit=50', { headers: staff() });
    assert.equal(status, 200);
    const recent = body.entries.filter((e) => e.at >= startedAt);
    const archive = recent.find((e) => e.action === 'archive' && e.subject.includes(id));
    assert.ok(archive, 'the archive is logged');
    assert.equal(archive.actor, 'Morgan Reviewer');
    const approve = recent.find((e) => e.action === 'approve');
    assert.ok(approve, 'the approval is logged');
    assert.equal(approve.actor, 'admin', 'without X-Actor, the actor is admin');
    assert.ok(body.entries.indexOf(archive) < body.entries.indexOf(approve), 'newest first');
    assert.ok(!Number.isNaN(Date.parse(archive.at)));
  });
});

describe('registrations that arrive more than once', () => {
  test('the same Idempotency-Key returns the same receipt and keeps one registration', async () => {
    const input = halifaxRegistration('Halifax Retried Peers');
    const key = crypto.randomUUID();
    const first = await register(input, { 'idempotency-key': key });
    const second = await register(input, { 'idempotency-key': key });
    assert.equal(first.status, 202);
    assert.equal(second.status, 202);
    assert.deepEqual(second.body, first.body);

    const all = await call<{ registrations: Registration[] }>('GET', '/v1/admin/registrations', { headers: staff() });
    assert.equal(all.body.registrations.filter((r) => r.group.name === 'Halifax Retried Peers').length, 1);
  });

  test('a bot that fills in the hidden field gets a plausible receipt, and nothing is kept', async () => {
    const { status, body } = await register(halifaxRegistration('Halifax Spam Peers', { trap: 'https://spam.example' }));
    assert.equal(status, 202);
    assert.equal(body.status, 'pending');
    assert.match(body.reference, REFERENCE_PATTERN);
    assert.ok(!Number.isNaN(Date.parse(body.receivedAt)));

    const all = await call<{ registrations: Registration[] }>('GET', '/v1/admin/registrations', { headers: staff() });
    assert.ok(!all.body.registrations.some((r) => r.reference === body.reference || r.group.name === 'Halifax Spam Peers'));
  });
});

describe('protection from floods', () => {
  test('past the hourly limit, registrations get 429 with Retry-After; reading is unaffected', async () => {
    const strict = await startTestServer({ seed: 'none', registrationRateLimit: 2 });
    try {
      const send = () =>
        fetch(`${strict.url}/v1/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(halifaxRegistration('Halifax Flood Peers')),
        });
      assert.equal((await send()).status, 202);
      assert.equal((await send()).status, 202);
      const refused = await send();
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter} s is within the hour`);
      assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
      const problem = (await refused.json()) as Problem;
      assert.equal(problem.type, PROBLEM_TYPES.rateLimited);
      assert.equal(problem.status, 429);

      assert.equal((await fetch(`${strict.url}/v1/groups?lat=53.7&lng=-1.8`)).status, 200);
      assert.equal((await strict.store.listRegistrations()).length, 2);
    } finally {
      await strict.close();
    }
  });

  test('a body over 64 KB is refused with 413 before it is read in full', async () => {
    const input = halifaxRegistration('Halifax Large Peers');
    const huge = { ...input, group: { ...input.group, summary: 'x'.repeat(70 * 1024) } };
    const response = await fetch(`${server.url}/v1/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(huge),
    });
    assert.equal(response.status, 413);
    const problem = (await response.json()) as Problem;
    assert.equal(problem.type, PROBLEM_TYPES.tooLarge);
  });
});
