// "Remind me about this meeting": a person gives an address and the
// reminders they want, confirms by email (nothing is planned before), gets
// each reminder on time, can stop with one click, is told when a meeting is
// cancelled, and is forgotten when the last reminder is sent or they stop.
// The directory's clock is the test's, so reminders a week ahead arrive now.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminClient, createDirectoryClient, RateLimitError, ServerError } from 'peer-directory';
import type { Group } from 'peer-directory/schema';
import { makeGroup } from '../support/fixtures.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp-server.js';
import { startTestServer, TEST_PUBLIC_URL, type TestServer } from '../support/start-server.js';

let clock = Date.UTC(2099, 1, 1);
const at = (iso: string) => Date.parse(iso);

// Tuesdays at 6pm in London: 3, 10, 17, 24 March 2099 (GMT, UTC+0).
const group = makeGroup({
  name: 'Tuesday Teatime Type 2',
  schedule: {
    timeZone: 'Europe/London',
    rules: [{ frequency: 'weekly', interval: 1, weekday: 'TU', start: '2099-03-03T18:00', durationMinutes: 90 }],
    exceptions: [],
    meetings: [],
  },
});
const other = makeGroup({ name: 'Another Group' });

let smtp: TestSmtpServer;
let server: TestServer;
let directory: ReturnType<typeof createDirectoryClient>;

before(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({
    seed: [group, other],
    smtpUrl: smtp.url,
    mailWorker: { pollMs: 25, now: () => clock },
    reminderLimits: { perAddress: 2, perGroup: 9 },
  });
  directory = createDirectoryClient({ baseUrl: server.url });
});
after(async () => {
  await server?.close();
  await smtp?.close();
});

/** The first message to `to` matching `subject` after `since` messages had arrived. */
async function arrives(to: string, subject: RegExp, since = 0): Promise<ReceivedMail> {
  for (;;) {
    const found = smtp.messages.slice(since).find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found;
    await smtp.waitFor(smtp.messages.length + 1);
  }
}

const tokenIn = (mail: ReceivedMail, action: 'confirm' | 'unsubscribe') => {
  const url = new RegExp(`${TEST_PUBLIC_URL}/v1/reminders/${action}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  assert.ok(url, `no ${action} link in: ${mail.text}`);
  return url[1]!;
};

/**
 * Proves no reminder went to `to` meanwhile: another request's confirmation
 * is queued and sent by a later round of the same worker, which queues due
 * reminders before it sends.
 */
async function nothingSentTo(to: string, since: number, probe: string): Promise<void> {
  await directory.reminders.request(other.id, { email: probe, reminders: ['day'] });
  await arrives(probe, /Confirm/, since);
  assert.deepEqual(
    smtp.messages
      .slice(since)
      .filter((m) => m.to.includes(to))
      .map((m) => m.subject),
    [],
  );
}

describe('reminders about a group’s meetings', () => {
  let token: string;

  test('start with a confirmation email, and nothing is planned until it is confirmed', async () => {
    const answer = await directory.reminders.request(group.id, { email: 'ann@example.org', reminders: ['week', 'day'] });
    assert.deepEqual(answer, { status: 'confirmation-sent' });
    const confirm = await arrives('ann@example.org', /Confirm your reminders for Tuesday Teatime Type 2/);
    assert.deepEqual(confirm.to, ['ann@example.org']);
    assert.match(confirm.text, /reminders about every meeting of Tuesday Teatime Type 2/);
    token = tokenIn(confirm, 'confirm');
    assert.equal(tokenIn(confirm, 'unsubscribe'), token);

    // The week-before reminder of 3 March falls due while the request is unconfirmed.
    const since = smtp.messages.length;
    clock = at('2099-02-25T00:00:00Z');
    await nothingSentTo('ann@example.org', since, 'probe1@example.org');
  });

  test('the link opens a page whose button confirms, so a mail scanner following it confirms nothing', async () => {
    const page = await fetch(`${server.url}/v1/reminders/confirm?token=${token}&lang=en`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(
      html,
      /<form method="post" action="\/v1\/reminders\/confirm\?token=[^"]+"><button type="submit">Confirm my reminders<\/button>/,
    );
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const confirmed = await fetch(`${server.url}/v1/reminders/confirm?token=${token}&lang=en`, { method: 'POST' });
    assert.match(await confirmed.text(), /Your reminders are on/);
    assert.deepEqual(await directory.reminders.confirm(token), { status: 'confirmed' }, 'a second click changes nothing');
  });

  test('a language the pages do not know, even a name every object has, gives the English page', async () => {
    // Found by `TEST_STORE=postgres npm run fuzz` (seed 1481136736): `lang=__proto__` answered 500.
    for (const lang of ['__proto__', 'constructor', 'toString', 'xx']) {
      const page = await fetch(`${server.url}/v1/reminders/confirm?token=${token}&lang=${lang}`);
      assert.equal(page.status, 200, lang);
      assert.match(await page.text(), /<html lang="en">[\s\S]*Confirm my reminders/, lang);
    }
  });

  test('come the day before and a week before each meeting, on the group’s clock, with one-click unsubscribe', async () => {
    const since = smtp.messages.length;
    clock = at('2099-03-02T18:01:00Z');
    const dayBefore = await arrives('ann@example.org', /^Reminder: /, since);
    assert.match(dayBefore.subject, /^Reminder: Tuesday Teatime Type 2, Tuesday,? 3 March,? (at )?18:00$/);
    assert.match(dayBefore.text, /Central Library, Room 2, Leeds, LS1 3AB/);
    assert.equal(dayBefore.header('List-Unsubscribe'), `<${TEST_PUBLIC_URL}/v1/reminders/unsubscribe?token=${token}&lang=en>`);
    assert.equal(dayBefore.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(dayBefore.html, /Stop these emails<\/a>/);

    clock = at('2099-03-03T18:01:00Z');
    const weekBefore = await arrives('ann@example.org', /10 March/, since);
    assert.match(weekBefore.subject, /^Reminder: Tuesday Teatime Type 2, Tuesday,? 10 March/);
  });

  test('stop with one click, and the address is deleted', async () => {
    const unsubscribe = (await arrives('ann@example.org', /10 March/)).header('List-Unsubscribe')!;
    const url = unsubscribe.slice(1, -1).replace(TEST_PUBLIC_URL, server.url);
    // RFC 8058: the mail client POSTs this body to the List-Unsubscribe address.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /We have deleted your email address/);

    const since = smtp.messages.length;
    clock = at('2099-03-09T18:01:00Z'); // the day before 10 March
    await nothingSentTo('ann@example.org', since, 'probe2@example.org');
    assert.deepEqual(await directory.reminders.confirm(token), { status: 'unknown' }, 'the subscription is gone');
    const admin = createAdminClient({ baseUrl: server.url, token: server.adminToken });
    assert.ok(!(await admin.outbox({ limit: 1000 })).some((e) => e.recipient === 'ann@example.org'), 'no email keeps the address');
  });

  test('for one meeting: both reminders, then the address is deleted with the last one', async () => {
    await directory.reminders.request(group.id, {
      email: 'bea@example.org',
      reminders: ['day', 'week'],
      meeting: '2099-03-24T18:00',
      language: 'es',
    });
    const confirm = await arrives('bea@example.org', /Confirme sus recordatorios/);
    assert.match(confirm.text, /la reunión del martes, 24 de marzo/);
    const bea = tokenIn(confirm, 'confirm');
    assert.deepEqual(await directory.reminders.confirm(bea), { status: 'confirmed' });
    const since = smtp.messages.length;
    clock = at('2099-03-17T18:01:00Z');
    await arrives('bea@example.org', /^Recordatorio: .*24 de marzo/, since);
    clock = at('2099-03-23T18:01:00Z');
    const first = smtp.messages.length;
    await arrives('bea@example.org', /^Recordatorio: .*24 de marzo/, first);
    assert.equal(smtp.messages.slice(since).filter((m) => m.to.includes('bea@example.org')).length, 2);
    // Marked sent (and the subscription deleted) just after the SMTP server accepts it.
    let status = 'confirmed';
    for (let i = 0; i < 100 && status !== 'unknown'; i++) status = (await directory.reminders.confirm(bea)).status;
    assert.equal(status, 'unknown');
  });

  test('tell everyone with reminders for a meeting when staff cancel it', async () => {
    clock = at('2099-03-24T20:00:00Z');
    await directory.reminders.request(group.id, { email: 'cai@example.org', reminders: ['day'] });
    await directory.reminders.request(group.id, { email: 'dot@example.org', reminders: ['day'], meeting: '2099-04-07T18:00' });
    for (const who of ['cai@example.org', 'dot@example.org']) {
      assert.deepEqual(await directory.reminders.confirm(tokenIn(await arrives(who, /Confirm/), 'confirm')), { status: 'confirmed' });
    }
    const since = smtp.messages.length;
    const { id, updatedAt: _u, ...input } = (await directory.groups.get(group.id)) as Group;
    const admin = createAdminClient({ baseUrl: server.url, token: server.adminToken });
    await admin.groups.update(id, {
      ...input,
      schedule: { ...input.schedule, exceptions: [{ date: '2099-04-07', note: 'The library is closed for Easter.' }] },
    });
    for (const who of ['cai@example.org', 'dot@example.org']) {
      const notice = await arrives(who, /^Cancelled: /, since);
      assert.match(notice.subject, /^Cancelled: Tuesday Teatime Type 2, Tuesday,? 7 April/);
      assert.match(notice.text, /The library is closed for Easter\./);
      assert.deepEqual(notice.to, [who]);
    }
    assert.equal(smtp.messages.slice(since).filter((m) => /^Cancelled/.test(m.subject)).length, 2, 'one notice each');
  });

  test('refuse a meeting the group does not have, and more than the address and the group may ask for', async () => {
    await assert.rejects(
      directory.reminders.request(group.id, { email: 'eve@example.org', reminders: ['day'], meeting: '2099-04-08T18:00' }),
      /meetings still to come/,
    );
    await directory.reminders.request(group.id, { email: 'fay@example.org', reminders: ['day'] });
    // The same address however it is written.
    await directory.reminders.request(group.id, { email: 'FAY@Example.org', reminders: ['week'] });
    await assert.rejects(directory.reminders.request(other.id, { email: 'fay@example.org', reminders: ['day'] }), RateLimitError);
    // Per group: 9 a day. This group has had ann, bea, cai, dot and fay twice: three more, then no more.
    for (const who of ['g1', 'g2', 'g3']) await directory.reminders.request(group.id, { email: `${who}@example.org`, reminders: ['day'] });
    await assert.rejects(directory.reminders.request(group.id, { email: 'g4@example.org', reminders: ['day'] }), RateLimitError);
  });
});

describe('reminders on a directory that sends no email', () => {
  test('answer 503, and too many requests from one client are refused first', async () => {
    const noMail = await startTestServer({ seed: [group], reminderRateLimit: 2 });
    try {
      const client = createDirectoryClient({ baseUrl: noMail.url, retry: 0 });
      for (let i = 0; i < 2; i++) {
        await assert.rejects(client.reminders.request(group.id, { email: `x${i}@example.org`, reminders: ['day'] }), ServerError);
      }
      await assert.rejects(client.reminders.request(group.id, { email: 'x9@example.org', reminders: ['day'] }), RateLimitError);
    } finally {
      await noMail.close();
    }
  });
});
