// Every route and parameter of the served OpenAPI document, filled with what
// hostile and broken clients send: the API answers each with 2xx or a 4xx
// problem document, never a 5xx, and every validation problem names the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzTestServer } from '../support/fuzz.js';

/** Fixed, so a failure here is the same failure on every machine; `npm run fuzz` tries new seeds. */
const SEED = 20261201;
const RUNS = 2000;

test(`${RUNS} generated requests to every route: no 5xx, every 4xx a problem naming the field`, async () => {
  const report = await fuzzTestServer(RUNS, SEED);
  for (const name of report.operationNames) {
    assert.ok((report.operations[name] ?? 0) > 20, `${name} was tried: ${JSON.stringify(report.operations)}`);
  }
  // The property holds only if the generator gets past validation too.
  assert.ok((report.statuses[200] ?? 0) > 50, `some requests succeed: ${JSON.stringify(report.statuses)}`);
  assert.ok((report.statuses[202] ?? 0) > 5, `some registrations reach the store: ${JSON.stringify(report.statuses)}`);
  assert.ok((report.statuses[400] ?? 0) > 500, `many are refused: ${JSON.stringify(report.statuses)}`);
});
