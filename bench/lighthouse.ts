/**
 * Lighthouse's mobile performance audit of the demo's home page (its default
 * settings: a mid-range phone, CPU slowed 4×, "Slow 4G" simulated), run
 * against the demo as `npm start` serves it, in the same headless Chromium as
 * the tests. Lighthouse reports the score (target ≥ 0.95) and the metrics it
 * is made of; CLS here is from load only (bench/page-stability.ts follows the
 * page through the first search as well).
 *
 * Standalone, against a running demo:
 *   node --import tsx bench/lighthouse.ts --url http://127.0.0.1:8080
 * @module
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { startDemo } from './finder-paint.js';

export interface LighthouseResult {
  /** The performance category's score, 0 to 1. */
  score: number;
  /** Each metric's value as Lighthouse displays it, by audit id (`largest-contentful-paint`: `1.2 s`). */
  metrics: Record<string, string>;
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The median score of `runs` audits (Lighthouse's scores vary from run to run), with that run's metrics. */
export async function measureLighthouse(options: { url?: string; runs?: number } = {}): Promise<LighthouseResult> {
  const own = options.url ? undefined : await startDemo();
  const url = new URL('/', options.url ?? own!.url).href;
  const browser = await puppeteer.launch({
    executablePath: chromiumExecutable,
    headless: true,
    args: [...chromiumArgs, '--remote-debugging-port=0'],
  });
  try {
    const port = Number(new URL(browser.wsEndpoint()).port);
    const results: LighthouseResult[] = [];
    for (let i = 0; i < (options.runs ?? 3); i++) {
      const answer = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = answer!.lhr;
      results.push({
        score: lhr.categories.performance!.score ?? 0,
        metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? '?'])),
      });
    }
    results.sort((a, b) => a.score - b.score);
    return results[Math.floor(results.length / 2)]!;
  } finally {
    await browser.close();
    await own?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  const r = await measureLighthouse({ url: values.url });
  console.log(`Lighthouse mobile performance ${r.score.toFixed(2)}:`, r.metrics);
}
