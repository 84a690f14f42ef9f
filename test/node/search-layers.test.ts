// The search index at scale: changes held beside the big tables answer
// exactly as if merged in, a snapshot on disk stands in for reading every
// group only while it fits the database, and every process hears of a
// change the moment it commits, on both engines.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchQuerySchema, everywhereQuerySchema, type GeocodeResult } from 'peer-directory/schema';
import { DirectoryIndex, SearchService } from '../../server/src/search/index.js';
import { readSnapshot, snapshotFits, writeSnapshot } from '../../server/src/search/snapshot.js';
import { syntheticCentres, syntheticGroups } from '../../server/src/sample/synthetic.js';
import { openStore, type Store, type StoreOptions } from '../../server/src/store/index.js';
import { engines } from '../support/engines.js';
import { makeGroup } from '../support/fixtures.js';
import { until } from '../support/until.js';

const INDEX_CATCHES_UP = { everyMs: 5, waitingFor: 'the index to catch up' };

const place = (label: string, lat: number, lng: number): GeocodeResult => ({ label, lat, lng, precision: 'device' });

// Searches people make: near towns, with and without filters, first and later pages.
const centres = syntheticCentres(40, 7);
const QUERIES = centres.flatMap((centre, i) =>
  [{}, { condition: 'type1' }, { q: 'walk' }, { language: 'cy', radius: '100' }, { free: 'true', limit: '5' }].map((params) => ({
    query: searchQuerySchema.parse({ radius: String(10 + (i % 4) * 10), ...params }),
    origin: centre,
  })),
);
const EVERYWHERE_QUERIES = [{}, { condition: 'type2' }, { q: 'online' }, { limit: '50' }, { free: 'false', limit: '7' }].map((p) =>
  everywhereQuerySchema.parse(p),
);

/** Every answer an index gives to the searches above, pages followed. */
function answers(index: DirectoryIndex): string[] {
  const out: string[] = [];
  for (const { query, origin } of QUERIES) {
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const text = index.search({ ...query, cursor }, origin).toString();
      out.push(text);
      cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor ?? undefined;
      if (!cursor) break;
    }
  }
  for (const query of EVERYWHERE_QUERIES) {
    let cursor: string | undefined;
    do {
      const text = index.everywhere({ ...query, cursor }).toString();
      out.push(text);
      cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
}

const ids = (text: Buffer) => (JSON.parse(text.toString()) as { groups: { id: string }[] }).groups.map((g) => g.id);

describe('changes beside the big tables', () => {
  const groups = syntheticGroups(4000, 3);
  // What happens to a directory over a week: edits, moves, archives, new groups.
  const edited = groups.slice(100, 160).map((g) => ({ ...g, name: `${g.name} (renamed)`, summary: 'Now a walking group.' }));
  const moved = groups
    .slice(200, 230)
    .map((g, i) => (g.location ? { ...g, location: { ...g.location, lat: 51.5 + i / 100, lng: -0.1 } } : g));
  const archived = groups.slice(300, 350).map((g) => g.id);
  const added = syntheticGroups(4100, 3)
    .slice(4000)
    .map((g) => ({ ...g, id: `new-${g.id}` }));
  const changes = { version: 2, upserts: [...edited, ...moved, ...added], removed: archived };

  it('answer exactly as the same directory built in one go', () => {
    const layered = new DirectoryIndex();
    layered.apply({ version: 1, upserts: groups, removed: [] });
    layered.merge();
    layered.apply(changes);
    assert.ok(layered.pending > 0, 'the changes wait beside the big tables');

    const merged = new DirectoryIndex();
    merged.apply({ version: 1, upserts: groups, removed: [] });
    merged.apply(changes);
    merged.merge();
    assert.equal(merged.pending, 0);

    const direct = new DirectoryIndex();
    const now = new Map(groups.map((g) => [g.id, g]));
    for (const g of changes.upserts) now.set(g.id, g);
    for (const id of archived) now.delete(id);
    direct.apply({ version: 2, upserts: [...now.values()], removed: [] });
    direct.merge();

    const expected = answers(direct);
    assert.deepEqual(answers(layered), expected);
    assert.deepEqual(answers(merged), expected);
    assert.equal(layered.size, now.size);
    assert.equal(merged.size, now.size);
  });

  it('make a new group searchable at once, however large the directory', () => {
    const index = new DirectoryIndex();
    index.apply({ version: 1, upserts: groups, removed: [] });
    index.merge();
    const here = place('Here', 52.0, -1.0);
    const fresh = makeGroup({ id: 'fresh', name: 'Brand New Group', location: { town: 'Here', country: 'GB', lat: 52.0, lng: -1.0 } });
    index.apply({ version: 3, upserts: [fresh], removed: [] });
    assert.equal(ids(index.search(searchQuerySchema.parse({ limit: '1' }), here))[0], 'fresh');
    index.apply({ version: 4, upserts: [], removed: ['fresh'] });
    assert.notEqual(ids(index.search(searchQuerySchema.parse({ limit: '1' }), here))[0], 'fresh');
  });
});

describe('the snapshot', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peer-directory-snapshot-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads back as an index that answers exactly as the one written', async () => {
    const index = new DirectoryIndex();
    index.apply({ version: 9, upserts: syntheticGroups(6000, 5), removed: [] });
    const file = join(dir, 'index.snapshot');
    await writeSnapshot(file, index.parts(), { database: 'db-1', idAt: 'syn-005999' });

    const read = (await readSnapshot(file))!;
    assert.deepEqual(read.origin, { database: 'db-1', idAt: 'syn-005999' });
    const restored = new DirectoryIndex(read.parts);
    assert.equal(restored.version, 9);
    assert.equal(restored.size, index.size);
    assert.deepEqual(answers(restored), answers(index));
  });

  it('is used only for the database it was taken from, as it was', () => {
    const origin = { database: 'db-1', idAt: 'g-10' };
    assert.equal(snapshotFits(origin, 10, { database: 'db-1', latest: 12, idAt: 'g-10' }), true);
    assert.equal(snapshotFits(origin, 10, { database: 'db-1', latest: 12, idAt: undefined }), true, 'g-10 changed since: fine');
    assert.equal(snapshotFits(origin, 10, { database: 'db-2', latest: 12, idAt: 'g-10' }), false, 'another database');
    assert.equal(snapshotFits(origin, 10, { database: 'db-1', latest: 8, idAt: undefined }), false, 'restored from an older backup');
    assert.equal(snapshotFits(origin, 10, { database: 'db-1', latest: 12, idAt: 'g-99' }), false, 'another group at that version');
  });

  it('is ignored when it is not one this code wrote, or was cut short', async () => {
    const file = join(dir, 'junk.snapshot');
    await writeFile(file, 'not a snapshot');
    assert.equal(await readSnapshot(file), undefined);
    const whole = join(dir, 'index.snapshot');
    const cut = join(dir, 'cut.snapshot');
    await writeFile(cut, (await readFile(whole)).subarray(0, 100_000));
    assert.equal(await readSnapshot(cut), undefined);
    assert.equal(await readSnapshot(join(dir, 'missing.snapshot')), undefined);
  });
});

for (const engine of engines) {
  describe(`search services on ${engine.name}`, () => {
    let options: StoreOptions;
    let tearDown: () => Promise<void>;
    let writerStore: Store;
    let readerStore: Store;
    let dir: string;

    before(async () => {
      ({ options, tearDown } = await engine.setUp());
      writerStore = await openStore(options);
      // On PostgreSQL, a second connection pool, as a second API process has; PGlite allows one process.
      readerStore = 'databaseUrl' in options ? await openStore(options) : writerStore;
      dir = await mkdtemp(join(tmpdir(), 'peer-directory-service-'));
    });
    after(async () => {
      if (readerStore !== writerStore) await readerStore.close();
      await writerStore.close();
      await tearDown();
      await rm(dir, { recursive: true, force: true });
    });

    it('hear of another process’s change as it commits, long before their next poll', async () => {
      await writerStore.putGroups(syntheticGroups(300, 11), 'seed');
      const reader = new SearchService(readerStore, { refreshMs: 600_000 });
      await reader.start();
      try {
        const before = reader.index.size;
        // The reader polls every ten minutes: only the store's announcement can bring the change this soon.
        await writerStore.putGroup(makeGroup({ id: 'announced', name: 'Announced Group' }), 'test');
        await until(() => reader.index.size === before + 1, 5000, INDEX_CATCHES_UP);
        const found = reader.search(searchQuerySchema.parse({ q: 'Announced', radius: '200' }), place('Leeds', 53.8, -1.55));
        assert.deepEqual(ids(found), ['announced']);

        await writerStore.archiveGroup('announced', 'test');
        await until(() => reader.index.size === before, 5000, INDEX_CATCHES_UP);
      } finally {
        await reader.stop();
      }
    });

    it('start from the snapshot and read only the changes since; a snapshot of another directory is not used', async () => {
      const file = join(dir, `${engine.name}.snapshot`);
      const first = new SearchService(readerStore, { snapshotFile: file });
      await first.start();
      const expected = answers(first.index);
      await first.stop();
      assert.ok((await readSnapshot(file))?.parts.version === first.index.version, 'written after loading');

      let rowsRead = 0;
      const counting: Pick<Store, 'groupChanges' | 'watchGroupChanges' | 'feedCheck'> = {
        groupChanges: async (since, limit, until) => {
          const changes = await readerStore.groupChanges(since, limit, until);
          rowsRead += changes.upserts.length + changes.removed.length;
          return changes;
        },
        watchGroupChanges: (listener) => readerStore.watchGroupChanges(listener),
        feedCheck: (version) => readerStore.feedCheck(version),
      };
      const second = new SearchService(counting, { snapshotFile: file });
      await second.start();
      try {
        assert.equal(rowsRead, 0, 'nothing to read: the snapshot is current');
        assert.deepEqual(answers(second.index), expected);

        await writerStore.putGroup(makeGroup({ id: 'after-snapshot', name: 'After The Snapshot' }), 'test');
        await second.refresh();
        assert.equal(rowsRead, 1, 'only the change since');
      } finally {
        await second.stop();
      }

      // Another directory (a fresh data directory or database) with the same file.
      const other = await engine.setUp();
      const otherStore = await openStore(other.options);
      try {
        await otherStore.putGroup(makeGroup({ id: 'only-here', name: 'Only Here' }), 'test');
        const third = new SearchService(otherStore, { snapshotFile: file });
        await third.start();
        assert.equal(third.index.size, 1, 'built from its own store, not the snapshot');
        await third.stop();
      } finally {
        await otherStore.close();
        await other.tearDown();
      }
    });
  });
}
