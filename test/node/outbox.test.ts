// Durable sending: every email is queued in the store with the change that
// causes it, and the worker sends it. Killed with SIGKILL at any moment, a
// worker loses nothing: after restarts every queued email arrives, and none
// arrives twice except the one in flight at a kill after the SMTP server
// took it (same Message-ID; see server/src/mail/worker.ts). Several
// processes on PostgreSQL share the queue without sending anything twice.
// SMTP refusals are retried with a wait, then given up for staff to see.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { createAdminClient, createDirectoryClient } from 'peer-directory';
import type { OutgoingMail } from '../../server/src/mail/index.js';
import { openStore, type StoreOptions } from '../../server/src/store/index.js';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startPostgres } from '../support/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { startTestServer } from '../support/start-server.js';

const MESSAGES = 80;

/** Registrations, each queuing its "received" email in its own transaction; the Message-IDs queued. */
async function queueEmails(options: StoreOptions, n: number): Promise<string[]> {
  const store = await openStore(options);
  const ids: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const messageId = `<${randomUUID()}@example.org>`;
      ids.push(messageId);
      const mail: OutgoingMail = {
        kind: 'registration-received',
        messageId,
        to: `person${i}@example.org`,
        subject: `Message ${i}`,
        text: `Message ${i}`,
        html: `<p>Message ${i}</p>`,
      };
      await store.createRegistration({ input: makeRegistrationInput() }, () => [mail]);
    }
  } finally {
    await store.close();
  }
  return ids;
}

interface Worker {
  child: ChildProcess;
  /** Message-IDs this process began to send and those it marked sent. */
  sending: Set<string>;
  sent: Set<string>;
  ready: Promise<void>;
  /** Resolves when the process begins its first send. */
  sending1: Promise<void>;
  exited: Promise<void>;
}

function startWorker(where: string, smtpUrl: string, leaseMs: number): Worker {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'test/support/mail-worker-process.ts', where, smtpUrl, String(leaseMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const w: Worker = {
    child,
    sending: new Set(),
    sent: new Set(),
    ready: Promise.resolve(),
    sending1: Promise.resolve(),
    exited: Promise.resolve(),
  };
  let began = () => {};
  w.sending1 = new Promise((resolve) => (began = resolve));
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  w.exited = exit.then(() => {});
  w.ready = new Promise((resolve, reject) => {
    // A worker that dies on its own must fail the test, not leave it waiting.
    void exit.then(([code, signal]) => reject(new Error(`the worker exited (${code ?? signal}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') return resolve();
      const event = JSON.parse(line) as { type: string; messageId: string };
      if (event.type === 'sending') {
        w.sending.add(event.messageId);
        began();
      }
      if (event.type === 'sent') w.sent.add(event.messageId);
    });
  });
  // Workers killed during start-up on purpose are never ready; nobody waits for them.
  w.ready.catch(() => {});
  return w;
}

const count = (smtp: TestSmtpServer) => {
  const seen = new Map<string, number>();
  for (const m of smtp.messages) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
  return seen;
};

const engines = [
  {
    name: 'embedded PGlite',
    leaseMs: 60_000, // a restart releases the killed process's claims at once
    async setUp() {
      const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-outbox-'));
      return { where: dataDir, options: { dataDir } as StoreOptions, tearDown: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    leaseMs: 1_500, // another process may take a killed one's claims once their lease is over
    async setUp() {
      const db = await startPostgres();
      return { where: db.url, options: { databaseUrl: db.url } as StoreOptions, tearDown: () => db.stop() };
    },
  },
];

for (const engine of engines) {
  describe(`the outbox on ${engine.name}`, () => {
    let smtp: TestSmtpServer;
    let where: string;
    let options: StoreOptions;
    let tearDown: () => Promise<void>;
    before(async () => {
      smtp = await startSmtpServer();
      // A provider taking 10 ms per recipient keeps each send in flight long enough for kills to land in it.
      smtp.rcptDelayMs = 10;
      ({ where, options, tearDown } = await engine.setUp());
    });
    after(async () => {
      await smtp.close();
      await tearDown();
    });

    test('sends every queued email after workers are killed with SIGKILL at random moments, repeating only one in flight', async (t) => {
      const queued = await queueEmails(options, MESSAGES);
      const killed: Worker[] = [];
      for (let k = 0; k < 5; k++) {
        const w = startWorker(where, smtp.url, engine.leaseMs);
        // The first kill falls during start-up, the others while it sends (or soon after it is ready, if nothing is left).
        if (k > 0) await Promise.race([w.sending1, w.ready.then(() => new Promise((r) => setTimeout(r, 3_000)))]);
        await new Promise((r) => setTimeout(r, Math.random() * (k > 0 ? 300 : 1000)));
        w.child.kill('SIGKILL');
        await w.exited;
        killed.push(w);
      }
      const last = startWorker(where, smtp.url, engine.leaseMs);
      try {
        // Each distinct email once at least: repeats count towards the total, so wait for each id.
        while (queued.some((id) => !count(smtp).has(id))) await smtp.waitFor(smtp.messages.length + 1, 60_000);
      } finally {
        last.child.kill('SIGTERM');
        await last.exited;
      }
      const seen = count(smtp);
      assert.deepEqual(
        queued.filter((id) => !seen.has(id)),
        [],
        'every queued email arrived',
      );
      for (const [id, times] of seen) {
        if (times === 1) continue;
        // Only an email a killed worker had begun and not marked sent may come again, once per such kill.
        const inFlightAtKill = killed.filter((w) => w.sending.has(id) && !w.sent.has(id)).length;
        assert.ok(times - 1 <= inFlightAtKill, `${id} arrived ${times} times, in flight at ${inFlightAtKill} kills`);
      }
      assert.ok(killed.filter((w) => w.sending.size > 0).length >= 3, 'kills fell while sending');
      const repeats = [...seen.values()].reduce((n, times) => n + times - 1, 0);
      t.diagnostic(
        `${MESSAGES} queued, ${killed.length} kills, ${killed.filter((w) => w.sending.size > 0).length} while sending, ${repeats} repeated`,
      );
      const store = await openStore(options);
      try {
        const waiting = await store.listOutbox('waiting');
        assert.deepEqual(waiting, [], 'nothing left waiting');
        assert.ok(
          (await store.listOutbox('sent', 1000)).every((e) => e.recipient === null),
          'no sent email keeps its address',
        );
      } finally {
        await store.close();
      }
    });
  });
}

describe('several API processes on one PostgreSQL database', () => {
  test('share the outbox and send each email exactly once', async () => {
    const smtp = await startSmtpServer();
    const db = await startPostgres();
    const workers = [startWorker(db.url, smtp.url, 60_000), startWorker(db.url, smtp.url, 60_000)];
    try {
      await Promise.all(workers.map((w) => w.ready));
      const queued = await queueEmails({ databaseUrl: db.url }, MESSAGES);
      await smtp.waitFor(MESSAGES, 60_000);
      // Let the last marks commit before counting what each process did.
      for (let i = 0; i < 100 && workers.reduce((n, w) => n + w.sent.size, 0) < MESSAGES; i++) await new Promise((r) => setTimeout(r, 20));
      const seen = count(smtp);
      assert.deepEqual(
        [...seen.values()].filter((n) => n > 1),
        [],
        'no email twice',
      );
      assert.deepEqual(
        queued.filter((id) => !seen.has(id)),
        [],
      );
      assert.equal(smtp.messages.length, MESSAGES);
      assert.ok(
        workers.every((w) => w.sent.size > 0),
        `both sent: ${workers.map((w) => w.sent.size).join(' and ')}`,
      );
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      await smtp.close();
      await db.stop();
    }
  });
});

describe('an SMTP server that refuses', () => {
  test('is tried again after a wait; an address it always refuses is given up, shown to staff, and can be retried', async () => {
    const smtp = await startSmtpServer();
    const refusals = new Map<string, number>();
    smtp.refuse = (to) => {
      const n = (refusals.get(to) ?? 0) + 1;
      refusals.set(to, n);
      if (to === 'flaky@example.org' && n <= 2) return { code: 451, message: 'Try again later' };
      if (to === 'never@example.org') return { code: 550, message: 'No such mailbox' };
      return undefined;
    };
    const server = await startTestServer({
      seed: 'none',
      smtpUrl: smtp.url,
      mailWorker: { pollMs: 20, backoffMs: () => 30, maxAttempts: 3 },
    });
    try {
      const directory = createDirectoryClient({ baseUrl: server.url });
      const admin = createAdminClient({ baseUrl: server.url, token: server.adminToken });
      for (const email of ['flaky@example.org', 'never@example.org']) {
        const input = makeRegistrationInput({ registrant: { name: 'Test Person', email } });
        await directory.registrations.create(input);
      }
      const [flaky] = await smtp.waitFor(1);
      assert.deepEqual(flaky!.to, ['flaky@example.org']);
      assert.equal(refusals.get('flaky@example.org'), 3, 'refused twice, then accepted');
      let failed = await admin.outbox({ state: 'failed' });
      for (let i = 0; i < 200 && failed.length === 0; i++) failed = await admin.outbox({ state: 'failed' });
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.recipient, 'never@example.org');
      assert.equal(failed[0]!.attempts, 3);
      assert.match(failed[0]!.lastError ?? '', /550/);
      assert.equal(refusals.get('never@example.org'), 3);

      smtp.refuse = () => undefined;
      await admin.retryEmail(failed[0]!.id);
      const [, retried] = await smtp.waitFor(2);
      assert.deepEqual(retried!.to, ['never@example.org']);
    } finally {
      await server.close();
      await smtp.close();
    }
  });
});
