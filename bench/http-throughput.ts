/**
 * HTTP throughput of the real server: `/healthz` (the floor: routing,
 * hooks, a constant answer) against a typical postcode search over 100,000
 * groups, measured the same way in the same run. The ratio says how much a
 * search costs on top of serving any request at all.
 *
 * - The server runs in this process on the embedded store, seeded through
 *   `store.putGroups`; autocannon runs as a child process so the load
 *   generator does not share the server's event loop (it does share the
 *   machine's cores: on 2 cores the client's parsing is part of every figure).
 * - Requests carry `Accept-Encoding: gzip, deflate, br`, as every browser
 *   and CDN sends.
 * - Routes are measured in alternating rounds and the median round is
 *   reported, so a burst of other work on the machine skews both sides alike.
 * - A third row asks a different search on every request (1,000 places, and
 *   a throwaway parameter so no URL repeats): the cost of a search nobody
 *   asked for recently, with geocoding-free `lat`/`lng`, compression included.
 *
 * - autocannon decodes every response body into a string
 *   (`req.body += data`), which is slow for compressed bytes: on a 2-core
 *   machine that client cost caps requests/s for any compressed answer. The
 *   server's own CPU per request is measured too, as the figure that holds
 *   when the server, not the client, is the bottleneck.
 *
 * Standalone: `node --conditions=source --import tsx bench/http-throughput.ts`
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createServer } from '../server/src/index.js';
import { loadConfig, type Config } from '../server/src/config.js';
import { syntheticCentres, syntheticGroups } from '../server/src/sample/synthetic.js';

const run = promisify(execFile);
const autocannonModule = createRequire(import.meta.url).resolve('autocannon');
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** One route's figures (the median round). */
export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  /** Latency percentiles, in ms. */
  p50: number;
  p99: number;
  /** Mean bytes per response on the wire, headers included. */
  bytesPerResponse: number;
  /**
   * The server's CPU time per request (user + system, this process, zlib's
   * threads included), in µs: what the request cost the server, whatever
   * the load generator's own limits.
   */
  serverCpuMicros: number;
  /** Answers that were not 2xx, and connection errors: both are 0 when the figures count. */
  non2xx: number;
  errors: number;
}

/** Options of {@link measureHttpThroughput}. */
export interface HttpThroughputOptions {
  /** Published groups (synthetic, clustered around UK towns). Default 100,000. */
  groups?: number;
  /** Concurrent connections, the same for every route. Default 10. */
  connections?: number;
  /** Measured seconds per route per round, after one warm-up of `warmupSeconds` per route. Defaults 10 and 3. */
  durationSeconds?: number;
  warmupSeconds?: number;
  /** Alternating rounds; the median is reported. Default 3. */
  rounds?: number;
  /** The postcode searched near. Default `LS1 4AP` (Leeds city centre). */
  postcode?: string;
}

/** What {@link measureHttpThroughput} found. */
export interface HttpThroughputResult {
  groups: number;
  connections: number;
  durationSeconds: number;
  rounds: number;
  /** Seeding the store and loading the search index, in ms (not part of the figures). */
  startMs: number;
  /** healthz, the postcode search, then a different search every request. */
  rows: ThroughputRow[];
  /** Postcode search requests/s divided by healthz requests/s (target ≥ 0.60). */
  ratio: number;
  /** Server CPU per healthz request divided by server CPU per postcode search: the ratio when the server is the bottleneck. */
  cpuRatio: number;
  /** The same two ratios for a search nobody asked before (target ≥ 0.50 of requests/s). */
  newRatio: number;
  newCpuRatio: number;
  /** The uncompressed JSON of the benchmark's postcode search, in bytes (target ≤ 12 KB). */
  answerBytes: number;
}

/** One route under load: a URL, or paths cycled one per request. */
export interface Load {
  name: string;
  url: string;
  /** Paths to cycle through, one per request; absent: always `url`. */
  paths?: string[];
}

/** Measures `/healthz` and searches on the real server; see the module comment. */
export async function measureHttpThroughput(options: HttpThroughputOptions = {}): Promise<HttpThroughputResult> {
  const groups = options.groups ?? 100_000;
  const connections = options.connections ?? 10;
  const durationSeconds = options.durationSeconds ?? 10;
  const warmupSeconds = options.warmupSeconds ?? 3;
  const rounds = options.rounds ?? 3;
  const postcode = options.postcode ?? 'LS1 4AP';

  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-bench-'));
  // Every request comes from this one address: the search and feed limits would stop the load generator.
  const config: Config = {
    ...loadConfig({ PORT: '0', SEARCH_REFRESH_MS: '60000', SEARCH_RATE_LIMIT: '10000000', FEED_RATE_LIMIT: '1000000' }),
    dataDir,
  };
  const started = performance.now();
  const server = await createServer(config, { seed: syntheticGroups(groups) });
  const startMs = performance.now() - started;
  try {
    const base = await server.listen();
    const searchUrl = `${base}/v1/groups?near=${encodeURIComponent(postcode)}&radius=25&limit=10`;
    const answerBytes = await checkSearchFindsGroups(searchUrl);
    const loads: Load[] = [
      { name: 'GET /healthz', url: `${base}/healthz` },
      { name: `GET /v1/groups?near=${postcode}&radius=25&limit=10`, url: searchUrl },
      {
        name: 'GET /v1/groups?lat=&lng=&radius=25&limit=10, a different search every request',
        url: `${base}/v1/groups`,
        paths: syntheticCentres(1000).map((c) => `/v1/groups?lat=${c.lat.toFixed(5)}&lng=${c.lng.toFixed(5)}&radius=25&limit=10`),
      },
    ];

    for (const load of loads) await autocannon(load, connections, warmupSeconds);
    const measured: ThroughputRow[][] = loads.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, load] of loads.entries()) measured[i]!.push(await autocannon(load, connections, durationSeconds));
    }
    const rows = measured.map(median);
    return {
      groups,
      connections,
      durationSeconds,
      rounds,
      startMs,
      rows,
      ratio: rows[1]!.requestsPerSecond / rows[0]!.requestsPerSecond,
      cpuRatio: rows[0]!.serverCpuMicros / rows[1]!.serverCpuMicros,
      newRatio: rows[2]!.requestsPerSecond / rows[0]!.requestsPerSecond,
      newCpuRatio: rows[0]!.serverCpuMicros / rows[2]!.serverCpuMicros,
      answerBytes,
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// A search that finds nothing would be fast for the wrong reason. Resolves to the answer's size.
async function checkSearchFindsGroups(url: string): Promise<number> {
  const response = await fetch(url);
  const text = await response.text();
  const body = JSON.parse(text) as { groups?: unknown[] };
  if (response.status !== 200 || body.groups?.length !== 10) {
    throw new Error(`The benchmark search should find a full page of groups; got ${response.status} ${text.slice(0, 300)}`);
  }
  return Buffer.byteLength(text);
}

function median(rounds: ThroughputRow[]): ThroughputRow {
  return rounds.toSorted((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(rounds.length / 2)]!;
}

// The load generator, run in a child process: autocannon's API, so a run can
// cycle through many paths (its CLI takes one URL).
const LOAD_GENERATOR = `
const autocannon = require(process.argv[1]);
const { url, connections, duration, headers, paths } = JSON.parse(process.argv[2]);
let next = 0;
const requests = paths
  ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] + '&_=' + next }) }]
  : undefined;
autocannon({ url, connections, duration, headers, requests }, (error, result) => {
  if (error) throw error;
  process.stdout.write(JSON.stringify(result));
});
`;

/** Runs autocannon against one load for `duration` seconds, in a child process. */
export async function autocannon(load: Load, connections: number, duration: number): Promise<ThroughputRow> {
  const cpuBefore = process.cpuUsage();
  const { stdout } = await run(
    process.execPath,
    [
      '-e',
      LOAD_GENERATOR,
      autocannonModule,
      JSON.stringify({ url: load.url, connections, duration, headers: BROWSER_HEADERS, paths: load.paths }),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    throughput: { total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  const cpu = process.cpuUsage(cpuBefore);
  return {
    name: load.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    serverCpuMicros: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureHttpThroughput();
  console.log(
    `${result.groups} groups; ${result.connections} connections; median of ${result.rounds} rounds of ` +
      `${result.durationSeconds} s per route (server ready in ${(result.startMs / 1000).toFixed(1)} s)`,
  );
  console.log('| route | requests/s | p50 ms | p99 ms | bytes/response | server CPU µs/request | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of result.rows) {
    console.log(
      `| ${row.name} | ${Math.round(row.requestsPerSecond)} | ${row.p50} | ${row.p99} | ${row.bytesPerResponse} | ` +
        `${row.serverCpuMicros.toFixed(1)} | ${row.non2xx} | ${row.errors} |`,
    );
  }
  console.log(`postcode search / healthz, requests/s: ${(result.ratio * 100).toFixed(0)} % (target ≥ 60 %)`);
  console.log(`healthz / postcode search, server CPU per request: ${(result.cpuRatio * 100).toFixed(0)} %`);
  console.log(
    `new search / healthz, requests/s: ${(result.newRatio * 100).toFixed(0)} % (target ≥ 50 %); server CPU: ${(result.newCpuRatio * 100).toFixed(0)} %`,
  );
  console.log(`default answer: ${result.answerBytes} bytes of JSON (target ≤ 12,288)`);
}
