/**
 * Whether the demo's home page jumps, from load through the first search:
 * the cumulative layout shift (CLS) Chromium reports through a
 * `layout-shift` PerformanceObserver, on a phone (360 px wide, CPU slowed
 * 4×, "Slow 4G" network) and on a desktop (1280 px). The observer is
 * installed before the page's first byte; the person types a postcode and
 * presses Enter once the field shows, and the measurement ends when the
 * results have been painted.
 *
 * Chromium leaves out of CLS the shifts within 500 ms of an input (results
 * arriving after Enter are expected to move things); `allShifts` counts
 * those too, as the stricter figure.
 *
 * Standalone, against a running demo:
 *   node --import tsx bench/page-stability.ts --url http://127.0.0.1:8080
 * @module
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { PredefinedNetworkConditions, type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { startDemo } from './finder-paint.js';

export interface PageStability {
  device: string;
  /** Layout shift as Chromium counts it for CLS (no shift within 500 ms of an input). */
  cls: number;
  /** Every layout shift, those after the search's Enter included. */
  allShifts: number;
  /** ms from navigation start to the results painted. */
  doneMs: number;
}

const DEVICES = [
  { device: 'phone: 360 px, CPU 4× slower, Slow 4G', width: 360, height: 780, mobile: true },
  { device: 'desktop: 1280 px, no throttling', width: 1280, height: 900, mobile: false },
] as const;

/** Loads the home page and searches once on each device; `url` is a running demo, else one is started. */
export async function measurePageStability(options: { url?: string } = {}): Promise<PageStability[]> {
  const own = options.url ? undefined : await startDemo();
  const url = options.url ?? own!.url;
  const browser = await puppeteer.launch({ executablePath: chromiumExecutable, headless: true, args: chromiumArgs });
  try {
    const results: PageStability[] = [];
    for (const d of DEVICES) results.push(await measureOne(browser, url, d));
    return results;
  } finally {
    await browser.close();
    await own?.close();
  }
}

async function measureOne(browser: Browser, url: string, d: (typeof DEVICES)[number]): Promise<PageStability> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({
      width: d.width,
      height: d.height,
      isMobile: d.mobile,
      hasTouch: d.mobile,
      deviceScaleFactor: d.mobile ? 2 : 1,
    });
    if (d.mobile) {
      await page.emulateCPUThrottling(4);
      await page.emulateNetworkConditions(PredefinedNetworkConditions['Slow 4G']);
    }
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __shifts: { cls: number; all: number } };
      w.__shifts = { cls: 0, all: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          w.__shifts.all += e.value;
          if (!e.hadRecentInput) w.__shifts.cls += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(new URL('/', url).href, { waitUntil: 'load' });
    const field = await page.waitForSelector('peer-finder >>> #place');
    await field!.type('LS1 3AB');
    await page.evaluate(() => {
      const finder = document.querySelector('peer-finder')!;
      (window as unknown as { __painted: Promise<void> }).__painted = new Promise<void>((resolve) =>
        finder.addEventListener('peer-results', () => requestAnimationFrame(() => setTimeout(resolve)), { once: true }),
      );
    });
    await page.keyboard.press('Enter');
    return await page.evaluate(async (device) => {
      const w = window as unknown as { __painted: Promise<void>; __shifts: { cls: number; all: number } };
      await w.__painted;
      // One more frame, so a shift the results caused has been reported.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return { device, cls: w.__shifts.cls, allShifts: w.__shifts.all, doneMs: performance.now() };
    }, d.device);
  } finally {
    await context.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  for (const r of await measurePageStability({ url: values.url })) {
    console.log(
      `${r.device}: CLS ${r.cls.toFixed(3)} (every shift ${r.allShifts.toFixed(3)}), results painted at ${r.doneMs.toFixed(0)} ms`,
    );
  }
}
