// Limits that stop abuse without locking out people: searches get a generous
// limit a minute, registrations count only when accepted, wrong admin
// tokens are slowed; and with PostgreSQL, every API process shares the counts.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function server(env: Record<string, string>): Promise<TestServer> {
  const started = await startTestServer({ seed: 'none', env });
  servers.push(started);
  return started;
}

const register = (url: string, body: unknown) =>
  fetch(`${url}/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });

async function assertRateLimited(response: Response, maxSeconds: number): Promise<void> {
  assert.equal(response.status, 429);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const seconds = Number(response.headers.get('retry-after'));
  assert.ok(seconds > 0 && seconds <= maxSeconds, `Retry-After ${response.headers.get('retry-after')}`);
  const problem = (await response.json()) as { type: string };
  assert.equal(problem.type, '/problems/rate-limited');
}

describe('searches', () => {
  test('are limited per address a minute, repeats of a cached search included, with Retry-After', async () => {
    const { url } = await server({ SEARCH_RATE_LIMIT: '20' });
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${url}/v1/groups?near=LS1%203AB`);
      assert.equal(response.status, 200, `search ${i + 1}`);
      await response.arrayBuffer();
    }
    await assertRateLimited(await fetch(`${url}/v1/groups?near=LS1%203AB`), 60);
    await assertRateLimited(await fetch(`${url}/v1/geocode?q=LS1%203AB`), 60);
    assert.equal((await fetch(`${url}/healthz`)).status, 200, 'other routes are not limited');
  });
});

describe('registrations', () => {
  test('only accepted ones count: mistakes and the honeypot’s catches do not use up the limit', async () => {
    const { url } = await server({ REGISTRATION_RATE_LIMIT: '2' });
    const valid = makeRegistrationInput();
    for (let i = 0; i < 8; i++) {
      const mistyped = await register(url, { ...valid, registrant: { ...valid.registrant, email: 'not-an-email' } });
      assert.equal(mistyped.status, 400);
    }
    for (let i = 0; i < 3; i++) assert.equal((await register(url, { ...valid, trap: 'bot' })).status, 202);
    const unknown = await register(url, {
      ...valid,
      group: { ...valid.group, location: { ...valid.group.location!, lat: undefined, lng: undefined, postcode: 'ZZ99 9ZZ' } },
    });
    assert.ok(unknown.status === 400 || unknown.status === 422, `an unknown postcode is refused (${unknown.status})`);

    assert.equal((await register(url, valid)).status, 202, 'the first real registration');
    assert.equal((await register(url, valid)).status, 202, 'the second');
    await assertRateLimited(await register(url, valid), 3600);
  });
});

describe('the admin token', () => {
  test('after a few wrong tokens from one address, even the right one waits', async () => {
    const started = await server({ ADMIN_FAILURE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) {
      const wrong = await fetch(`${started.url}/v1/admin/registrations`, {
        headers: { authorization: `Bearer guess-${i}-0123456789abcdef` },
      });
      assert.equal(wrong.status, 401);
    }
    const right = await fetch(`${started.url}/v1/admin/registrations`, { headers: { authorization: `Bearer ${started.adminToken}` } });
    await assertRateLimited(right, 15 * 60);
  });
});

describe('two API processes on one PostgreSQL', () => {
  /** An API server process on `databaseUrl`; resolves once it listens. */
  function serverProcess(databaseUrl: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test/support/server-process.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const url = /^listening (\S+)/.exec(line)?.[1];
        if (url) resolve({ child, url });
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
    });
  }

  test('share every limit: searches and registrations counted on one are counted on the other', async () => {
    const database = await startPostgres();
    const env = { SEARCH_RATE_LIMIT: '20', REGISTRATION_RATE_LIMIT: '3' };
    const [a, b] = await Promise.all([serverProcess(database.url, env), serverProcess(database.url, env)]);
    try {
      for (let i = 0; i < 12; i++) assert.equal((await fetch(`${a.url}/v1/groups?lat=53.8&lng=-1.55`)).status, 200);
      const onB: number[] = [];
      for (let i = 0; i < 12; i++) onB.push((await fetch(`${b.url}/v1/groups?lat=53.8&lng=-1.55`)).status);
      assert.deepEqual(onB, [...Array(8).fill(200), ...Array(4).fill(429)], 'the second process allows only what is left of 20');

      const input = makeRegistrationInput();
      assert.equal((await register(a.url, input)).status, 202);
      assert.equal((await register(a.url, input)).status, 202);
      assert.equal((await register(b.url, input)).status, 202);
      await assertRateLimited(await register(b.url, input), 3600);
      await assertRateLimited(await register(a.url, input), 3600);
    } finally {
      for (const p of [a, b]) p.child.kill('SIGTERM');
      await Promise.all(
        [a, b].map((p) => new Promise((resolve) => (p.child.exitCode !== null ? resolve(null) : p.child.once('exit', resolve)))),
      );
      await database.stop();
    }
  });
});
