// The feed's catalogue keeps a million ids and names packed as UTF-8: a
// string cut at the wrong byte, or shifted when copied in runs, would name
// another group or garble a Welsh one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PackedStrings, PackedStringsBuilder } from '../../server/src/search/packed-strings.js';

const strings = Array.from(
  { length: 5000 },
  (_, i) => [`Grŵp Cefnogi ${i}`, '', `Ysbyty Gwynedd — ${'é'.repeat(i % 7)}`, `👥 ${i}`, 'x'.repeat(i % 300)][i % 5]!,
);

test('packed strings read back as they were, multi-byte characters and empty strings included', () => {
  const packed = PackedStrings.of(strings);
  assert.equal(packed.length, strings.length);
  assert.deepEqual(packed.all(), strings);
});

test('strings copied in runs, in another order, keep their own bytes', () => {
  const packed = PackedStrings.of(strings);
  const builder = new PackedStringsBuilder();
  // Runs of 1, 7 and 250 from the end back to the start.
  const runs: [number, number][] = [];
  for (let end = strings.length, size = 1; end > 0; size = size === 1 ? 7 : size === 7 ? 250 : 1) {
    runs.push([Math.max(0, end - size), end]);
    end = Math.max(0, end - size);
  }
  for (const [start, end] of runs) packed.copyTo(builder, start, end);
  const copied = builder.finish();
  assert.deepEqual(
    copied.all(),
    runs.flatMap(([start, end]) => strings.slice(start, end)),
  );
});
