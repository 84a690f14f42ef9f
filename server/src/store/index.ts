/**
 * The server's storage: one `Store` interface, one SQL implementation, two
 * engines (embedded PGlite by default, PostgreSQL when DATABASE_URL is set).
 * @module
 */
import type { Store } from './store.js';
import { SqlStore } from './sql-store.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export type { GroupChanges, NewRegistration, RateLimitHits, Store } from './store.js';
export { RegistrationStateError, StoreLockedError } from './errors.js';
export { SqlStore } from './sql-store.js';
export { REFERENCE_PATTERN } from './reference.js';

/** Where the store keeps its data: an embedded data directory, or a PostgreSQL server. */
export type StoreOptions = { dataDir: string } | { databaseUrl: string };

/**
 * Opens the store and brings its schema up to date.
 * - `{ dataDir }`: embedded PGlite under `${dataDir}/pglite`; the directory is
 *   locked for this process until `close()`.
 * - `{ databaseUrl }`: a PostgreSQL server; any number of processes may share it.
 * @throws StoreLockedError when another process is using `dataDir`
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db =
    'databaseUrl' in options ? await openPostgresDatabase({ databaseUrl: options.databaseUrl }) : await openPgliteDatabase(options.dataDir);
  try {
    return await SqlStore.open(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}
