// A group leader trusts the directory with their name, email and phone so
// staff can reach them, and a person asking for reminders with their email.
// None of it may ever appear in anything the public can fetch: not in
// searches, the group's page or meetings, the taxonomy, geocoding, the
// OpenAPI document, a receipt, a confirm or unsubscribe page, or an error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Registration, RegistrationInput, RegistrationReceipt, SearchResult } from 'peer-directory/schema';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startFakePostcodesIo } from '../support/fake-postcodes-io.js';
import { startTestServer, type TestServer } from '../support/start-server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

type Postcodes = Awaited<ReturnType<typeof startFakePostcodesIo>>;

// Strings no public answer has any reason to contain.
const PRIVATE = {
  name: 'Zebedee Quillfeather-Nokes',
  email: 'zq.private.7731@registrant.example',
  phone: '+44 7700 900731',
  role: 'Honorary treasurer of the secret committee',
};
const WHERE = { lat: 53.7453, lng: -2.0049 }; // Hebden Bridge
// The address of someone who asked for reminders: kept apart, never shown.
const REMINDED = 'remind.me.only.4417@reminded.example';

let server: TestServer;
let smtp: TestSmtpServer;
let reminderToken: string;
const reminderAnswers: string[] = [];
let postcodes: Postcodes;
let inPerson: Registration;
let online: Registration;
let consentAt: string;
const receipts: string[] = [];

function registration(name: string, remote: boolean): RegistrationInput {
  const input = makeRegistrationInput();
  return {
    ...input,
    group: remote
      ? { ...input.group, name, formats: ['online'], servesEverywhere: true, location: undefined }
      : { ...input.group, name, location: { town: 'Hebden Bridge', country: 'GB', ...WHERE } },
    registrant: PRIVATE,
  };
}

async function registerAndApprove(input: RegistrationInput): Promise<Registration> {
  const response = await fetch(`${server.url}/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(input),
  });
  assert.equal(response.status, 202);
  const receiptText = await response.text();
  receipts.push(receiptText);
  const receipt = JSON.parse(receiptText) as RegistrationReceipt;
  const pending = (await server.store.listRegistrations('pending')).find((r) => r.reference === receipt.reference)!;
  const approved = await fetch(`${server.url}/v1/admin/registrations/${pending.id}/approve`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  assert.equal(approved.status, 200);
  return (await approved.json()) as Registration;
}

before(async () => {
  postcodes = await startFakePostcodesIo();
  smtp = await startSmtpServer();
  server = await startTestServer({ geocoderUrl: postcodes.url, smtpUrl: smtp.url, mailWorker: { pollMs: 20 } });
  inPerson = await registerAndApprove(registration('Calder Valley Type 1 Walkers', false));
  online = await registerAndApprove(registration('Calder Valley Online Evenings', true));
  const asked = await fetch(`${server.url}/v1/groups/${inPerson.groupId}/reminders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: REMINDED, reminders: ['week', 'day'] }),
  });
  assert.equal(asked.status, 202);
  reminderAnswers.push(await asked.text());
  for (;;) {
    const confirm = smtp.messages.find((m) => m.to.includes(REMINDED));
    if (confirm) {
      reminderToken = /confirm\?token=([\w-]+)/.exec(confirm.text)![1]!;
      break;
    }
    await smtp.waitFor(smtp.messages.length + 1);
  }
  const confirmed = await fetch(`${server.url}/v1/reminders/confirm?token=${reminderToken}`, { method: 'POST' });
  reminderAnswers.push(await confirmed.text());
  consentAt = inPerson.consent.at;
  // Staff do see the details: that is what they were given for.
  assert.equal(inPerson.registrant.email, PRIVATE.email);
});
after(async () => {
  await server.close();
  await smtp.close();
  await postcodes.close();
});

/** Everything a member of the public can fetch that might involve these groups. */
function publicPaths(): string[] {
  const near = encodeURIComponent('LS1 4DY'); // known to the fake postcodes.io
  return [
    `/v1/groups?lat=${WHERE.lat}&lng=${WHERE.lng}`,
    `/v1/groups?lat=${WHERE.lat}&lng=${WHERE.lng}&q=Calder`,
    `/v1/groups?lat=${WHERE.lat}&lng=${WHERE.lng}&radius=200&limit=50&condition=type1`,
    `/v1/groups?near=${near}&radius=200`,
    '/v1/groups',
    '/v1/groups?format=online',
    '/v1/everywhere',
    '/v1/everywhere?format=online&limit=50',
    `/v1/groups/${inPerson.groupId}`,
    `/v1/groups/${online.groupId}`,
    `/v1/groups/${inPerson.groupId}/calendar.ics`,
    `/v1/groups/${inPerson.groupId}/meetings?limit=10&cancelled=true`,
    `/v1/reminders/confirm?token=${reminderToken}`,
    `/v1/reminders/unsubscribe?token=${reminderToken}`,
    '/v1/taxonomy',
    `/v1/geocode?q=${near}`,
    '/openapi.json',
    '/healthz',
    `/v1/groups/${inPerson.id}`,
    '/v1/registrations',
  ];
}

/**
 * @param receipt a receipt says when the registration arrived, which is also when consent was given
 * @param describesRegistrations the OpenAPI document shows what a registration looks like, consent and all, with a made-up registrant
 */
function assertNothingPrivate(where: string, text: string, { receipt = false, describesRegistrations = false } = {}): void {
  for (const [what, value] of Object.entries(PRIVATE)) {
    assert.ok(!text.includes(value), `${where} contains the registrant's ${what}`);
  }
  assert.ok(
    !text.includes(REMINDED) && !text.includes('reminded.example'),
    `${where} contains the address of someone asking for reminders`,
  );
  if (!receipt) assert.ok(!text.includes(consentAt), `${where} contains the consent record's time`);
  assert.ok(
    describesRegistrations || !/"consent"\s*:\s*\{\s*"(storeData|noMedicalAdvice|at)"\s*:\s*(true|")/.test(text),
    `${where} contains a consent record`,
  );
  assert.ok(!text.includes('registrant.example'), `${where} contains the registrant's email domain`);
}

describe('what the public can see of a registered group', () => {
  test('the groups are published: the story is about real, visible groups', async () => {
    const result = (await (await fetch(`${server.url}/v1/groups?lat=${WHERE.lat}&lng=${WHERE.lng}&q=Calder`)).json()) as SearchResult;
    assert.ok(result.groups.some((g) => g.id === inPerson.groupId));
    assert.ok(result.everywhere!.groups.some((g) => g.id === online.groupId));
  });

  test('no public route, in body or headers, carries the registrant’s details or consent', async () => {
    for (const path of publicPaths()) {
      const response = await fetch(`${server.url}${path}`);
      const body = await response.text();
      assert.ok(response.status < 500, `${path} answered ${response.status}`);
      assertNothingPrivate(path, body, { describesRegistrations: path === '/openapi.json' });
      assertNothingPrivate(`${path} headers`, JSON.stringify([...response.headers]));
    }
  });

  test('the Open Referral feed carries none of it either, in any endpoint', async () => {
    const feed = `${server.url}/openreferral`;
    const services = (await (await fetch(`${feed}/services?search=Calder&per_page=200`)).json()) as {
      contents: { id: string; name: string }[];
    };
    assert.deepEqual(services.contents.map((s) => s.name).sort(), ['Calder Valley Online Evenings', 'Calder Valley Type 1 Walkers']);
    const organizations = (await (await fetch(`${feed}/organizations?per_page=200`)).json()) as { contents: { id: string }[] };
    const paths = [
      '/',
      '/services?per_page=200',
      '/services?search=Calder',
      ...services.contents.map((s) => `/services/${s.id}`),
      `/service_at_locations?postcode=${encodeURIComponent('LS1 4DY')}&proximity=100000&per_page=200`,
      '/service_at_locations?search=Calder',
      '/organizations?per_page=200',
      ...organizations.contents.map((o) => `/organizations/${o.id}`),
      '/taxonomies',
      '/taxonomy_terms?per_page=200',
    ];
    for (const path of paths) {
      const response = await fetch(`${feed}${path}`);
      assert.equal(response.status, 200, path);
      assertNothingPrivate(`/openreferral${path}`, await response.text());
      assertNothingPrivate(`/openreferral${path} headers`, JSON.stringify([...response.headers]));
    }
  });

  test('asking for reminders and confirming them answers nothing about the address', async () => {
    assert.deepEqual(JSON.parse(reminderAnswers[0]!), { status: 'confirmation-sent' });
    for (const text of reminderAnswers) assertNothingPrivate('a reminder answer', text);
  });

  test('the receipt a leader gets back says only the reference, the status and when', async () => {
    for (const text of receipts) {
      assert.deepEqual(Object.keys(JSON.parse(text) as object).sort(), ['receivedAt', 'reference', 'status']);
      assertNothingPrivate('the receipt', text, { receipt: true });
    }
  });

  test('a repeated registration answers with the receipt, not the stored registration', async () => {
    const key = crypto.randomUUID();
    const send = () =>
      fetch(`${server.url}/v1/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(registration('Calder Valley Repeat', false)),
      });
    await (await send()).arrayBuffer();
    const repeat = await send();
    assertNothingPrivate('the repeated receipt', await repeat.text(), { receipt: true });
  });

  test('errors about a registration do not echo the registrant’s details back', async () => {
    const input = registration('Calder Valley Broken', false);
    const response = await fetch(`${server.url}/v1/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...input, registrant: { ...PRIVATE, phone: `${PRIVATE.phone} ext. banana` } }),
    });
    assert.equal(response.status, 400);
    assertNothingPrivate('the validation problem', await response.text());
  });
});
