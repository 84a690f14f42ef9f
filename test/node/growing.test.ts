// The search index and the feed's catalogue gather their columns a value at
// a time; a value lost or moved as a column grows would put a group's words
// or coordinates on another group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { free, Growing } from '../../server/src/search/growing.js';

test('a growing column gives back every value pushed, in order, however often it grew', () => {
  for (const count of [0, 1, 1024, 1025, 2048, 2049, 200_003]) {
    const column = new Growing(Float64Array);
    for (let i = 0; i < count; i++) column.push(i * 1.5);
    assert.equal(column.length, count);
    const wrongAt = Array.from({ length: count }, (_, i) => i).findIndex((i) => column.at(i) !== i * 1.5);
    assert.equal(wrongAt, -1, `${count} values: the first wrong one read back is at ${wrongAt}`);
    const values = column.take();
    assert.equal(values.length, count);
    const wrong = values.findIndex((v, i) => v !== i * 1.5);
    assert.equal(wrong, -1, `${count} values: the first wrong one taken is at ${wrong}`);
  }
});

test('freeing arrays empties only those that own their whole buffer, once', () => {
  const owner = new Uint32Array(4096).fill(7);
  const shared = new Uint32Array(4096).fill(9);
  const view = shared.subarray(1, 100);
  free(owner, owner, view);
  assert.equal(owner.length, 0);
  assert.equal(view.length, 99);
  assert.equal(shared[4095], 9);
});
