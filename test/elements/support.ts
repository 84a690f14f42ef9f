import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * Where the real API server for browser tests listens, its admin token, and
 * the plain file server holding the sample directory as a static file
 * (`${staticUrl}/directory.json`).
 */
export async function testApi(): Promise<{ url: string; adminToken: string; staticUrl: string }> {
  const res = await fetch('/__api');
  return res.json();
}

/** Resolves when `predicate` holds, polling each animation frame; fails after `timeout` ms. */
export async function waitUntil(predicate: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The element that has focus, looking inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the element with this id has focus: proves it can be reached, in order, by keyboard. */
export async function tabTo(id: string, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    await sendKeys({ press: 'Tab' });
    if (focused()?.id === id) return;
  }
  throw new Error(`Tab never reached #${id} (last focus: #${focused()?.id})`);
}

/**
 * Asserts where focus is. Compares identity and names the elements in the
 * message: handing elements themselves to chai makes a failure's diff walk
 * Lit's objects for minutes.
 */
export function expectFocusOn(expected: Element | null | undefined, what = 'focus'): void {
  const actual = focused();
  const name = (e: Element | null | undefined) => (e ? e.outerHTML.slice(0, 120) : String(e));
  expect(actual === expected, `${what}: expected ${name(expected)}, got ${name(actual)}`).to.equal(true);
}

/**
 * Runs `story` with the page's text at `percent` of its usual size, as a
 * browser's text-size setting makes it (WCAG 1.4.4 asks for 200 %).
 */
export async function withTextSize<T>(percent: number, story: () => Promise<T>): Promise<T> {
  const page = document.documentElement;
  page.style.fontSize = `${percent}%`;
  try {
    return await story();
  } finally {
    page.style.removeProperty('font-size');
  }
}

/**
 * Whether the `XSS` payload (test/elements/group-fixture.ts) was rendered as
 * markup anywhere on the page, shadow roots included, or ran. Markup the page
 * never turned into elements cannot run later, so this needs no waiting.
 */
export function markupRan(): boolean {
  const made = (scope: Document | ShadowRoot): boolean =>
    [...scope.querySelectorAll('*')].some(
      (e) =>
        (e instanceof HTMLImageElement && e.getAttribute('src') === 'x') ||
        (e instanceof HTMLScriptElement && e.text.includes('__xss')) ||
        (!!e.shadowRoot && made(e.shadowRoot)),
    );
  const w = window as { __xss?: number };
  const ran = made(document) || w.__xss !== undefined;
  delete w.__xss;
  return ran;
}
