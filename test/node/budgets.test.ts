// Bundle budgets: each bundle a page downloads, measured as `npm run bench`
// measures it (bench/bundle-size.ts, on the build `npm test` has just made),
// against its budget in bench/budgets.json. A change that makes one bigger
// fails here, not in a benchmark nobody reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { measureBundleSizes } from '../../bench/bundle-size.js';

const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as Record<string, number | string>;

test('every bundle within its budget (gzip)', async () => {
  const sizes = await measureBundleSizes();
  const over: string[] = [];
  for (const [prefix, budget] of Object.entries(budgets)) {
    if (prefix.startsWith('$')) continue;
    const rows = sizes.filter((s) => s.name.startsWith(prefix));
    assert.equal(rows.length, 1, `one bundle is named "${prefix}…": ${rows.map((r) => r.name).join('; ') || 'none'}`);
    const { name, gzipBytes } = rows[0]!;
    if (gzipBytes > (budget as number))
      over.push(`${name}: ${(gzipBytes / 1024).toFixed(1)} KB > ${((budget as number) / 1024).toFixed(1)} KB`);
  }
  assert.deepEqual(over, [], 'bundles over budget');
});
