// A charity moves its list of groups into the directory: from the
// spreadsheet it keeps, from an HSDS package or from another directory's
// Open Referral feed. Staff must see what an import will do before it does
// it, every mistake by row and column; nothing may be half-written if the
// import dies; and importing the same file again must change nothing.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod/mini';
import { staticDirectorySchema, type Group } from 'peer-directory/schema';
import { COLUMNS } from '../../server/src/import/columns.js';
import { importRecords, type ImportOptions } from '../../server/src/import/importer.js';
import { readSource } from '../../server/src/import/read-source.js';
import { createGeocoder } from '../../server/src/geocode/index.js';
import { openStore, type Store, type StoreOptions } from '../../server/src/store/index.js';
import { runCli, startCli } from '../support/cli-process.js';
import { makeGroup } from '../support/fixtures.js';
import { openReferralValidators } from '../support/open-referral-schemas.js';
import { startPostgres } from '../support/postgres.js';
import { startTestServer } from '../support/start-server.js';

const TEMPLATES = new URL('../../server/templates/', import.meta.url);
const HEADERS = COLUMNS.map((c) => c.header);

let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'peer-directory-import-'));
});
after(() => rm(work, { recursive: true, force: true }));

let files = 0;
/** Writes a CSV of `rows` (each a partial row by column), to a new file or over `path`; returns its path. */
async function csvFile(rows: Record<string, string>[], path = join(work, `groups-${++files}.csv`)): Promise<string> {
  await writeFile(
    path,
    stringify(
      rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
      { header: true, columns: HEADERS },
    ),
  );
  return path;
}

/** A complete row for a group meeting in Leeds; `overrides` change cells. */
function row(id: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id,
    name: `Leeds Group ${id}`,
    summary: 'A friendly monthly meeting for adults living with type 2 diabetes.',
    conditions: 'type2',
    audiences: 'adults',
    formats: 'in-person',
    model: 'support-group',
    leaders: 'peer',
    languages: 'en',
    venue: 'Central Library',
    town: 'Leeds',
    postcode: 'LS1 3AB',
    latitude: '53.7997',
    longitude: '-1.5492',
    schedule: 'First Tuesday of the month, 6pm',
    meetings: '2099-12-01 18:00 90',
    email: 'hello@leeds.example.org',
    purpose: 'To share what works.',
    attendees: 'Adults with type 2.',
    family_welcome: 'yes',
    clinical_education: 'no',
    leader_training: 'A peer-support course.',
    professionals_involved: 'no',
    member_expectations: 'Come when you can.',
    free: 'yes',
    ...overrides,
  };
}

/** A fresh embedded store for one story. */
async function freshStore(): Promise<{ store: Store; dataDir: string }> {
  const dataDir = await mkdtemp(join(work, 'store-'));
  return { store: await openStore({ dataDir }), dataDir };
}

async function importFile(store: Store, location: string, options: Partial<ImportOptions> = {}) {
  const source = await readSource(location, { defaults: new Map(), timeZone: undefined, principles: [] });
  return importRecords(
    source.records,
    { store, geocoder: createGeocoder({ cache: store }) },
    {
      source: source.name,
      publish: false,
      dryRun: false,
      by: 'staff@charity.example',
      batchSize: 100,
      actor: 'staff@charity.example',
      ...options,
    },
  );
}

/** Published groups as people see them, without what every store gives anew (id, time). */
async function publishedContent(store: Pick<Store, 'groupChanges'>): Promise<Omit<Group, 'id' | 'updatedAt'>[]> {
  const { upserts } = await store.groupChanges(0);
  return upserts
    .map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest)
    .sort((a, b) => (a.name + a.location?.town < b.name + b.location?.town ? -1 : 1));
}

describe('the spreadsheet template and example', () => {
  test('the template has exactly the columns the import reads', async () => {
    const [header] = parse(await readFile(new URL('groups-template.csv', TEMPLATES), 'utf8')) as string[][];
    assert.deepEqual(header, HEADERS);
  });

  test('the example imports cleanly, its venue found from its postcode offline', async () => {
    const dataDir = await mkdtemp(join(work, 'cli-'));
    const example = new URL('groups-example.csv', TEMPLATES).pathname;
    const result = await runCli(['import', example, '--by', 'staff@charity.example'], {
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      GEOCODER_URL: undefined,
    });
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /3 added, 0 changed, 0 unchanged, 0 with errors\./);
    const store = await openStore({ dataDir });
    try {
      const pending = await store.listRegistrations('pending');
      assert.deepEqual(
        pending.map((r) => r.group.name),
        ['Hebden Bridge Type 1 Walkers', 'Type 2 Evenings Online', 'Cumbria Phone Friends'],
      );
      const walkers = pending[0]!.group;
      assert.ok(walkers.location?.lat !== undefined && Math.abs(walkers.location.lat - 53.74) < 1, 'geocoded near Hebden Bridge');
      assert.equal(pending[0]!.registrant.email, 'staff@charity.example');
      assert.match(pending[0]!.registrant.role ?? '', /groups-example, row 2/);
    } finally {
      await store.close();
    }
  });
});

describe('a dry run', () => {
  test('reports every error by row and column, the good rows it would add, and writes nothing', async () => {
    const path = await csvFile([
      row('A1'),
      row('A2', { conditions: 'type2; type 3', family_welcome: 'perhaps' }),
      row('A3', { name: '', meetings: 'next tuesday' }),
      row('A1', { name: 'Same id again' }),
      row('', { name: 'No id' }),
      row('A4', { email: 'not an email', latitude: '', longitude: '', postcode: 'ZZ99 9ZZ' }),
    ]);
    const dataDir = await mkdtemp(join(work, 'cli-'));
    const result = await runCli(['import', path, '--dry-run'], { DATA_DIR: dataDir, DATABASE_URL: undefined, GEOCODER_URL: undefined });
    assert.equal(result.code, 1, 'errors make the exit code 1');
    const out = result.stdout;
    assert.match(out, /Added, would be queued for review \(1\):\n {2}row 2: Leeds Group A1 \[A1\]/);
    assert.match(out, /row 3, conditions: Not one of ours: type 3\./);
    assert.match(out, /row 3, family_welcome: Enter yes or no/);
    assert.match(out, /row 4, meetings: “next tuesday” is not a meeting/);
    assert.match(out, /row 5, id: The id A1 is already used by row 2/);
    assert.match(out, /row 6, id: Give every group an id of your own/);
    assert.match(out, /row 7, email: Enter an email address/);
    assert.match(out, /1 added, 0 changed, 0 unchanged, 5 with errors \(dry run: nothing was written\)\./);
    const store = await openStore({ dataDir });
    try {
      assert.equal(await store.countGroups(), 0);
      assert.deepEqual(await store.listRegistrations(), []);
    } finally {
      await store.close();
    }
  });

  test('a row without its name is reported against the name column', async () => {
    const { store } = await freshStore();
    try {
      const report = await importFile(store, await csvFile([row('B1', { name: '' })]), { dryRun: true });
      assert.deepEqual(report.errors, [{ where: 'row 2', field: 'name', message: 'Enter the name of the group' }]);
    } finally {
      await store.close();
    }
  });
});

describe('importing for review', () => {
  test('groups wait for review; the same file again changes nothing; an edited row queues a change to its group', async () => {
    const { store } = await freshStore();
    try {
      const first = await csvFile([row('C1'), row('C2')]);
      const report = await importFile(store, first);
      assert.equal(report.added.length, 2);
      assert.equal(await store.countGroups(), 0, 'nothing is published before review');
      const pending = await store.listRegistrations('pending');
      assert.equal(pending.length, 2);

      const again = await importFile(store, first);
      assert.deepEqual([again.added.length, again.changed.length, again.unchanged.length], [0, 0, 2]);
      assert.equal((await store.listRegistrations()).length, 2, 'no second registration');

      // Staff approve the first group.
      const c1 = pending.find((r) => r.group.name === 'Leeds Group C1')!;
      const approved = { ...c1.group, id: 'leeds-group-c1', updatedAt: new Date().toISOString() } as Group;
      await store.approveRegistration(c1.id, approved, 'staff');

      // The charity edits its spreadsheet and imports it again.
      const edited = await importFile(store, await csvFile([row('C1', { summary: 'Now meeting twice a month.' }), row('C2')], first));
      assert.deepEqual([edited.added.length, edited.changed.length, edited.unchanged.length], [0, 1, 1]);
      const change = (await store.listRegistrations('pending')).find((r) => r.updatesGroupId === 'leeds-group-c1');
      assert.equal(change?.group.summary, 'Now meeting twice a month.');
      assert.equal(
        (await store.getGroup('leeds-group-c1'))?.summary,
        approved.summary,
        'the published group waits for the change to be approved',
      );
    } finally {
      await store.close();
    }
  });
});

describe('importing with --publish', () => {
  test('good rows are published at once whatever the bad rows; an edited row replaces its own group', async () => {
    const { store } = await freshStore();
    try {
      const sheet = await csvFile([row('D1'), row('D2', { model: 'book club' }), row('D3')]);
      const report = await importFile(store, sheet, { publish: true, batchSize: 2 });
      assert.deepEqual(
        report.added.map((o) => o.id),
        ['D1', 'D3'],
      );
      assert.deepEqual(
        report.errors.map((e) => [e.where, e.field]),
        [['row 3', 'model']],
      );
      assert.equal(await store.countGroups(), 2);
      const before = (await store.groupChanges(0)).upserts.find((g) => g.name === 'Leeds Group D1')!;

      const edited = await importFile(store, await csvFile([row('D1', { name: 'Leeds Evening Group' }), row('D3')], sheet), {
        publish: true,
      });
      assert.deepEqual([edited.added.length, edited.changed.length, edited.unchanged.length], [0, 1, 1]);
      assert.equal((await store.getGroup(before.id))?.name, 'Leeds Evening Group', 'the same group, renamed');
      assert.equal(await store.countGroups(), 2);
    } finally {
      await store.close();
    }
  });
});

describe('export, then import into an empty store: the same published groups', () => {
  let sample: Awaited<ReturnType<typeof freshStore>>;
  before(async () => {
    const server = await startTestServer();
    try {
      sample = await freshStore();
      await sample.store.putGroups((await server.store.groupChanges(0)).upserts, 'seed');
    } finally {
      await server.close();
    }
    await sample.store.close();
  });

  for (const format of ['csv', 'hsds', 'static'] as const) {
    test(`--format ${format}`, async () => {
      const output = join(work, `export.${format === 'csv' ? 'csv' : 'json'}`);
      const exported = await runCli(['export', '--format', format, '--output', output], {
        DATA_DIR: sample.dataDir,
        DATABASE_URL: undefined,
      });
      assert.equal(exported.code, 0, exported.stderr);
      const original = await openStore({ dataDir: sample.dataDir });
      const expected = await publishedContent(original);
      await original.close();
      const { store } = await freshStore();
      try {
        const report = await importFile(store, output, { publish: true });
        assert.deepEqual(report.errors, []);
        assert.equal(report.added.length, expected.length);
        assert.deepEqual(await publishedContent(store), expected);
      } finally {
        await store.close();
      }
      if (format === 'hsds') {
        const validators = openReferralValidators();
        for (const service of JSON.parse(await readFile(output, 'utf8')) as unknown[]) {
          assert.deepEqual(validators.hsds('/services/{id}', service), []);
          assert.deepEqual(validators.profile('service', service), []);
        }
      }
      if (format === 'static') {
        const file = z.parse(staticDirectorySchema, JSON.parse(await readFile(output, 'utf8')));
        const labels = new Set(file.places.map((p) => p.label));
        const named = (town: string) => labels.has(town) || labels.has(file.names?.[town.toLowerCase()] ?? '');
        for (const group of file.groups)
          if (group.location) assert.ok(named(group.location.town), `${group.location.town} is a place in the file`);
        assert.ok(labels.has('LS') && labels.has('SW'), 'UK postcode areas are places in the file');
        assert.equal(file.places.find((p) => p.label === 'LS1')?.precision, 'district', 'so are GB postcode districts');
        assert.deepEqual(file.taxonomy.models.length, 7);
      }
    });
  }
});

describe('importing from an Open Referral feed', () => {
  test('reads every page and every service of a feed over HTTP, and gives the same groups', async () => {
    const groups = [
      makeGroup({ id: 'feed-leeds', name: 'Leeds Type 2 Together' }),
      makeGroup({ id: 'feed-online', name: 'Online Evenings', formats: ['online'], servesEverywhere: true, location: undefined }),
      ...Array.from({ length: 120 }, (_, i) =>
        makeGroup({ id: `feed-${i}`, name: `Bradford Group ${i}`, location: { town: 'Bradford', country: 'GB', lat: 53.79, lng: -1.75 } }),
      ),
    ];
    const server = await startTestServer({ seed: groups });
    const { store } = await freshStore();
    try {
      const report = await importFile(store, `${server.url}/openreferral`, { publish: true });
      assert.deepEqual(report.errors, []);
      assert.equal(report.added.length, groups.length, 'more than one page of the feed');
      assert.deepEqual(await publishedContent(store), await publishedContent(server.store));
      const again = await importFile(store, `${server.url}/openreferral`, { publish: true });
      assert.equal(again.unchanged.length, groups.length);
    } finally {
      await store.close();
      await server.close();
    }
  });

  test('a feed that cannot be reached is one clear error, not a crash', async () => {
    const dataDir = await mkdtemp(join(work, 'cli-'));
    const result = await runCli(['import', 'http://127.0.0.1:9/openreferral', '--dry-run'], { DATA_DIR: dataDir, DATABASE_URL: undefined });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Could not fetch http:\/\/127\.0\.0\.1:9\/openreferral\/services\?page=1/);
  });
});

/** One engine the crash story runs on. */
const engines: {
  name: string;
  setUp(): Promise<{ env: Record<string, string | undefined>; options: StoreOptions; tearDown(): Promise<void> }>;
}[] = [
  {
    name: 'embedded PGlite',
    async setUp() {
      const dataDir = await mkdtemp(join(work, 'crash-'));
      return { env: { DATA_DIR: dataDir, DATABASE_URL: undefined }, options: { dataDir }, tearDown: async () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    async setUp() {
      const database = await startPostgres();
      return { env: { DATABASE_URL: database.url }, options: { databaseUrl: database.url }, tearDown: () => database.stop() };
    },
  },
];

for (const engine of engines) {
  test(`kill -9 in the middle of an import on ${engine.name}: whole batches only, and a rerun finishes the job`, async () => {
    const ROWS = 1500;
    const BATCH = 100;
    const path = await csvFile(Array.from({ length: ROWS }, (_, i) => row(`K${i}`)));
    const { env, options, tearDown } = await engine.setUp();
    try {
      const importing = startCli(['import', path, '--publish', '--batch-size', String(BATCH)], env);
      await importing.printed('committed batch 2 ');
      importing.child.kill('SIGKILL');
      const killed = await importing.exited;
      assert.equal(killed.signal, 'SIGKILL', 'it was killed before it finished');

      const store = await openStore(options);
      try {
        const published = await store.countGroups();
        const sources = await store.importRecords(
          Array.from({ length: ROWS }, (_, i) => `${path.split('/').pop()!.replace('.csv', '')}:K${i}`),
        );
        assert.ok(published >= 2 * BATCH && published < ROWS, `${published} groups after the kill`);
        assert.equal(published % BATCH, 0, 'only whole batches were written');
        assert.equal(sources.size, published, 'every published group has its source record, and no more');
      } finally {
        await store.close();
      }

      const rerun = await runCli(['import', path, '--publish', '--batch-size', String(BATCH)], env);
      assert.equal(rerun.code, 0, rerun.stderr);
      const [, added, unchanged] = /(\d+) added, 0 changed, (\d+) unchanged/.exec(rerun.stdout) ?? [];
      assert.equal(Number(added) + Number(unchanged), ROWS);
      assert.ok(Number(unchanged) >= 2 * BATCH);
      const after = await openStore(options);
      try {
        assert.equal(await after.countGroups(), ROWS, 'each row once');
      } finally {
        await after.close();
      }
    } finally {
      await tearDown();
    }
  });
}
