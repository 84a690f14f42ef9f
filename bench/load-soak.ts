/**
 * Load at a fixed rate, and a soak, against the real server over 100,000
 * groups, the server in its own process so its memory is its own:
 *
 * 1. Load: `rate` requests a second for `loadSeconds`, every one a different
 *    search (1,000 places, a throwaway parameter so no URL repeats and the
 *    response cache churns), from 20 connections. Every answer must be a
 *    200: the figures count errors and other statuses, and the run fails on any.
 * 2. Soak: the same at `soakRate` for `soakSeconds`, sampling the server's
 *    resident memory (RSS, /proc) every `sampleSeconds`: it should level off
 *    once the response cache is full, not keep growing.
 *
 * Standalone: `node --conditions=source --import tsx bench/load-soak.ts`
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { syntheticCentres } from '../server/src/sample/synthetic.js';

const autocannonModule = createRequire(import.meta.url).resolve('autocannon');

/** What one fixed-rate run found. */
export interface FixedRateRun {
  rate: number;
  seconds: number;
  requests: number;
  achievedPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Options of {@link measureLoadAndSoak}. */
export interface LoadSoakOptions {
  groups?: number;
  rate?: number;
  loadSeconds?: number;
  soakRate?: number;
  soakSeconds?: number;
  sampleSeconds?: number;
}

/** What {@link measureLoadAndSoak} found. */
export interface LoadSoakResult {
  groups: number;
  startMs: number;
  load: FixedRateRun;
  soak: FixedRateRun;
  /** Server RSS in MB: before load, then every sample of the soak, `[seconds into the soak, MB]`. */
  rssBeforeMb: number;
  rssCurve: [number, number][];
  /** RSS growth over the soak's last half, as a fraction of its value half way. */
  lateGrowth: number;
}

const LOAD_GENERATOR = `
const autocannon = require(process.argv[1]);
const { url, connections, duration, overallRate, paths } = JSON.parse(process.argv[2]);
let next = 0;
const requests = [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] + '&_=' + next }) }];
autocannon({ url, connections, duration, overallRate, requests, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (error, result) => {
  if (error) throw error;
  process.stdout.write(JSON.stringify(result));
});
`;

function fixedRate(url: string, rate: number, seconds: number, paths: string[]): Promise<FixedRateRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', LOAD_GENERATOR, autocannonModule, JSON.stringify({ url, connections: 20, duration: seconds, overallRate: rate, paths })],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error);
        const r = JSON.parse(stdout) as {
          requests: { total: number };
          latency: { p50: number; p99: number };
          non2xx: number;
          errors: number;
          duration: number;
        };
        resolve({
          rate,
          seconds,
          requests: r.requests.total,
          achievedPerSecond: r.requests.total / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      },
    );
  });
}

async function rssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts the server process, runs the load and the soak, stops the server. */
export async function measureLoadAndSoak(options: LoadSoakOptions = {}): Promise<LoadSoakResult> {
  const groups = options.groups ?? 100_000;
  const rate = options.rate ?? 400;
  const loadSeconds = options.loadSeconds ?? 60;
  const soakRate = options.soakRate ?? 200;
  const soakSeconds = options.soakSeconds ?? 300;
  const sampleSeconds = options.sampleSeconds ?? 15;
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-soak-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'soak-server.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, SOAK_GROUPS: String(groups), SEARCH_RATE_LIMIT: '10000000', SEARCH_REFRESH_MS: '5000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const found = /^listening (\S+)/.exec(line)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
    });
    const startMs = performance.now() - started;
    const paths = syntheticCentres(1000).map((c) => `/v1/groups?lat=${c.lat.toFixed(5)}&lng=${c.lng.toFixed(5)}&radius=25&limit=10`);
    const rssBeforeMb = await rssMb(child);
    const load = await fixedRate(url, rate, loadSeconds, paths);

    const rssCurve: [number, number][] = [[0, await rssMb(child)]];
    const soakStarted = performance.now();
    const sampler = setInterval(() => {
      rssMb(child).then(
        (mb) => rssCurve.push([Math.round((performance.now() - soakStarted) / 1000), mb]),
        () => {},
      );
    }, sampleSeconds * 1000);
    const soak = await fixedRate(url, soakRate, soakSeconds, paths);
    clearInterval(sampler);
    rssCurve.push([Math.round((performance.now() - soakStarted) / 1000), await rssMb(child)]);

    const half = rssCurve.find(([s]) => s >= soakSeconds / 2)?.[1] ?? rssCurve[0]![1];
    const last = rssCurve.at(-1)![1];
    return { groups, startMs, load, soak, rssBeforeMb, rssCurve, lateGrowth: (last - half) / half };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The lines docs/performance.md shows. */
export function loadSoakReport(r: LoadSoakResult): string[] {
  const row = (name: string, run: FixedRateRun) =>
    `| ${name} | ${run.rate}/s for ${run.seconds} s | ${run.requests} | ${run.achievedPerSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.non2xx} | ${run.errors} |`;
  return [
    `${r.groups.toLocaleString('en')} groups, server in its own process (ready in ${(r.startMs / 1000).toFixed(1)} s), every request a different search`,
    '',
    '| run | rate | requests | achieved/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---|---|---|---|---|---|',
    row('load', r.load),
    row('soak', r.soak),
    '',
    `Server RSS before the load: ${r.rssBeforeMb.toFixed(0)} MB. During the soak (seconds: MB):`,
    '',
    r.rssCurve.map(([s, mb]) => `${s}: ${mb.toFixed(0)}`).join(', '),
    '',
    `Growth over the soak's second half: ${(r.lateGrowth * 100).toFixed(1)} %`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureLoadAndSoak({
    soakSeconds: Number(process.env.SOAK_SECONDS ?? 300),
    loadSeconds: Number(process.env.LOAD_SECONDS ?? 60),
  });
  for (const line of loadSoakReport(result)) console.log(line);
  if (result.load.errors + result.load.non2xx + result.soak.errors + result.soak.non2xx > 0) {
    console.error('The server answered with errors under load');
    process.exitCode = 1;
  }
}
