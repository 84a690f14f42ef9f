/**
 * A directory with no server, in headless Chromium: `createStaticDirectory`
 * over a static directory file of synthetic groups (`export --format
 * static`'s own writer), served by a plain file server over loopback. Times
 * the first call (download, parse, index) and then searches by postcode,
 * district and town, with and without filters, each measured in the page
 * with `performance.now()` around the SDK call.
 *
 * Standalone (after `npm run build`):
 *   node --conditions=source --import tsx bench/static-search.ts [--groups 5000] [--runs 500]
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import puppeteer from 'puppeteer-core';
import type { SearchQuery } from 'peer-directory';
import type { StaticDirectory } from 'peer-directory/schema';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { toStaticDirectory } from '../server/src/export/formats.js';
import { createGeocoder } from '../server/src/geocode/index.js';
import { syntheticGroups } from '../server/src/sample/synthetic.js';

const root = resolve(import.meta.dirname, '..');

export interface StaticSearchOptions {
  /** Groups in the file. Default 5,000. */
  groups?: number;
  /** Measured searches (after 50 unmeasured). Default 500. */
  runs?: number;
}

export interface StaticSearch {
  groups: number;
  fileBytes: number;
  gzipBytes: number;
  /** The first call: fetching, parsing and indexing the file, ms. */
  loadMs: number;
  /** One search, ms (Chromium's clock ticks in 0.1 ms steps here). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Every measured search's time added up, over their count. */
  mean: number;
  runs: number;
  /** Of the file: its groups' part and its places' part, bytes. */
  groupBytes: number;
  placeBytes: number;
  places: number;
}

/** Searches as the finder sends them: places the file holds, a default radius, filters now and then. */
const QUERIES: SearchQuery[] = [
  { near: 'LS1 3AB' },
  { near: 'Manchester' },
  { near: 'SW1A', condition: ['type1'] },
  { near: 'B1 1BB', radius: 50, free: true },
  { near: 'CF10', language: 'cy' },
  { near: 'EH1 1YZ', format: ['in-person'], audience: ['families'] },
  { near: 'Bristol', q: 'walking' },
  { near: 'NE1', radius: 10, model: ['support-group'] },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

export async function measureStaticSearch(options: StaticSearchOptions = {}): Promise<StaticSearch> {
  const groups = options.groups ?? 5000;
  const runs = options.runs ?? 500;
  const dir = mkdtempSync(join(tmpdir(), 'peer-static-bench-'));
  const files = Fastify();
  const browser = await puppeteer.launch({ executablePath: chromiumExecutable, headless: true, args: chromiumArgs });
  try {
    const text = await toStaticDirectory(syntheticGroups(groups), [], createGeocoder());
    writeFileSync(join(dir, 'directory.json'), text);
    // The SDK's static entry as a page's bundler makes it, minified.
    await build({
      entryPoints: [join(root, 'dist/sdk/static-directory.js')],
      outfile: join(dir, 'static.js'),
      bundle: true,
      format: 'esm',
      minify: true,
      platform: 'browser',
      conditions: ['production'],
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>static search</title>');
    await files.register(fastifyStatic, { root: dir });
    const url = await files.listen({ port: 0, host: '127.0.0.1' });

    const page = await browser.newPage();
    await page.goto(`${url}/index.html`);
    const result = await page.evaluate(
      async (queries, runs) => {
        const entry: string = '/static.js';
        const { createStaticDirectory } = (await import(entry)) as typeof import('peer-directory/static');
        const directory = createStaticDirectory('/directory.json');
        let start = performance.now();
        await directory.taxonomy();
        const loadMs = performance.now() - start;
        const samples: number[] = [];
        let found = 0;
        for (let i = 0; i < runs + 50; i++) {
          start = performance.now();
          const answer = await directory.groups.search(queries[i % queries.length]!);
          const ms = performance.now() - start;
          found += answer.groups.length;
          if (i >= 50) samples.push(ms);
        }
        return { loadMs, samples, found };
      },
      QUERIES,
      runs,
    );
    if (result.found === 0) throw new Error('the searches found no groups: the benchmark measures nothing');
    const sorted = [...result.samples].sort((a, b) => a - b);
    const file = JSON.parse(text) as StaticDirectory;
    return {
      groups,
      fileBytes: statSync(join(dir, 'directory.json')).size,
      gzipBytes: gzipSync(readFileSync(join(dir, 'directory.json')), { level: 9 }).length,
      groupBytes: JSON.stringify(file.groups).length,
      placeBytes: JSON.stringify(file.places).length,
      places: file.places.length,
      loadMs: result.loadMs,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1]!,
      mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
      runs,
    };
  } finally {
    await browser.close();
    await files.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({ options: { groups: { type: 'string' }, runs: { type: 'string' } } });
  const r = await measureStaticSearch({ groups: Number(values.groups ?? 5000), runs: Number(values.runs ?? 500) });
  console.log(JSON.stringify(r, null, 2));
}
