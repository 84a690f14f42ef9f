/**
 * What logging costs in throughput: three servers side by side, with no
 * logger, with the production default (a logger writing errors and slow
 * requests only, ACCESS_LOG off), and with the access log on (one line per
 * request), each writing to a real file. Routes and servers are measured in
 * alternating rounds and the median round reported, so other work on the
 * machine weighs on all three alike. The access log's cost decides its
 * default (issue 11: at most 5 % of throughput, or off by default).
 *
 * Standalone: `node --conditions=source --import tsx bench/logging-cost.ts`
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type DirectoryServer } from '../server/src/index.js';
import { loadConfig } from '../server/src/config.js';
import { syntheticGroups } from '../server/src/sample/synthetic.js';
import { autocannon, type ThroughputRow } from './http-throughput.js';

/** One logging set-up's figures for healthz and the postcode search. */
export interface LoggingCostRow {
  mode: string;
  healthz: ThroughputRow;
  search: ThroughputRow;
}

const MODES = [
  { mode: 'no logger', env: {}, log: false },
  { mode: 'logger, ACCESS_LOG=off (the default: errors and slow requests)', env: { ACCESS_LOG: 'off' }, log: true },
  { mode: 'logger, ACCESS_LOG=on (a line per request)', env: { ACCESS_LOG: 'on' }, log: true },
];

/** Measures each logging set-up (10,000 groups: the search's own cost is not the question here). */
export async function measureLoggingCost(options: { durationSeconds?: number; rounds?: number } = {}): Promise<LoggingCostRow[]> {
  const rounds = options.rounds ?? 5;
  const duration = options.durationSeconds ?? 5;
  const dir = await mkdtemp(join(tmpdir(), 'peer-directory-logs-'));
  const servers: DirectoryServer[] = [];
  const files: WriteStream[] = [];
  try {
    const urls: string[] = [];
    for (const [i, { env, log }] of MODES.entries()) {
      const file = log ? createWriteStream(join(dir, `${i}.log`)) : undefined;
      if (file) files.push(file);
      const config = {
        ...loadConfig({ PORT: '0', SEARCH_REFRESH_MS: '60000', SEARCH_RATE_LIMIT: '10000000', ...env }),
        dataDir: join(dir, `data-${i}`),
      };
      const server = await createServer(config, { seed: syntheticGroups(10_000), ...(file ? { logger: { stream: file } } : {}) });
      servers.push(server);
      urls.push(await server.listen());
    }
    const loads = urls.map((base) => [
      { name: 'GET /healthz', url: `${base}/healthz` },
      { name: 'GET /v1/groups?near=LS1 4AP', url: `${base}/v1/groups?near=LS1%204AP&radius=25&limit=10` },
    ]);
    for (const pair of loads) for (const load of pair) await autocannon(load, 10, 2);
    const measured = loads.map(() => [[] as ThroughputRow[], [] as ThroughputRow[]]);
    for (let round = 0; round < rounds; round++) {
      for (const [m, pair] of loads.entries()) {
        for (const [r, load] of pair.entries()) measured[m]![r]!.push(await autocannon(load, 10, duration));
      }
    }
    const median = (rows: ThroughputRow[]) =>
      rows.toSorted((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(rows.length / 2)]!;
    return MODES.map(({ mode }, m) => ({ mode, healthz: median(measured[m]![0]!), search: median(measured[m]![1]!) }));
  } finally {
    for (const server of servers) await server.close();
    for (const file of files) {
      file.end();
      await once(file, 'finish');
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The table docs/performance.md shows. Server CPU per request is the figure
 * to judge by: requests/s on a shared 2-core machine move with whatever else
 * runs, CPU per request much less.
 */
export function loggingTable(rows: LoggingCostRow[]): string[] {
  const base = rows[0]!;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  const us = (row: ThroughputRow) => row.serverCpuMicros.toFixed(1);
  return [
    '| logging | healthz req/s | healthz CPU µs/req | vs no logger | search req/s | search CPU µs/req | vs no logger |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${Math.round(r.healthz.requestsPerSecond)} | ${us(r.healthz)} | ${pct(r.healthz.serverCpuMicros, base.healthz.serverCpuMicros)} | ` +
        `${Math.round(r.search.requestsPerSecond)} | ${us(r.search)} | ${pct(r.search.serverCpuMicros, base.search.serverCpuMicros)} |`,
    ),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of loggingTable(await measureLoggingCost())) console.log(line);
}
