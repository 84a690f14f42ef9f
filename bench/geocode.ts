/**
 * Offline geocoding: what the GB postcode data costs (disk, memory, start-up),
 * how fast a lookup is, and how close it is to Ordnance Survey's own grid
 * references (budgets: ≤ 15 MB published, ≤ 80 MB RSS, ≤ 1 s start-up,
 * lookup p50 ≤ 5 µs; median ≤ 25 m, p99 ≤ 150 m). Also the gazetteer's load cost.
 *
 * Run alone: `node --conditions=source --import tsx bench/geocode.ts` (needs
 * `../shared/data/codepoint-open` beside the repository, and `npm run build`).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import { createGeocoder } from '../server/src/geocode/index.js';
import { milesBetween } from '../test/support/distance.js';
import { readRelease } from '../test/support/os-release.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Everything {@link measureGeocoding} measured. */
export interface GeocodeFigures {
  /** The published package: tarball and unpacked bytes (`npm pack --dry-run`). */
  packedBytes: number;
  unpackedBytes: number;
  /** Loading the postcode data in a fresh process: time, and resident memory added after a GC. */
  loadMs: number;
  loadRssMb: number;
  /** The same for the gazetteer (loaded on the first place name or BT/GY/JE/IM postcode). */
  gazetteerMs: number;
  gazetteerRssMb: number;
  /** Of which still in use after a GC: most is V8 keeping freed pages. */
  gazetteerHeapMb: number;
  /** `GbPostcodes.locate`, µs per lookup: p50 and p99 over batches of 1,000 random postcodes. */
  lookupP50Us: number;
  lookupP99Us: number;
  /** The server's whole geocoder (recognise, LRU, data) on postcodes it has not seen: µs. */
  chainP50Us: number;
  /** Distance from OS's grid reference (converted independently), metres. */
  postcodes: number;
  medianM: number;
  p99M: number;
  maxM: number;
}

/** Memory and time of loading one module in a fresh Node process, after a GC on each side. */
function loadInFreshProcess(script: string, setup = ''): { ms: number; rssMb: number; heapMb: number } {
  const code = `
    ${setup}
    const gc = globalThis.gc;
    gc();
    const before = process.memoryUsage();
    const started = performance.now();
    ${script}
    const ms = performance.now() - started;
    gc();
    const after = process.memoryUsage();
    console.log(JSON.stringify({ ms, rssMb: (after.rss - before.rss) / 1e6, heapMb: (after.heapUsed - before.heapUsed) / 1e6 }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; rssMb: number; heapMb: number };
}

const percentile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

/** Measures the offline geocoding figures. */
export async function measureGeocoding(): Promise<GeocodeFigures> {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '-w', 'peer-directory-postcodes-gb'], { cwd: ROOT, encoding: 'utf8' }),
  ) as { size: number; unpackedSize: number }[];
  const load = loadInFreshProcess(`const { loadPostcodes } = await import('peer-directory-postcodes-gb'); loadPostcodes();`);
  // The gazetteer alone: the postcode data it uses for labels is loaded first, outside the timing.
  const gazetteer = loadInFreshProcess(
    `await findPlace('Leeds');`,
    `const { findPlace } = await import('./server/dist/geocode/gazetteer.js');
     (await import('peer-directory-postcodes-gb')).loadPostcodes();`,
  );

  const postcodes = loadPostcodes();
  const rows = (await readRelease()).filter((r) => r.quality !== 90);
  const errors = rows.map((r) => milesBetween(postcodes.locate(r.postcode)!, r) * 1609.344).sort((a, b) => a - b);

  const names = rows.map((r) => r.postcode);
  for (let i = names.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const batches: number[] = [];
  let sink = 0;
  for (let b = 0; b < 400; b += 1) {
    const start = (b * 1000) % (names.length - 1000);
    const started = performance.now();
    for (let i = start; i < start + 1000; i += 1) sink += postcodes.locate(names[i]!)!.lat;
    batches.push(((performance.now() - started) * 1000) / 1000);
  }
  if (sink === 0) throw new Error('lookups were optimised away');
  batches.sort((a, b) => a - b);

  const geocoder = createGeocoder({ memoryEntries: 1_000_000 });
  const chain: number[] = [];
  for (const name of names.slice(0, 20_000)) {
    const started = performance.now();
    await geocoder.geocode(name);
    chain.push((performance.now() - started) * 1000);
  }
  chain.sort((a, b) => a - b);

  return {
    packedBytes: pack!.size,
    unpackedBytes: pack!.unpackedSize,
    loadMs: load.ms,
    loadRssMb: load.rssMb,
    gazetteerMs: gazetteer.ms,
    gazetteerRssMb: gazetteer.rssMb,
    gazetteerHeapMb: gazetteer.heapMb,
    lookupP50Us: percentile(batches, 0.5),
    lookupP99Us: percentile(batches, 0.99),
    chainP50Us: percentile(chain, 0.5),
    postcodes: errors.length,
    medianM: percentile(errors, 0.5),
    p99M: percentile(errors, 0.99),
    maxM: errors.at(-1)!,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await measureGeocoding());
}
