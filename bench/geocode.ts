/**
 * Offline geocoding: what the GB postcode data costs (disk, memory, start-up),
 * how fast a lookup is, and how close it is to Ordnance Survey's own grid
 * references (budgets: ≤ 15 MB published, ≤ 80 MB RSS, ≤ 1 s start-up,
 * lookup p50 ≤ 5 µs; median ≤ 25 m, p99 ≤ 150 m). Also what the gazetteer
 * costs the server: start-up, resident memory, and how long it keeps the
 * event loop from answering requests.
 *
 * Run alone: `node --conditions=source --import tsx bench/geocode.ts` (after
 * `npm run build`). The agreement with OS is measured over the whole OS
 * release when it lies beside the repository (`../shared/data/codepoint-open`);
 * without it that figure is skipped, and lookups are timed on the committed
 * sample in test/fixtures/codepoint-open.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import { createGeocoder } from '../server/src/geocode/index.js';
import { fromOsRow, readSample, type OsPostcode } from '../test/support/codepoint.js';
import { milesBetween } from '../test/support/distance.js';
import { RELEASE, readReleaseRows, releaseAvailable } from './codepoint-release.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Everything {@link measureGeocoding} measured. */
export interface GeocodeFigures {
  /** The published package: tarball and unpacked bytes (`npm pack --dry-run`). */
  packedBytes: number;
  unpackedBytes: number;
  /** Loading the postcode data in a fresh process: time, and resident memory added after a GC. */
  loadMs: number;
  loadRssMb: number;
  /** The gazetteer in a fresh process whose postcode data is loaded: what it adds to `createGeocoder` (start-up), ms. */
  gazetteerStartMs: number;
  /** The first place name asked for (`Otley`), ms. */
  gazetteerFirstMs: number;
  /** The longest the event loop could not run (`monitorEventLoopDelay`), ms: in `createGeocoder` (before the server listens), and while the first place name is answered (a request the others wait behind). */
  gazetteerStartBlockMs: number;
  gazetteerFirstBlockMs: number;
  /** Resident memory and heap in use added after a GC, once the first place name has been answered, MB. */
  gazetteerRssMb: number;
  gazetteerHeapMb: number;
  /** `GbPostcodes.locate`, µs per lookup: p50 and p99 over batches of 1,000 random postcodes. */
  lookupP50Us: number;
  lookupP99Us: number;
  /** The server's whole geocoder (recognise, LRU, data) on postcodes it has not seen: µs. */
  chainP50Us: number;
  /** Distance from OS's grid reference (converted independently), metres, over every postcode of the release; undefined when the release is not beside the repository. */
  accuracy?: { postcodes: number; medianM: number; p99M: number; maxM: number };
  /** Where the postcodes looked up came from: the whole release, or (without it) the committed test sample. */
  postcodeSource: string;
}

/** Runs a module script in a fresh Node process (GC exposed) and returns the JSON it prints last. */
function inFreshProcess<T>(code: string): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

/** Memory and time of loading the postcode data in a fresh process, after a GC on each side. */
function loadPostcodesFresh(): { ms: number; rssMb: number } {
  return inFreshProcess(`
    const { loadPostcodes } = await import('peer-directory-postcodes-gb');
    globalThis.gc();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    loadPostcodes();
    const ms = performance.now() - started;
    globalThis.gc();
    console.log(JSON.stringify({ ms, rssMb: (process.memoryUsage().rss - before) / 1e6 }));`);
}

/**
 * The gazetteer's cost in the built server's geocoder: the postcode data is
 * loaded first, outside the figures. The event-loop delay histogram samples
 * every millisecond, so its maximum is the longest stretch during which the
 * server could have answered no request.
 */
export function measureGazetteer(): Pick<
  GeocodeFigures,
  'gazetteerStartMs' | 'gazetteerFirstMs' | 'gazetteerStartBlockMs' | 'gazetteerFirstBlockMs' | 'gazetteerRssMb' | 'gazetteerHeapMb'
> {
  return inFreshProcess(`
    import { monitorEventLoopDelay } from 'node:perf_hooks';
    import { setTimeout as sleep } from 'node:timers/promises';
    (await import('peer-directory-postcodes-gb')).loadPostcodes();
    const { createGeocoder } = await import('./server/dist/geocode/index.js');
    globalThis.gc();
    const before = process.memoryUsage();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await sleep(20);
    let started = performance.now();
    const geocoder = createGeocoder();
    const gazetteerStartMs = performance.now() - started;
    await sleep(20);
    const gazetteerStartBlockMs = delay.max / 1e6;
    delay.reset();
    // The histogram counts a stall only from its first sample after a reset.
    await sleep(5);
    started = performance.now();
    const otley = await geocoder.geocode('Otley');
    const gazetteerFirstMs = performance.now() - started;
    await sleep(20);
    delay.disable();
    if (otley.label !== 'Otley, England') throw new Error('Otley: ' + otley.label);
    globalThis.gc();
    const after = process.memoryUsage();
    console.log(JSON.stringify({
      gazetteerStartMs, gazetteerFirstMs, gazetteerStartBlockMs, gazetteerFirstBlockMs: delay.max / 1e6,
      gazetteerRssMb: (after.rss - before.rss) / 1e6, gazetteerHeapMb: (after.heapUsed - before.heapUsed) / 1e6,
    }));`);
}

const percentile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

/** Measures the offline geocoding figures. */
export async function measureGeocoding(): Promise<GeocodeFigures> {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json', '-w', 'peer-directory-postcodes-gb'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as { size: number; unpackedSize: number }[];
  const load = loadPostcodesFresh();
  const gazetteer = measureGazetteer();

  const postcodes = loadPostcodes();
  let rows: OsPostcode[];
  let accuracy: GeocodeFigures['accuracy'];
  let postcodeSource: string;
  if (releaseAvailable()) {
    rows = [...(await readReleaseRows()).values()]
      .flat()
      .map(fromOsRow)
      .filter((r) => r.quality !== 90);
    const errors = rows.map((r) => milesBetween(postcodes.locate(r.postcode)!, r) * 1609.344).sort((a, b) => a - b);
    accuracy = { postcodes: errors.length, medianM: percentile(errors, 0.5), p99M: percentile(errors, 0.99), maxM: errors.at(-1)! };
    postcodeSource = `the whole OS release (${RELEASE})`;
  } else {
    const sample = readSample();
    rows = [...sample.spread, ...sample.whole].filter((r) => r.quality !== 90);
    postcodeSource = `the test sample (test/fixtures/codepoint-open): the OS release is not at ${RELEASE}, so agreement with OS over the whole release is not measured`;
  }

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
    ...gazetteer,
    lookupP50Us: percentile(batches, 0.5),
    lookupP99Us: percentile(batches, 0.99),
    chainP50Us: percentile(chain, 0.5),
    accuracy,
    postcodeSource,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await measureGeocoding());
}
