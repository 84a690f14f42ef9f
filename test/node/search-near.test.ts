// Searching the sample directory from what people type, with the default
// set-up (no GEOCODER_URL) and with a postcodes.io provider: the real server
// over real HTTP. Distances must be right, and the answer must say how exact
// its starting point is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Registration, RegistrationReceipt, SearchResult } from 'peer-directory/schema';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startFakePostcodesIo, type FakePostcodesIo } from '../support/fake-postcodes-io.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const BELFAST_GROUPS = [
  'grp-belfast-t1-parents',
  'grp-belfast-t2-support',
  'grp-belfast-t1-adults',
  'grp-belfast-gestational-group-clinic',
];

async function search(server: TestServer, near: string, radius: number, limit = 50): Promise<SearchResult> {
  const response = await fetch(`${server.url}/v1/groups?near=${encodeURIComponent(near)}&radius=${radius}&limit=${limit}`);
  assert.equal(response.status, 200, `${near}: ${await response.clone().text()}`);
  return (await response.json()) as SearchResult;
}

describe('with the default set-up: no online geocoder', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: 'sample' });
  });
  after(() => server.close());

  test('from BT1 1AA, within 10 miles, the Belfast groups are under a mile away', async () => {
    const result = await search(server, 'bt1 1aa', 10);
    assert.equal(result.origin?.label, 'BT1 1AA');
    assert.equal(result.origin?.precision, 'place');
    assert.equal(result.origin?.centre, 'Belfast');
    const belfast = result.groups.filter((g) => BELFAST_GROUPS.includes(g.id));
    assert.equal(belfast.length, BELFAST_GROUPS.length, result.groups.map((g) => g.id).join(', '));
    for (const g of belfast) assert.ok(g.distance < 1, `${g.id} at ${g.distance} miles`);
  });

  test('from city-centre postcodes, the groups in that city come first, within a mile', async () => {
    for (const [postcode, slug] of [
      ['CF10 1EP', 'cardiff'],
      ['EH1 1YZ', 'edinburgh'],
      ['LS1 4DY', 'leeds'],
    ] as const) {
      const result = await search(server, postcode, 1);
      assert.equal(result.origin?.precision, 'postcode', postcode);
      assert.equal(result.origin?.centre, undefined, postcode);
      assert.ok(result.groups.length > 0, postcode);
      assert.ok(
        result.groups.every((g) => g.id.startsWith(`grp-${slug}-`)),
        `${postcode}: ${result.groups.map((g) => g.id).join(', ')}`,
      );
    }
  });

  test('a group whose venue is at LS1 4DY is 0 miles from LS1 4DY, and one registered in LS21 (Otley) is 9 miles off', async () => {
    const input = makeRegistrationInput();
    const name = 'Otley Type 2 Walkers';
    const body = { ...input, group: { ...input.group, name, location: { town: 'Otley', postcode: 'ls21 1aa', country: 'GB' } } };
    const staff = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
    const sent = await fetch(`${server.url}/v1/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(sent.status, 202);
    const { reference } = (await sent.json()) as RegistrationReceipt;
    const pending = (await (await fetch(`${server.url}/v1/admin/registrations?status=pending`, { headers: staff })).json()) as {
      registrations: Registration[];
    };
    const registration = pending.registrations.find((r) => r.reference === reference)!;
    const approved = await fetch(`${server.url}/v1/admin/registrations/${registration.id}/approve`, {
      method: 'POST',
      headers: { authorization: staff.authorization },
    });
    assert.equal(approved.status, 200);

    const result = await search(server, 'LS1 4DY', 15);
    const leeds = result.groups.filter((g) => g.location?.postcode === 'LS1 4DY');
    assert.ok(leeds.length > 0);
    for (const g of leeds) assert.equal(g.distance, 0, g.id);
    const otley = result.groups.find((g) => g.name === name);
    assert.ok(otley, 'the new group is found');
    assert.ok(otley.distance > 8 && otley.distance < 10, `Otley is ${otley.distance} miles from Leeds`);
    assert.ok(result.groups.indexOf(otley) > result.groups.indexOf(leeds.at(-1)!), 'nearer groups come first');
  });

  test('a town searched by name is the origin, labelled with where it is', async () => {
    const result = await search(server, 'Newport', 5);
    assert.equal(result.origin?.label, 'Newport, Wales');
    assert.equal(result.origin?.precision, 'place');
    assert.ok(result.origin?.alternatives?.some((a) => a.label === 'Newport, RI'));
    assert.ok(result.groups.some((g) => g.id.startsWith('grp-newport-')));
  });

  test('a postcode the data does not hold is searched from its sector, and the answer says so', async () => {
    const result = await search(server, 'LS1 3ZZ', 2);
    assert.equal(result.origin?.precision, 'sector');
    assert.equal(result.origin?.centre, 'LS1 3');
    assert.ok(result.groups.some((g) => g.id.startsWith('grp-leeds-')));
  });

  test('a search by coordinates says they came from a device', async () => {
    const response = await fetch(`${server.url}/v1/groups?lat=54.5968&lng=-5.9254&radius=5`);
    const result = (await response.json()) as SearchResult;
    assert.equal(result.origin?.precision, 'device');
  });
});

describe('with a postcodes.io provider', () => {
  let provider: FakePostcodesIo;
  let server: TestServer;
  before(async () => {
    provider = await startFakePostcodesIo();
    server = await startTestServer({ seed: 'sample', geocoderUrl: provider.url });
  });
  after(async () => {
    await server.close();
    await provider.close();
  });

  test('from BT1 5GS, which the provider places exactly, the Belfast groups are under a mile away', async () => {
    const result = await search(server, 'BT1 5GS', 10);
    assert.equal(result.origin?.precision, 'postcode');
    const belfast = result.groups.filter((g) => BELFAST_GROUPS.includes(g.id));
    assert.equal(belfast.length, BELFAST_GROUPS.length);
    for (const g of belfast) assert.ok(g.distance < 1, `${g.id} at ${g.distance} miles`);
  });

  test('from BT1 1AA, which it does not know, the offline answer still finds them', async () => {
    const result = await search(server, 'BT1 1AA', 10);
    assert.equal(result.origin?.centre, 'Belfast');
    assert.equal(result.groups.filter((g) => BELFAST_GROUPS.includes(g.id)).length, BELFAST_GROUPS.length);
  });
});
