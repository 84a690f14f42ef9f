import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-nodefs.js';
import type { StoreLockedError } from './errors.js';

/**
 * PostgreSQL's buffer pool lives in this process's memory, and once a read
 * of every group has filled it (the feed's catalogue at a million groups) it
 * all stays resident: 128 MB by default. The engine reads its files through
 * Node, so the pages it drops are still in the system's page cache, outside
 * the process (docs/performance.md, Scale).
 */
const POOL_PARAMS = ['-c', 'shared_buffers=16MB'];

/**
 * Opens the embedded engine: PostgreSQL compiled to WebAssembly, in this
 * process, its files under `${dataDir}/pglite`. The data directory is locked
 * first: PGlite has no locking of its own, and two processes on one directory
 * silently lose writes.
 * @throws StoreLockedError when another process uses the directory
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir);
  let lost: StoreLockedError | undefined;
  const release = await lockDataDir(dir, (error) => {
    lost = error;
  });
  let db: PGlite;
  try {
    // Every commit is fsynced before it resolves, so an acknowledged write survives an OS crash (docs/storage.md).
    db = await PGlite.create({ fs: new DurableNodeFS(join(dir, 'pglite')), startParams: [...DURABLE_START_PARAMS, ...POOL_PARAMS] });
  } catch (error) {
    await release();
    throw error;
  }
  // Once another process owns the directory, any write from here could undo
  // its writes: refuse everything.
  const guard = () => {
    if (lost) throw lost;
  };

  const on = (target: PGlite | Transaction): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      guard();
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      guard();
      await target.exec(script);
    },
  });

  let closing: Promise<void> | undefined;
  return {
    engine: 'pglite',
    ...on(db),
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      guard();
      return db.transaction((tx) => work(on(tx)));
    },
    async listen(channel, onNotify) {
      guard();
      const stop = await db.listen(channel, onNotify);
      return async () => {
        if (!closing) await stop();
      };
    },
    close() {
      closing ??= db.close().finally(release);
      return closing;
    },
  };
}
