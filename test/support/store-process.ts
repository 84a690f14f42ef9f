/**
 * A second server process for the store tests, run as
 * `node --conditions=source --import tsx test/support/store-process.ts <mode> <dataDir>`.
 *
 * - `hold`: open the embedded store, print `ready`, and keep it open until killed.
 * - `race`: print `waiting`, read a line from stdin, then do what `hold` does:
 *   several processes told at once open the store as near together as they can.
 * - `write`: open it, print `ready`, then create registrations one after
 *   another, printing `ack <id>` as each one resolves (is committed).
 *
 * When the store is locked it prints the error's message to stderr and exits with 3.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openStore, StoreLockedError } from '../../server/src/store/index.js';
import { makeRegistrationInput } from './fixtures.js';

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== 'hold' && mode !== 'race' && mode !== 'write') || !dataDir) {
  console.error('usage: store-process.ts hold|race|write <dataDir>');
  process.exit(2);
}

if (mode === 'race') {
  console.log('waiting');
  await once(createInterface({ input: process.stdin }), 'line');
}

try {
  const store = await openStore({ dataDir });
  console.log('ready');
  if (mode !== 'write') {
    setInterval(() => {}, 60_000);
  } else {
    const input = makeRegistrationInput();
    for (;;) {
      const { registration } = await store.createRegistration({ input });
      console.log(`ack ${registration.id}`);
    }
  }
} catch (error) {
  if (error instanceof StoreLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  throw error;
}
