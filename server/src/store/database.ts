/**
 * The little the store needs from a PostgreSQL-dialect engine. Both adapters
 * (embedded PGlite, `pg` against a PostgreSQL server) implement it, so the SQL
 * store and its migrations are written once.
 */

/** Something SQL runs on: the database itself, or one open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; resolves to its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** A connection (or pool) to one database. */
export interface Database extends Queryable {
  /** Which engine this is, for messages and figures. */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws (the error is rethrown).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with the payload of every `NOTIFY` on `channel` (from
   * any connection, once its transaction commits). Resolves once listening;
   * the function it resolves to stops.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Lets go of the engine (and of any lock held for it). */
  close(): Promise<void>;
}

/** The SQLSTATE PostgreSQL uses for a unique-index violation. */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE and constraint of a database error, when it has them. */
export function sqlErrorOf(error: unknown): { code?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
  };
}
