// The two engines the store runs on, for tests that run the same stories on both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreOptions } from '../../server/src/store/index.js';
import { startPostgres } from './postgres.js';

/** One engine the store runs on: where its data lives, and how to clean up after. */
export interface Engine {
  name: string;
  setUp(): Promise<{ options: StoreOptions; tearDown(): Promise<void> }>;
}

/** A fresh PGlite data directory, and a fresh database on a real PostgreSQL server. */
export const engines: Engine[] = [
  {
    name: 'embedded PGlite',
    async setUp() {
      const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-store-'));
      return { options: { dataDir }, tearDown: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async setUp() {
      const database = await startPostgres();
      return { options: { databaseUrl: database.url }, tearDown: () => database.stop() };
    },
  },
];
