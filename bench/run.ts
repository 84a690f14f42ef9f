/**
 * `npm run bench`: every figure in docs/performance.md, measured in one run
 * so ratios compare like with like. Writes bench/results/latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { measureBundleSizes } from './bundle-size.js';
import { measureSearchLatency } from './search-latency.js';
import { measureHttpThroughput } from './http-throughput.js';
import { measureFinderPaint } from './finder-paint.js';
import { measureLighthouse } from './lighthouse.js';
import { measurePageStability } from './page-stability.js';
import { measureGeocoding } from './geocode.js';
import { loggingTable, measureLoggingCost } from './logging-cost.js';
import { loadSoakReport, measureLoadAndSoak } from './load-soak.js';
import { measureScale, SCALE_HEADER, scaleLine } from './scale.js';
import { measureStaticSearch } from './static-search.js';
import { measureStartTime } from './start-time.js';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

out(`# npm run bench — ${new Date().toISOString()}`);
out(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
out();
out('## Bundle sizes (rollup + terser unless named, gzip -9, brotli -11)');
out('| bundle | min KB | gzip KB | brotli KB | gzip vs Lit baseline built the same way |');
out('|---|---|---|---|---|');
const sizes = await measureBundleSizes();
const gzipOf = new Map(sizes.map((s) => [s.name, s.gzipBytes]));
for (const s of sizes) {
  out(
    `| ${s.name} | ${kb(s.minBytes)} | ${kb(s.gzipBytes)} | ${kb(s.brotliBytes)} | ${(s.gzipBytes / gzipOf.get(s.baseline)!).toFixed(2)}× |`,
  );
}

out();
out('## Search inside the server (100,000 groups, in-memory index)');
const search = await measureSearchLatency({ groups: 100_000 });
out('| query mix | searches | p50 ms | p99 ms | max ms | queries/s | mean answer bytes |');
out('|---|---|---|---|---|---|---|');
for (const row of search.rows) {
  out(
    `| ${row.name} | ${row.count} | ${row.p50.toFixed(3)} | ${row.p99.toFixed(3)} | ${row.max.toFixed(3)} | ${Math.round(row.perSecond)} | ${Math.round(row.meanBytes)} |`,
  );
}
out(`Index build: ${search.buildMs.toFixed(0)} ms; applying one change: ${search.rebuildMs.toFixed(1)} ms`);

out();
out('## Offline geocoding (peer-directory-postcodes-gb: OS Code-Point Open; GeoNames gazetteer)');
const geo = await measureGeocoding();
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
out(`Postcodes looked up: ${geo.postcodeSource}.`);
out('| figure | measured | budget |');
out('|---|---|---|');
out(`| published package, unpacked (tarball) | ${mb(geo.unpackedBytes)} MB (${mb(geo.packedBytes)} MB) | ≤ 15 MB |`);
out(`| postcode data: added RSS after loading, fresh process | ${geo.loadRssMb.toFixed(1)} MB | ≤ 80 MB |`);
out(`| postcode data: load time (added to start-up) | ${geo.loadMs.toFixed(0)} ms | ≤ 1000 ms |`);
out(`| lookup in process, p50 / p99 (batches of 1,000) | ${geo.lookupP50Us.toFixed(2)} / ${geo.lookupP99Us.toFixed(2)} µs | p50 ≤ 5 µs |`);
out(`| the server's geocoder on a postcode not seen before, p50 | ${geo.chainP50Us.toFixed(1)} µs | |`);
if (geo.accuracy) {
  const a = geo.accuracy;
  out(
    `| distance from OS grid reference, ${a.postcodes} postcodes: median / p99 / max | ${a.medianM.toFixed(2)} / ${a.p99M.toFixed(2)} / ${a.maxM.toFixed(2)} m | median ≤ 25 m, p99 ≤ 150 m |`,
  );
} else {
  out('| distance from OS grid reference | skipped: no OS release beside the repository | median ≤ 25 m, p99 ≤ 150 m |');
}
out(
  `| gazetteer: added to start-up / first place name answered | ${geo.gazetteerStartMs.toFixed(0)} / ${geo.gazetteerFirstMs.toFixed(0)} ms | |`,
);
out(
  `| gazetteer: longest event-loop block, at start-up / answering the first place name | ${geo.gazetteerStartBlockMs.toFixed(0)} / ${geo.gazetteerFirstBlockMs.toFixed(0)} ms | |`,
);
out(`| gazetteer: added RSS / heap in use, after a GC | ${geo.gazetteerRssMb.toFixed(1)} / ${geo.gazetteerHeapMb.toFixed(1)} MB | |`);

out();
out('## HTTP throughput (real server, embedded store, 100,000 groups, autocannon on loopback)');
const http = await measureHttpThroughput({ groups: 100_000 });
out(`${http.connections} connections, ${http.durationSeconds} s per route, median of ${http.rounds} alternating rounds`);
out('| route | requests/s | p50 ms | p99 ms | bytes/response | server CPU µs/request | non-2xx | errors |');
out('|---|---|---|---|---|---|---|---|');
for (const row of http.rows) {
  out(
    `| ${row.name} | ${Math.round(row.requestsPerSecond)} | ${row.p50} | ${row.p99} | ${Math.round(row.bytesPerResponse)} | ${row.serverCpuMicros.toFixed(1)} | ${row.non2xx} | ${row.errors} |`,
  );
}
out(`Postcode search / healthz, requests/s: ${(http.ratio * 100).toFixed(0)} % (target ≥ 60 %)`);
out(`Healthz / postcode search, server CPU per request: ${(http.cpuRatio * 100).toFixed(0)} %`);
out(
  `New search / healthz, requests/s: ${(http.newRatio * 100).toFixed(0)} % (target ≥ 50 %); server CPU per request: ${(http.newCpuRatio * 100).toFixed(0)} %`,
);
out(`Default answer (postcode search, 10 groups and 3 online): ${http.answerBytes} bytes of JSON (target ≤ 12,288)`);

// BENCH_SCALE=1000,10000,100000,1000000 adds a million groups (about ten minutes more).
const scaleSizes = (process.env.BENCH_SCALE ?? '1000,10000,100000').split(',').map(Number);
out();
out('## Scale (built CLI, embedded store, synthetic groups; `BENCH_SCALE` sizes)');
out(SCALE_HEADER);
for (const row of await measureScale(scaleSizes)) out(scaleLine(row));

out();
out('## `npm start` when nothing changed: to the first answered search (median of 5 starts, after one uncounted)');
const start = await measureStartTime();
out('| command | to first answer | vs a bare Node HTTP server |');
out('|---|---|---|');
for (const [name, ms] of [
  ['a bare Node HTTP server (baseline)', start.bareNodeMs],
  ['`node server/dist/cli.js serve --demo`', start.serverMs],
  ['`npm start` (npm, wireit, the builds checked, then the server)', start.npmStartMs],
] as const) {
  out(`| ${name} | ${(ms / 1000).toFixed(2)} s | ${(ms / start.bareNodeMs).toFixed(1)} × |`);
}
out(`\`npm start\` with nothing changed: ${(start.npmStartMs / 1000).toFixed(2)} s to the first answered search (target ≤ 3 s)`);

out();
out('## Logging: throughput with no logger, the default (errors and slow requests), and the access log on');
out('10,000 groups, 10 connections, 5 s per route, median of 5 alternating rounds');
for (const line of loggingTable(await measureLoggingCost())) out(line);

out();
out('## Load at a fixed rate, then a soak (100,000 groups)');
const soak = await measureLoadAndSoak({ soakSeconds: Number(process.env.SOAK_SECONDS ?? 300) });
for (const line of loadSoakReport(soak)) out(line);
const loadErrors = soak.load.errors + soak.load.non2xx + soak.soak.errors + soak.soak.non2xx;
if (loadErrors > 0) {
  out(`**${loadErrors} errors or non-2xx answers under load**`);
  process.exitCode = 1;
}

out();
out('## Finder: submit to results painted (headless Chromium, loopback, sample data)');
const paint = await measureFinderPaint({});
out(`p50 ${paint.p50.toFixed(1)} ms, p95 ${paint.p95.toFixed(1)} ms over ${paint.runs} searches (target ≤ 100 ms)`);

out();
out('## Lighthouse: the home page, mobile (its default phone, CPU 4× slower, Slow 4G simulated), median of 3');
const audit = await measureLighthouse();
out(
  `performance ${audit.score.toFixed(2)} (target ≥ 0.95); ${Object.entries(audit.metrics)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);

out();
out('## A directory with no server: createStaticDirectory in headless Chromium (synthetic groups, loopback file server)');
const statics = await measureStaticSearch({ groups: 5000 });
out(
  `${statics.groups} groups: file ${kb(statics.fileBytes)} KB (${kb(statics.gzipBytes)} KB gzip; groups ${kb(statics.groupBytes)} KB, ` +
    `${statics.places} places ${kb(statics.placeBytes)} KB); first call (fetch, parse, index) ${statics.loadMs.toFixed(0)} ms`,
);
out(
  `search p50 ${statics.p50.toFixed(1)} ms, p95 ${statics.p95.toFixed(1)} ms, p99 ${statics.p99.toFixed(1)} ms, max ${statics.max.toFixed(1)} ms, ` +
    `mean ${statics.mean.toFixed(3)} ms over ${statics.runs} searches (target < 5 ms)`,
);
out(
  `What <peer-finder src> adds, gzip: ${[...gzipOf]
    .filter(([name]) => name.includes('static directory search'))
    .map(([name, bytes]) => `${name.replace(/ static directory search.*/, '')} ${kb(bytes)} KB`)
    .join('; ')} (target ≤ 6 KB)`,
);

out();
out('## Home page: layout shift (CLS) from load through the first search (headless Chromium, sample data)');
out('| device | CLS (target ≤ 0.1) | every shift, those just after Enter included | results painted, ms after navigation |');
out('|---|---|---|---|');
for (const r of await measurePageStability()) {
  out(`| ${r.device} | ${r.cls.toFixed(3)} | ${r.allShifts.toFixed(3)} | ${r.doneMs.toFixed(0)} |`);
}

mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'results/latest.md'), lines.join('\n') + '\n');
