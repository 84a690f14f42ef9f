/**
 * `npm run fuzz`: the property of test/node/fuzz.test.ts with a new seed and
 * 50,000 requests (FUZZ_SEED and FUZZ_RUNS to choose; TEST_STORE=postgres for
 * PostgreSQL). The seed is printed first, so a failure can be replayed with
 * `FUZZ_SEED=<seed> npm run fuzz`.
 */
import { fuzzTestServer } from './fuzz.js';
import { TEST_STORE } from './start-server.js';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 50_000;
console.log(`fuzzing with seed ${seed}, ${runs} requests, ${TEST_STORE} store (replay: FUZZ_SEED=${seed} npm run fuzz)`);

const started = performance.now();
try {
  const report = await fuzzTestServer(runs, seed);
  console.log(
    `seed ${seed}: ${runs} requests in ${((performance.now() - started) / 1000).toFixed(0)} s, no 5xx, every 4xx a problem document`,
  );
  console.log('answers by status:', JSON.stringify(report.statuses));
  console.log('requests by operation:', JSON.stringify(report.operations, null, 1));
} catch (error) {
  console.error(`seed ${seed}: the property failed`);
  console.error(error);
  process.exitCode = 1;
}
