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
