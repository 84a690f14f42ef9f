// A feed request works out its rows, then reads their groups from the store.
// A change can land in between (another request catches the catalogue up):
// the request must still get the groups its rows stood for.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FeedCatalogue } from '../../server/src/openreferral/catalogue.js';
import { FeedTaxonomy } from '../../server/src/openreferral/taxonomy.js';
import { openStore, type Store } from '../../server/src/store/index.js';
import { engines } from '../support/engines.js';
import { makeGroup } from '../support/fixtures.js';

let store: Store;
let tearDown: () => Promise<void>;
before(async () => {
  const engine = await engines[0]!.setUp();
  tearDown = engine.tearDown;
  store = await openStore(engine.options);
});
after(async () => {
  await store.close();
  await tearDown();
});

test("a request's rows keep meaning the same groups while the catalogue catches up with a change", async () => {
  for (const name of ['Batley Friends', 'Dewsbury Circle', 'Morley Club'])
    await store.putGroup(makeGroup({ id: name.toLowerCase().replace(' ', '-'), name }), 'test');
  let version = (await store.feedCheck(0)).latest;
  const catalogue = new FeedCatalogue({ store, searchVersion: () => version }, new FeedTaxonomy([]));
  const before = await catalogue.current();
  const rows = before.list({});

  // A group that sorts first arrives, and another request catches the catalogue up.
  await store.putGroup(makeGroup({ id: 'armley', name: 'Armley Walkers' }), 'test');
  version = (await store.feedCheck(0)).latest;
  const after = await catalogue.current();
  assert.deepEqual([...(await after.groups(after.list({}))).values()].map((g) => g.name).sort(), [
    'Armley Walkers',
    'Batley Friends',
    'Dewsbury Circle',
    'Morley Club',
  ]);

  const groups = await before.groups(rows);
  assert.deepEqual(
    rows.map((row) => groups.get(row)?.name),
    ['Batley Friends', 'Dewsbury Circle', 'Morley Club'],
  );
});
