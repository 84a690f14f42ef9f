/**
 * The directory as it grows: for each size, a real server process (the
 * built CLI, embedded store) on a store already holding that many synthetic
 * groups, measured for
 *
 * - start-up to the first answered search, first with no snapshot of the
 *   search index (it reads every group from the store and writes one), then
 *   again from that snapshot;
 * - its memory (RSS once searchable, and the peak, from /proc);
 * - approve → searchable: a registration approved through the admin API of
 *   the process started from the snapshot, then found by a search (other
 *   processes hear of it by LISTEN/NOTIFY, see test/node/search-layers.test.ts);
 * - the Open Referral feed's first request on that process, which loads the
 *   feed's catalogue (time, and RSS after it), one request after it, and one
 *   after another approval (the catalogue catching up with the change);
 * - uncached search p50 / p99 inside a process, on the index read from the
 *   same snapshot.
 *
 * Seeding the store is not timed as part of any figure.
 *
 * Standalone: `npm run build && node --conditions=source --import tsx bench/scale.ts 1000 10000 100000 1000000`
 * (a million groups takes about ten minutes, most of it seeding).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RegistrationInput } from 'peer-directory/schema';
import { DirectoryIndex } from '../server/src/search/directory-index.js';
import { readSnapshot } from '../server/src/search/snapshot.js';
import { syntheticGroupBatches, syntheticGroups } from '../server/src/sample/synthetic.js';
import { openStore } from '../server/src/store/index.js';
import { freePort } from '../test/support/free-port.js';
import { until } from '../test/support/until.js';
import { timeSearches } from './search-latency.js';

const CLI = resolve(import.meta.dirname, '../server/dist/cli.js');
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const SEED_BATCH = 10_000;

/** One size's figures; times in ms, memory in MB. */
export interface ScaleRow {
  groups: number;
  seedMs: number;
  coldStartMs: number;
  coldRssMb: number;
  coldPeakRssMb: number;
  warmStartMs: number;
  warmRssMb: number;
  warmPeakRssMb: number;
  snapshotMb: number;
  approveMs: number;
  /** The feed's first request (loading its catalogue), the RSS after it, a request once loaded, and one after a change. */
  feedFirstMs: number;
  feedRssMb: number;
  feedNextMs: number;
  feedAfterChangeMs: number;
  /** The index's part of it, inside the process: applying one new group (median of 5). */
  applyMs: number;
  p50: number;
  p99: number;
}

/** Measures each size in turn; see the module comment. */
export async function measureScale(sizes: readonly number[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const groups of sizes) rows.push(await measureSize(groups));
  return rows;
}

async function measureSize(groups: number): Promise<ScaleRow> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-scale-'));
  const snapshotFile = join(dataDir, 'search-index.snapshot');
  try {
    const started = performance.now();
    await runChild(['--seed', dataDir, String(groups)]);
    const seedMs = performance.now() - started;

    const cold = await startServer(dataDir);
    await until(() => exists(snapshotFile), 600_000);
    await cold.stop();

    const warm = await startServer(dataDir);
    const approveMs = await approveOne(warm.url);
    const feed = await readFeed(warm, groups + 1);
    await warm.stop();

    const snapshot = (await readSnapshot(snapshotFile))!;
    const index = new DirectoryIndex(snapshot.parts);
    const [all] = timeSearches(index, { searches: 20_000 });
    const applyMs = timeApply(index);
    return {
      groups,
      seedMs,
      coldStartMs: cold.startMs,
      coldRssMb: cold.rssMb,
      coldPeakRssMb: cold.peakRssMb,
      warmStartMs: warm.startMs,
      warmRssMb: warm.rssMb,
      warmPeakRssMb: warm.peakRssMb,
      snapshotMb: (await stat(snapshotFile)).size / 1024 / 1024,
      approveMs,
      ...feed,
      applyMs,
      p50: all!.p50,
      p99: all!.p99,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Started {
  url: string;
  pid: number;
  startMs: number;
  rssMb: number;
  peakRssMb: number;
  stop(): Promise<void>;
}

/** Starts the built CLI on `dataDir` and waits for its first answered search. */
async function startServer(dataDir: string): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const response = await fetch(`${url}/v1/groups?lat=53.8&lng=-1.55&radius=25`).catch(() => undefined);
    return response?.status === 200;
  }, 600_000);
  const startMs = performance.now() - started;
  const memory = await memoryOf(child);
  return {
    url,
    pid: child.pid!,
    startMs,
    ...memory,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** How long the index takes to apply one new group, as a refresh after an approval does. */
function timeApply(index: DirectoryIndex): number {
  index.prepareForChanges();
  const times: number[] = [];
  syntheticGroups(5, 77).forEach((group, i) => {
    const started = performance.now();
    index.apply({ version: index.version + 1, upserts: [{ ...group, id: `bench-new-${i}` }], removed: [] });
    times.push(performance.now() - started);
  });
  return times.sort((a, b) => a - b)[2]!;
}

/** A leader registers a group, staff approve it: how long until a search finds it. */
async function approveOne(url: string): Promise<number> {
  const [group] = syntheticGroups(20, 99).filter((g) => !g.servesEverywhere);
  const { id: _id, updatedAt: _updatedAt, ...details } = group!;
  const name = `Scale bench group ${Date.now()}`;
  const input: RegistrationInput = {
    // The synthetic rules began in the past, which a new registration may not: this one gives words only.
    group: { ...details, name, schedule: { timeZone: details.schedule.timeZone, rules: [], exceptions: [], meetings: [], note: 'Weekly' } },
    registrant: { name: 'Bench Leader', email: 'bench@example.org', role: 'Group leader' },
    consent: { storeData: true, noMedicalAdvice: true },
  };
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (created.status !== 202) throw new Error(`registration: ${created.status} ${await created.text()}`);
  const { registrations } = (await (await fetch(`${url}/v1/admin/registrations?status=pending`, { headers: admin })).json()) as {
    registrations: { id: string; group: { name: string } }[];
  };
  const pending = registrations.find((r) => r.group.name === name)!;
  const { lat, lng } = details.location ?? { lat: 53.8, lng: -1.55 };
  const search = `${url}/v1/groups?lat=${lat}&lng=${lng}&radius=5&q=${encodeURIComponent('Scale bench')}`;
  const started = performance.now();
  const approved = await fetch(`${url}/v1/admin/registrations/${pending.id}/approve`, {
    method: 'POST',
    headers: { authorization: admin.authorization },
  });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${await approved.text()}`);
  await until(async () => {
    const body = (await (await fetch(search)).json()) as { groups: { name: string }[] };
    return body.groups.some((g) => g.name === name);
  }, 60_000);
  return performance.now() - started;
}

/**
 * A council's finder reads the feed: the first page of services (loading the
 * catalogue), a page of a word search, and, once one more group is approved,
 * the first page again (the catalogue catching up with the change first).
 * Every group must be counted each time: a lost or doubled batch would show.
 */
async function readFeed(
  server: Started,
  published: number,
): Promise<{ feedFirstMs: number; feedRssMb: number; feedNextMs: number; feedAfterChangeMs: number }> {
  const timed = async (path: string, total?: number) => {
    const started = performance.now();
    const response = await fetch(`${server.url}/openreferral${path}`);
    const body = (await response.json()) as { contents?: unknown[]; total_items?: number };
    if (response.status !== 200 || !body.contents?.length) throw new Error(`feed ${path}: ${response.status}`);
    if (total !== undefined && body.total_items !== total)
      throw new Error(`the feed lists ${body.total_items} services of ${total} published`);
    return performance.now() - started;
  };
  const feedFirstMs = await timed('/services', published);
  const { rssMb } = await memoryOf({ pid: server.pid });
  const feedNextMs = await timed('/services?search=type&page=3');
  await approveOne(server.url);
  const feedAfterChangeMs = await timed('/services', published + 1);
  return { feedFirstMs, feedRssMb: rssMb, feedNextMs, feedAfterChangeMs };
}

async function memoryOf(child: Pick<ChildProcess, 'pid'>): Promise<{ rssMb: number; peakRssMb: number }> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Runs this file in a child process (seeding holds the store's lock and a lot of memory: not the bench's). */
function runChild(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', import.meta.filename, ...args], { stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${args.join(' ')}: exit ${code}`))));
  });
}

async function seed(dataDir: string, groups: number): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    for (const batch of syntheticGroupBatches(groups, SEED_BATCH)) await store.putGroups(batch, 'seed');
  } finally {
    await store.close();
  }
}

/** The table's head, as docs/performance.md shows it. */
export const SCALE_HEADER =
  '| groups | start, no snapshot | RSS | peak RSS | start from snapshot | RSS | peak RSS | snapshot MB | approve → searchable | ' +
  'feed: first request / RSS after / next / after a change | search p50 / p99 ms | seeding |\n|---|---|---|---|---|---|---|---|---|---|---|---|';

/** One row of the table, as docs/performance.md shows it. */
export function scaleLine(r: ScaleRow): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (x: number) => `${Math.round(x)} MB`;
  return (
    `| ${r.groups.toLocaleString('en')} | ${s(r.coldStartMs)} | ${mb(r.coldRssMb)} | ${mb(r.coldPeakRssMb)} | ${s(r.warmStartMs)} | ` +
    `${mb(r.warmRssMb)} | ${mb(r.warmPeakRssMb)} | ${r.snapshotMb.toFixed(0)} | ${r.approveMs.toFixed(0)} ms (index ${r.applyMs.toFixed(1)} ms) | ` +
    `${s(r.feedFirstMs)} / ${mb(r.feedRssMb)} / ${r.feedNextMs.toFixed(0)} ms / ${r.feedAfterChangeMs.toFixed(0)} ms | ${r.p50.toFixed(3)} / ${r.p99.toFixed(3)} | ${s(r.seedMs)} |`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--seed') {
    await seed(args[1]!, Number(args[2]));
  } else {
    const sizes = args.length > 0 ? args.map(Number) : [1000, 10_000, 100_000];
    console.log(SCALE_HEADER);
    for (const groups of sizes) console.log(scaleLine((await measureScale([groups]))[0]!));
  }
}
