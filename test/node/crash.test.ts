// Registrations arrive side by side, the server process is killed with
// kill -9 in the middle of them, and restarted: every registration that got
// a 202 is there, on the embedded store and on PostgreSQL (TEST_STORE).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startPostgres, type TestDatabase } from '../support/postgres.js';
import { TEST_STORE } from '../support/start-server.js';

const ADMIN_TOKEN = 'crash-test-admin-token-0123456789';
const WRITERS = 8;

let dataDir: string;
let database: TestDatabase | undefined;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-crash-'));
  if (TEST_STORE === 'postgres') database = await startPostgres();
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.stop();
});

/** Starts the server in a child process on the test's store; resolves with it and its URL once it listens. */
function startServerProcess(): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test/support/server-process.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      REGISTRATION_RATE_LIMIT: '100000',
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const url = /^listening (\S+)/.exec(line)?.[1];
      if (url) resolve({ child, url, exited });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
}

test(`every registration that got a 202 survives kill -9 of the server (${TEST_STORE})`, async () => {
  const first = await startServerProcess();
  const acknowledged = new Set<string>();
  let stop = false;
  let sent = 0;

  // Each writer sends one registration after another until the server dies under it.
  const writer = async (w: number) => {
    while (!stop) {
      const name = `Crash ${w}-${sent++}`;
      const input = makeRegistrationInput({ group: { name } });
      try {
        const response = await fetch(`${first.url}/v1/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify(input),
        });
        if (response.status === 202) acknowledged.add(name);
        else assert.fail(`${name}: ${response.status} ${await response.text()}`);
      } catch (error) {
        // The connection died with the server: this one was never acknowledged.
        if (!stop) throw error;
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w).catch((error: unknown) => error));

  while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 20));
  // Writers stop starting new registrations; the eight in flight die with the server.
  stop = true;
  first.child.kill('SIGKILL');
  await first.exited;
  const failures = (await Promise.all(writers)).filter(Boolean);
  assert.deepEqual(failures, [], 'no writer failed before the kill');

  const second = await startServerProcess();
  try {
    const response = await fetch(`${second.url}/v1/admin/registrations`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(response.status, 200);
    const { registrations } = (await response.json()) as { registrations: { group: { name: string } }[] };
    const kept = new Set(registrations.map((r) => r.group.name));
    const lost = [...acknowledged].filter((name) => !kept.has(name));
    assert.deepEqual(lost, [], `all ${acknowledged.size} acknowledged registrations are kept`);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});
