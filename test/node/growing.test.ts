// The search index and the feed's catalogue gather their columns a value at
// a time; a value lost or moved as a column grows would put a group's words
// or coordinates on another group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Growing } from '../../server/src/search/growing.js';

test('a growing column gives back every value pushed, in order, however often it grew', () => {
  for (const count of [0, 1, 1024, 1025, 2048, 2049, 200_003]) {
    const column = new Growing(Float64Array);
    for (let i = 0; i < count; i++) column.push(i * 1.5);
    const values = column.view();
    assert.equal(column.length, count);
    assert.equal(values.length, count);
    const wrong = values.findIndex((v, i) => v !== i * 1.5 || column.at(i) !== v);
    assert.equal(wrong, -1, `${count} values: the first wrong one is at ${wrong}`);
  }
});
