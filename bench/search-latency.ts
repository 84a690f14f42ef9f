/**
 * Search inside the server: how long one search takes on the in-memory
 * index over a synthetic UK directory (targets: p50 ≤ 1 ms, p99 ≤ 5 ms at
 * 100,000 groups). Times `DirectoryIndex.search` alone, its answer as the
 * UTF-8 bytes sent; no HTTP, no geocoding.
 *
 * Run alone: `node --conditions=source --import tsx bench/search-latency.ts`
 * @module
 */
import { pathToFileURL } from 'node:url';
import type { SearchQuery } from 'peer-directory/schema';
import { DirectoryIndex } from '../server/src/search/directory-index.js';
import { syntheticCentres, syntheticGroups } from '../server/src/sample/synthetic.js';

/** What to measure. */
export interface SearchLatencyOptions {
  /** Groups in the directory (default 100,000). */
  groups?: number;
  /** Searches timed after the warm-up (default 20,000). */
  searches?: number;
  /** Share of searches with one or two filters (default 0.3). */
  filteredShare?: number;
  seed?: number;
}

/** Latency of one kind of search. */
export interface LatencyRow {
  name: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Searches per second, one after another on one thread. */
  perSecond: number;
  /** Mean size of the JSON answer, in UTF-8 bytes. */
  meanBytes: number;
}

/** Everything {@link measureSearchLatency} measured; times in ms. */
export interface SearchLatency {
  groups: number;
  /** Applying every group to an empty index and merging: preparing each group and building the kdbush tree. */
  buildMs: number;
  /** Applying one change, as a refresh after an approval does (median of 5). */
  rebuildMs: number;
  rows: LatencyRow[];
}

// Filters people plausibly pick, one or two at a time.
const FILTERS: readonly Partial<SearchQuery>[] = [
  { condition: ['type1'] },
  { condition: ['type2'] },
  { condition: ['gestational'] },
  { audience: ['children', 'parents-carers'] },
  { audience: ['families'] },
  { format: ['online'] },
  { model: ['peer-coaching'] },
  { free: true },
  { family: true },
  { language: 'cy' },
  { language: 'pa' },
  { q: 'walk' },
];

/** Times typical first-page searches (25 miles, 10 per page) near random UK towns. */
export async function measureSearchLatency(options: SearchLatencyOptions = {}): Promise<SearchLatency> {
  const { groups: count = 100_000, seed = 1 } = options;
  const { index, buildMs, rebuildMs } = buildIndex(count, seed);
  return { groups: count, buildMs, rebuildMs, rows: timeSearches(index, options) };
}

/** Times searches on an index already built: all, then without and with filters. */
export function timeSearches(index: DirectoryIndex, options: Omit<SearchLatencyOptions, 'groups'> = {}): LatencyRow[] {
  const { searches = 20_000, filteredShare = 0.3, seed = 1 } = options;
  const warmUp = Math.min(2000, searches);
  const centres = syntheticCentres(warmUp + searches, seed + 1);
  let pick = seed;
  const nextFilter = () => FILTERS[(pick = (pick * 1103515245 + 12345) >>> 0) % FILTERS.length]!;
  const queries = centres.map((_, i): { filtered: boolean; query: SearchQuery } => {
    const filtered = (i * 7919) % 1000 < filteredShare * 1000;
    const filters = !filtered ? {} : i % 2 === 0 ? nextFilter() : { ...nextFilter(), ...nextFilter() };
    return { filtered, query: { radius: 25, limit: 10, ...filters } };
  });

  for (let i = 0; i < warmUp; i++) index.search(queries[i]!.query, centres[i]);

  const plain: Sample[] = [];
  const filtered: Sample[] = [];
  for (let i = warmUp; i < centres.length; i++) {
    const { query, filtered: isFiltered } = queries[i]!;
    const t0 = performance.now();
    const bytes = index.search(query, centres[i]).length;
    const ms = performance.now() - t0;
    (isFiltered ? filtered : plain).push({ ms, bytes });
  }

  return [row('all searches', [...plain, ...filtered]), row('no filter', plain), row('one or two filters', filtered)];
}

// In its own function so the groups, as in the server (where they arrive
// from the store's change feed), are garbage once applied.
function buildIndex(count: number, seed: number) {
  const groups = syntheticGroups(count, seed);
  const index = new DirectoryIndex();
  let started = performance.now();
  index.apply({ version: 1, upserts: groups, removed: [] });
  const buildMs = performance.now() - started;
  const rebuilds: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    index.apply({ version: 2 + i, upserts: [{ ...groups[i]!, name: `${groups[i]!.name} (edited)` }], removed: [] });
    rebuilds.push(performance.now() - started);
  }
  return { index, buildMs, rebuildMs: rebuilds.sort((a, b) => a - b)[2]! };
}

interface Sample {
  ms: number;
  bytes: number;
}

function row(name: string, samples: Sample[]): LatencyRow {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const total = times.reduce((sum, t) => sum + t, 0);
  return {
    name,
    count: times.length,
    p50: at(0.5),
    p99: at(0.99),
    max: times.at(-1) ?? 0,
    perSecond: total > 0 ? (times.length / total) * 1000 : 0,
    meanBytes: samples.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, samples.length),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureSearchLatency();
  console.log(`Search latency, ${result.groups.toLocaleString('en')} synthetic groups, in-memory index`);
  console.log(`index build ${result.buildMs.toFixed(0)} ms, rebuild after one change ${result.rebuildMs.toFixed(0)} ms`);
  console.table(
    result.rows.map((r) => ({
      searches: r.name,
      count: r.count,
      'p50 ms': +r.p50.toFixed(3),
      'p99 ms': +r.p99.toFixed(3),
      'max ms': +r.max.toFixed(3),
      'queries/s': Math.round(r.perSecond),
      'mean KB': +(r.meanBytes / 1024).toFixed(1),
    })),
  );
}
