/**
 * The embedded store's durability and start-up figures for docs/storage.md:
 *
 * 1. kill -9 during autocommit inserts: a child process creates registrations
 *    one by one and prints each id once `createRegistration` resolves; it is
 *    SIGKILLed at a random moment, the store reopened, and every acknowledged
 *    id looked up. Ten trials.
 * 2. Seeding 100,000 groups with `putGroups` (and on PostgreSQL, when installed).
 * 3. Cold open of that 100,000-group store in a fresh process, and the first
 *    `groupChanges(0)` the search index reads at start-up.
 *
 * Run: `node --conditions=source --import tsx bench/durability.ts`
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore, type StoreOptions } from '../server/src/store/index.js';
import { makeGroup, makeRegistrationInput } from '../test/support/fixtures.js';
import { startPostgres } from '../test/support/postgres.js';

const TRIALS = 10;
const GROUPS = 100_000;
const SELF = fileURLToPath(import.meta.url);

const [mode, dataDir] = process.argv.slice(2);
if (mode === '--writer' && dataDir) await writer(dataDir);
else if (mode === '--open' && dataDir) await coldOpen(dataDir);
else await main();

async function main(): Promise<void> {
  console.log(`# Embedded store durability and start-up (${new Date().toISOString()}, Node ${process.version})\n`);
  console.log('## kill -9 during autocommit inserts (createRegistration, one at a time)\n');
  console.log('| trial | acknowledged | survived | lost | inserts/s | reopen ms |');
  console.log('|---|---|---|---|---|---|');
  let lostTotal = 0;
  for (let trial = 1; trial <= TRIALS; trial++) {
    const result = await killTrial(500 + Math.random() * 1_500);
    lostTotal += result.acknowledged - result.survived;
    console.log(
      `| ${trial} | ${result.acknowledged} | ${result.survived} | ${result.acknowledged - result.survived} | ` +
        `${Math.round(result.perSecond)} | ${Math.round(result.reopenMs)} |`,
    );
  }
  console.log(`\nAcknowledged rows lost over ${TRIALS} trials: ${lostTotal}\n`);

  console.log(`## Seeding ${GROUPS.toLocaleString('en')} groups (putGroups, one transaction)\n`);
  const groups = manyGroups(GROUPS);
  const dir = await mkdtemp(join(tmpdir(), 'peer-directory-bench-'));
  try {
    console.log(`PGlite: ${((await seed({ dataDir: dir }, groups)) / 1000).toFixed(1)} s`);
    try {
      const database = await startPostgres();
      try {
        console.log(`PostgreSQL: ${((await seed({ databaseUrl: database.url }, groups)) / 1000).toFixed(1)} s`);
      } finally {
        await database.stop();
      }
    } catch (error) {
      console.log(`PostgreSQL: not measured (${(error as Error).message})`);
    }

    console.log(`\n## Cold open of the ${GROUPS.toLocaleString('en')}-group embedded store, fresh process each time\n`);
    console.log('| run | openStore ms | groupChanges(0) ms | RSS MB |');
    console.log('|---|---|---|---|');
    for (let run = 1; run <= 3; run++) {
      const figures = JSON.parse((await runChild(['--open', dir])).trim()) as Record<string, number>;
      console.log(`| ${run} | ${figures.openMs} | ${figures.feedMs} | ${figures.rssMb} |`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function killTrial(afterMs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'peer-directory-kill-'));
  try {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SELF, '--writer', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const acknowledged: string[] = [];
    let writingSince = 0;
    await new Promise<void>((resolve) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') {
          writingSince = performance.now();
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, afterMs);
        } else if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      });
    });
    const perSecond = acknowledged.length / ((performance.now() - writingSince) / 1000);
    await closed;

    const started = performance.now();
    const store = await openStore({ dataDir: dir });
    const reopenMs = performance.now() - started;
    let survived = 0;
    for (const id of acknowledged) if (await store.getRegistration(id)) survived++;
    await store.close();
    return { acknowledged: acknowledged.length, survived, perSecond, reopenMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function seed(options: StoreOptions, groups: ReturnType<typeof manyGroups>): Promise<number> {
  const store = await openStore(options);
  try {
    const started = performance.now();
    await store.putGroups(groups, 'seed');
    return performance.now() - started;
  } finally {
    await store.close();
  }
}

/** Groups scattered over Great Britain, each a full, realistic record. */
function manyGroups(count: number) {
  const template = makeGroup();
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `bench-${i}`,
    name: `Peer group ${i}`,
    location: { ...template.location!, lat: 50.5 + Math.random() * 7, lng: -5 + Math.random() * 6.5 },
  }));
}

function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SELF, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}`))));
  });
}

async function writer(dir: string): Promise<void> {
  const store = await openStore({ dataDir: dir });
  const input = makeRegistrationInput();
  console.log('ready');
  for (;;) {
    const { registration } = await store.createRegistration({ input });
    console.log(`ack ${registration.id}`);
  }
}

async function coldOpen(dir: string): Promise<void> {
  let started = performance.now();
  const store = await openStore({ dataDir: dir });
  const openMs = Math.round(performance.now() - started);
  started = performance.now();
  await store.groupChanges(0);
  const feedMs = Math.round(performance.now() - started);
  const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  await store.close();
  console.log(JSON.stringify({ openMs, feedMs, rssMb }));
}
