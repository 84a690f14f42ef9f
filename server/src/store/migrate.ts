import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/**
 * Where the `.sql` files live. This module sits two levels below the server
 * package both as source (src/store) and compiled (dist/store), so one
 * relative path finds the same files from tsx and from `node dist/...`.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));

// Any fixed number: every process starting against one database queues on it,
// so two servers starting together never apply the same migration twice.
const MIGRATION_LOCK = 7_265_901;

/** One schema change: a file `NNNN_name.sql`, applied once, in name order. */
export interface Migration {
  name: string;
  sql: string;
}

/** The migrations shipped with this server, in the order they apply. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(`${dir}/${name}`, 'utf8') })));
}

/**
 * Brings the database's schema up to date: applies, in one transaction, every
 * migration not yet recorded in `schema_migrations`. Either all of them apply
 * or none does.
 * @returns the names of the migrations applied now
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const pending = all.filter((m) => !done.has(m.name));
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
    }
    return pending.map((m) => m.name);
  });
}
