// A directory with no server: the SDK's createStaticDirectory over the file
// `export --format static` writes, served by a plain HTTP file server, gives
// the same answers as the real API over the same directory.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  createDirectoryClient,
  DirectoryError,
  NotFoundError,
  ResponseShapeError,
  UnknownPlaceError,
  ValidationError,
  type DirectoryClient,
  type DirectoryReader,
  type EverywhereQuery,
  type SearchQuery,
} from 'peer-directory';
import type { StaticDirectory } from 'peer-directory/schema';
import { createStaticDirectory } from 'peer-directory/static';
import { publishedGroups } from '../../server/src/export/command.js';
import { toStaticDirectory } from '../../server/src/export/formats.js';
import { createGeocoder } from '../../server/src/geocode/index.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

let server: TestServer;
let files: Server;
let fileUrl: string;
let api: DirectoryClient;
let directory: DirectoryReader;
let file: StaticDirectory;

before(async () => {
  server = await startTestServer();
  const text = await toStaticDirectory(
    await publishedGroups(server.store),
    server.config.principles,
    createGeocoder({ cache: server.store }),
  );
  file = JSON.parse(text) as StaticDirectory;
  // A plain file server: the file, or 404, as any web host answers.
  files = createServer((req, res) => {
    if (req.url !== '/directory.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/directory.json`;
  api = createDirectoryClient({ baseUrl: server.url });
  directory = createStaticDirectory(fileUrl);
});

after(async () => {
  await new Promise((resolve) => files.close(resolve));
  await server.close();
});

/** Places the file holds exactly: a group's postcode and town, a district. */
function placesInFile() {
  const located = file.groups.find((g) => g.location?.postcode && !g.servesEverywhere)!;
  return { postcode: located.location!.postcode!, town: located.location!.town, district: 'LS1' };
}

describe('createStaticDirectory answers as the API does', () => {
  test('searches from a postcode, a town, a district and a device position, with every filter', async () => {
    const { postcode, town, district } = placesInFile();
    const queries: SearchQuery[] = [
      { near: postcode },
      { near: town, radius: 50 },
      { near: district, units: 'km', radius: 80 },
      { lat: 53.8, lng: -1.55, limit: 3 },
      { near: 'LS1', condition: ['type2'] },
      { near: 'LS1', radius: 200, audience: ['families'], format: ['in-person'] },
      { near: 'SW1A', radius: 200, model: ['support-group', 'peer-coaching'] },
      { near: 'M1', radius: 200, free: true, family: true },
      { near: 'CF10', radius: 200, language: 'cy' },
      { near: 'LS1', radius: 200, q: 'type' },
      { near: 'LS1', radius: 200, free: false, limit: 2 },
      { condition: ['type1'] },
    ];
    let nonEmpty = 0;
    for (const query of queries) {
      const expected = await api.groups.search(query);
      assert.deepEqual(await directory.groups.search(query), expected, JSON.stringify(query));
      if (expected.groups.length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty >= 8, `most searches found groups nearby (${nonEmpty})`);
  });

  test('pages through a search and the online groups with the same cursors', async () => {
    const query: SearchQuery = { near: 'LS1', radius: 200, limit: 2 };
    const fromApi = [];
    for await (const hit of api.groups.searchAll(query)) fromApi.push(hit);
    const fromFile = [];
    for await (const hit of directory.groups.searchAll(query)) fromFile.push(hit);
    assert.ok(fromApi.length > 4, 'several pages');
    assert.deepEqual(fromFile, fromApi);

    const online: EverywhereQuery = { limit: 2 };
    const first = await directory.groups.everywhere(online);
    assert.deepEqual(first, await api.groups.everywhere(online));
    assert.ok(first.nextCursor, 'more than one page of online groups');
    const second: EverywhereQuery = { limit: 2, cursor: first.nextCursor };
    assert.deepEqual(await directory.groups.everywhere(second), await api.groups.everywhere(second));
    const all = [];
    for await (const g of directory.groups.everywhereAll({ format: ['online'] })) all.push(g);
    const allApi = [];
    for await (const g of api.groups.everywhereAll({ format: ['online'] })) allApi.push(g);
    assert.deepEqual(all, allApi);
  });

  test('reads each group in full, and the taxonomy', async () => {
    for (const { id } of file.groups.slice(0, 20)) assert.deepEqual(await directory.groups.get(id), await api.groups.get(id));
    await assert.rejects(directory.groups.get('no-such-group'), NotFoundError);
    assert.deepEqual(await directory.taxonomy(), await api.taxonomy());
  });

  test('geocodes the places in the file as the API does, and any other GB postcode at its district', async () => {
    const { postcode, town, district } = placesInFile();
    for (const q of [postcode, town, district]) assert.deepEqual(await directory.geocode(q), await api.geocode(q), q);
    // Towns the API labels otherwise (`New York` → `New York City, NY`) are named in the file.
    const named = Object.keys(file.names ?? {});
    assert.ok(named.includes('new york'), named.join());
    for (const q of named) assert.deepEqual(await directory.geocode(q), await api.geocode(q), q);
    // A real postcode the file does not hold (Leeds station), placed at its district's centre.
    const other = await directory.geocode('ls1 4dt');
    const exact = await api.geocode('LS1 4DT');
    assert.equal(other.label, 'LS1 4DT');
    assert.equal(other.precision, 'district');
    assert.equal(other.centre, 'LS1');
    const km = Math.hypot((other.lat - exact.lat) * 111, (other.lng - exact.lng) * 111 * Math.cos((exact.lat * Math.PI) / 180));
    assert.ok(km < 3, `the district's centre is near the postcode (${km.toFixed(2)} km)`);
  });

  test('refuses what the API refuses, with the same kinds of error', async () => {
    await assert.rejects(directory.geocode('ZZ99 9ZZ'), UnknownPlaceError);
    await assert.rejects(directory.groups.search({ near: 'Nowhereville Upon Sea' }), (e: unknown) => {
      assert.ok(e instanceof UnknownPlaceError);
      assert.deepEqual(
        e.errors.map((f) => f.pointer),
        ['#/near'],
      );
      return true;
    });
    await assert.rejects(directory.groups.search({ near: '12 Leeds Road' }), ValidationError);
    await assert.rejects(directory.groups.search({ near: 'LS1', radius: 500 }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.errors.map((f) => f.pointer),
        ['#/radius'],
      );
      return true;
    });
    await assert.rejects(directory.groups.search({ near: 'LS1', cursor: 'not-ours' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.errors.map((f) => f.pointer),
        ['#/cursor'],
      );
      return true;
    });
    await assert.rejects(api.groups.search({ near: 'LS1', cursor: 'not-ours' }), ValidationError);
  });

  test('a missing file or one of another kind is a clear error, and the next call tries again', async () => {
    const missing = createStaticDirectory(fileUrl.replace('directory.json', 'nothing.json'));
    await assert.rejects(missing.taxonomy(), (e: unknown) => e instanceof DirectoryError && e.status === 404);
    const notOurs = createStaticDirectory(fileUrl, { fetch: async () => Response.json({ groups: [] }) });
    await assert.rejects(notOurs.taxonomy(), ResponseShapeError);
    let calls = 0;
    const flaky = createStaticDirectory(fileUrl, {
      fetch: async (input) => {
        if (calls++ === 0) throw new TypeError('fetch failed');
        return fetch(input);
      },
    });
    await assert.rejects(flaky.taxonomy(), DirectoryError);
    assert.deepEqual(await flaky.taxonomy(), await api.taxonomy());
  });
});
