import { expect } from '@open-wc/testing';

/** Where the real API server for browser tests listens, and its admin token. */
export async function testApi(): Promise<{ url: string; adminToken: string }> {
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
