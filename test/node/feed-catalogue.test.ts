// A feed request works out its rows, then reads their groups from the store.
// A change can land in between (another request catches the catalogue up):
// the request must still get the groups its rows stood for.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FeedCatalogue, type CatalogueView } from '../../server/src/openreferral/catalogue.js';
import { syntheticGroups } from '../../server/src/sample/synthetic.js';
import { FeedTaxonomy } from '../../server/src/openreferral/taxonomy.js';
import { serviceId } from '../../server/src/openreferral/ids.js';
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
  await catalogue.read(async (before) => {
    const rows = before.list({});

    // A group that sorts first arrives, and another request catches the catalogue up.
    await store.putGroup(makeGroup({ id: 'armley', name: 'Armley Walkers' }), 'test');
    version = (await store.feedCheck(0)).latest;
    const names = await catalogue.read(async (after) => [...(await after.groups(after.list({}))).values()].map((g) => g.name).sort());
    assert.deepEqual(names, ['Armley Walkers', 'Batley Friends', 'Dewsbury Circle', 'Morley Club']);

    // The columns left behind are still whole for the request reading them.
    const groups = await before.groups(rows);
    assert.deepEqual(
      rows.map((row) => groups.get(row)?.name),
      ['Batley Friends', 'Dewsbury Circle', 'Morley Club'],
    );
    assert.deepEqual(before.list({ search: 'dewsbury' }), [rows[1]]);
  });
  // Read again once nobody holds the old columns (they are given back then), the catalogue answers from the new ones.
  const all = await catalogue.read(async (view) => [...(await view.groups(view.list({}))).values()].map((g) => g.name));
  assert.equal(all.length, 4);
});

test('caught up after changes, the catalogue lists what one read afresh lists, filters and all', async () => {
  const groups = syntheticGroups(600, 5);
  await store.putGroups(groups, 'seed');
  let version = (await store.feedCheck(0)).latest;
  const taxonomy = new FeedTaxonomy([]);
  const followed = new FeedCatalogue({ store, searchVersion: () => version }, taxonomy);
  await followed.read(() => {});

  // Renamed (to names before, among and after the others, some the same), archived and new groups.
  const renames = ['Aardvark Friends', 'Leeds Type 2 Together', 'Zebra Club', 'aardvark friends', 'Morley Club'];
  for (const [i, group] of groups.slice(0, 25).entries()) await store.putGroup({ ...group, name: renames[i % renames.length]! }, 'test');
  for (const group of groups.slice(25, 40)) await store.archiveGroup(group.id, 'test');
  await store.putGroups(
    syntheticGroups(30, 6).map((g, i) => ({ ...g, id: `new-${i}` })),
    'test',
  );
  version = (await store.feedCheck(0)).latest;

  // Nobody reads the catalogue as it catches up: its old columns are spent as they are copied.
  await followed.read(async (caughtUp) => {
    await new FeedCatalogue({ store, searchVersion: () => version }, taxonomy).read(async (afresh) => {
      const idsOf = async (view: typeof afresh, rows: readonly number[]) => {
        const found = await view.groups(rows);
        return rows.map((row) => found.get(row)?.id);
      };
      const coaching = taxonomy.term('model', 'peer-coaching')!.id;
      for (const filter of [{}, { search: 'leeds' }, { day: 'TU' }, { taxonomyTermId: coaching }, { startTime: '18:00' }]) {
        assert.deepEqual(await idsOf(caughtUp, caughtUp.list(filter)), await idsOf(afresh, afresh.list(filter)), JSON.stringify(filter));
      }
      assert.equal(caughtUp.list({}).length, await store.countGroups());
      const near = (view: typeof afresh) => idsOf(view, view.near(53.8, -1.55, 30, 0, {}).rows);
      assert.deepEqual(await near(caughtUp), await near(afresh));
      assert.equal(caughtUp.byServiceId(serviceId('new-3')), afresh.byServiceId(serviceId('new-3')));
      assert.notEqual(caughtUp.byServiceId(serviceId('new-3')), undefined);
    });
  });
});

test('requests that arrive while the catalogue catches up wait for it, and read the new rows', async () => {
  let version = (await store.feedCheck(0)).latest;
  const catalogue = new FeedCatalogue({ store, searchVersion: () => version }, new FeedTaxonomy([]));
  await catalogue.read(() => {});
  const published = await store.countGroups();
  await store.putGroup(makeGroup({ id: 'ossett', name: 'Ossett Tuesday Club' }), 'test');
  version = (await store.feedCheck(0)).latest;

  // The catch-up yields to other work as it goes: a request started at each turn of the event loop meanwhile.
  const namesRead = (view: CatalogueView) =>
    view.groups(view.list({ search: 'ossett' })).then((groups) => [...groups.values()].map((g) => g.name));
  let done = false;
  const first = catalogue.read(namesRead).finally(() => (done = true));
  const meanwhile: Promise<string[]>[] = [];
  while (!done) {
    meanwhile.push(catalogue.read(namesRead));
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(meanwhile.length > 3, `${meanwhile.length} requests arrived during the catch-up`);
  for (const names of [await first, ...(await Promise.all(meanwhile))]) assert.deepEqual(names, ['Ossett Tuesday Club']);
  assert.equal(await catalogue.read((view) => view.list({}).length), published + 1);
});

test('a catch-up that fails part way leaves no half-spent catalogue: the next request builds it afresh', async () => {
  await store.putGroup(makeGroup({ id: 'calverley', name: 'Calverley Walkers' }), 'test');
  let version = (await store.feedCheck(0)).latest;
  const catalogue = new FeedCatalogue({ store, searchVersion: () => version }, new FeedTaxonomy([]));
  const published = await catalogue.read((view) => view.list({}).length);
  await store.putGroup(makeGroup({ id: 'pudsey', name: 'Pudsey Pals' }), 'test');
  version = (await store.feedCheck(0)).latest;

  // Names are compared once the old columns are being spent: a failure there stands in for running out of memory.
  const compare = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')!;
  Object.defineProperty(Intl.Collator.prototype, 'compare', {
    ...compare,
    get(this: Intl.Collator) {
      const real = compare.get!.call(this) as (a: string, b: string) => number;
      return (a: string, b: string) => {
        if (a === 'Pudsey Pals' || b === 'Pudsey Pals') throw new RangeError('out of memory');
        return real(a, b);
      };
    },
  });
  try {
    await assert.rejects(
      catalogue.read(() => {}),
      RangeError,
    );
  } finally {
    Object.defineProperty(Intl.Collator.prototype, 'compare', compare);
  }
  const { count, found } = await catalogue.read(async (view) => ({
    count: view.list({}).length,
    found: [...(await view.groups([...view.list({ search: 'calverley' }), ...view.list({ search: 'pudsey' })])).values()].map(
      (g) => g.name,
    ),
  }));
  assert.equal(count, published + 1);
  assert.deepEqual(found, ['Calverley Walkers', 'Pudsey Pals']);
});
