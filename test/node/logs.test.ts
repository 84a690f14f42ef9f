// Logs are read by more people, and kept longer, than the database: what a
// registrant told the directory must never end up in them, even when the
// database refuses a registration and the whole failing row is in its error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

interface Database {
  exec(sql: string): Promise<unknown>;
}

const lines: string[] = [];
const stream = { write: (line: string) => void lines.push(line) };
let server: TestServer;

before(async () => {
  server = await startTestServer({ seed: 'none', logger: { stream }, env: { ACCESS_LOG: 'on' } });
});
after(() => server.close());

const registrant = { name: 'Morwenna Trevithick', email: 'morwenna.trevithick@example.org', phone: '01632 960 777' };

describe('the log of a registration the database refuses', () => {
  test('records the failure, and not the registrant’s name, email, phone or consent', async () => {
    // A real database fault: PostgreSQL (and PGlite) quote the failing row in the error's detail.
    const db = (server.store as unknown as { db: Database }).db;
    await db.exec('ALTER TABLE registrations ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      const input = makeRegistrationInput({ registrant: { ...registrant, role: 'Leader' } });
      const response = await fetch(`${server.url}/v1/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token-0123456789' },
        body: JSON.stringify(input),
      });
      assert.equal(response.status, 500);
      const body = await response.text();
      assert.ok(!body.includes(registrant.email), 'the answer does not echo the row either');
    } finally {
      await db.exec('ALTER TABLE registrations DROP CONSTRAINT refuse_all');
    }

    const log = lines.join('');
    assert.match(log, /"msg":"request failed"/, 'the failure is logged');
    assert.match(log, /check constraint/, 'with what went wrong');
    for (const secret of [registrant.email, 'morwenna', 'Trevithick', '960 777', 'not-a-real-token', 'storeData', 'noMedicalAdvice']) {
      assert.ok(!log.toLowerCase().includes(secret.toLowerCase()), `the log holds no "${secret}"`);
    }
  });

  test('the access log names the path, not the place a person searched from', async () => {
    lines.length = 0;
    await (await fetch(`${server.url}/v1/groups?near=SW1A%201AA`)).text();
    const entry = lines.map((l) => JSON.parse(l) as { msg: string; req?: { path?: string } }).find((l) => l.msg === 'request');
    assert.equal(entry?.req?.path, '/v1/groups');
    assert.ok(!lines.join('').includes('SW1A'), 'no postcode in the log');
  });
});
