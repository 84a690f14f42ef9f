/**
 * The finder's speed as people feel it: from pressing Enter on a postcode to
 * the results painted, in headless Chromium, on the demo page served by the
 * real server with the sample data, over loopback.
 *
 * The finder marks `peer-finder-search` (performance.mark) when it handles
 * the submit; the page then waits for its `peer-results` event (fired once
 * the result list is in the DOM), one animation frame (style, layout) and a
 * task after it (the frame has been painted). The browser cache is off, so
 * every search goes to the server.
 *
 * Standalone, against a running demo:
 *   node --import tsx bench/finder-paint.ts --url http://127.0.0.1:8080 [--runs 20]
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';

export interface FinderPaintOptions {
  /** A running demo site (`npm start`); when absent one is started from the built server with the sample data. */
  url?: string;
  /** Measured searches (after 3 unmeasured warm-up searches). Default 20. */
  runs?: number;
  /** Chromium to drive. Default `CHROME_PATH` or /usr/bin/chromium. */
  executablePath?: string;
}

export interface FinderPaint {
  p50: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  /** Every measurement, ms, in the order taken. */
  samples: number[];
}

/** Postcodes and ZIP codes the sample data has groups near; cycled so no two searches in a row match. */
const PLACES = ['SW1A 1AA', 'LS1 3AB', 'M1 1AE', 'B1 1BB', 'CF10 1EP', 'EH1 1YZ', 'BS1 4DJ', 'NE1 7RU', '10001', '60601'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** Opens the demo page and measures submit-to-painted for `runs` searches; returns p50/p95 in ms. */
export async function measureFinderPaint(options: FinderPaintOptions = {}): Promise<FinderPaint> {
  const runs = options.runs ?? 20;
  const own = options.url ? undefined : await startDemo();
  const url = options.url ?? own!.url;
  const browser = await puppeteer.launch({
    executablePath: options.executablePath ?? chromiumExecutable,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setCacheEnabled(false);
    await page.goto(new URL('/', url).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () => customElements.get('peer-finder') && document.querySelector('peer-finder')?.shadowRoot?.querySelector('#place'),
    );
    const field = await page.waitForSelector('peer-finder >>> #place');

    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const place = PLACES[i % PLACES.length]!;
      await field!.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(place);
      // Listen first, then press Enter: the page resolves with ms from the finder's submit mark to the painted frame.
      await page.evaluate(() => {
        performance.clearMarks('peer-finder-search');
        const finder = document.querySelector('peer-finder')!;
        (window as { __painted?: Promise<number> }).__painted = new Promise<number>((resolve) => {
          finder.addEventListener(
            'peer-results',
            () =>
              requestAnimationFrame(() =>
                setTimeout(() => {
                  const [mark] = performance.getEntriesByName('peer-finder-search', 'mark');
                  resolve(performance.now() - mark!.startTime);
                }),
              ),
            { once: true },
          );
        });
      });
      await page.keyboard.press('Enter');
      const ms = await page.evaluate(() => (window as { __painted?: Promise<number> }).__painted!);
      if (i >= 3) samples.push(ms);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      min: sorted[0]!,
      max: sorted.at(-1)!,
      runs: samples.length,
      samples,
    };
  } finally {
    await browser.close();
    await own?.close();
  }
}

/** The demo as `npm start` serves it (the built server, sample data), in a throwaway data directory. */
export async function startDemo(): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peer-bench-paint-'));
  const serverUrl = new URL('../server/dist/index.js', import.meta.url).href;
  const { createServer, loadConfig } = (await import(serverUrl)) as typeof import('../server/src/index.js');
  const server = await createServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }, { demo: true }));
  const url = await server.listen();
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string' } } });
  const result = await measureFinderPaint({ url: values.url, runs: values.runs ? Number(values.runs) : undefined });
  console.log(
    `finder submit → results painted: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms ` +
      `(min ${result.min.toFixed(1)}, max ${result.max.toFixed(1)}) over ${result.runs} searches`,
  );
}
