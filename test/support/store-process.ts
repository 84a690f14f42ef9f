/**
 * A second server process for the store tests, run as
 * `node --conditions=source --import tsx test/support/store-process.ts <mode> <dataDir>`.
 *
 * - `hold`: open the embedded store, print `ready`, and keep it open until killed.
 * - `write`: open it, print `ready`, then create registrations one after
 *   another, printing `ack <id>` as each one resolves (is committed).
 *
 * When the store is locked it prints the error's message to stderr and exits with 3.
 */
import { openStore, StoreLockedError } from '../../server/src/store/index.js';
import { makeRegistrationInput } from './fixtures.js';

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== 'hold' && mode !== 'write') || !dataDir) {
  console.error('usage: store-process.ts hold|write <dataDir>');
  process.exit(2);
}

try {
  const store = await openStore({ dataDir });
  console.log('ready');
  if (mode === 'hold') {
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
