import pg from 'pg';
import type { Database, Queryable } from './database.js';

/** Options for the PostgreSQL adapter. */
export interface PostgresOptions {
  /** A `postgres://` connection string (DATABASE_URL). */
  databaseUrl: string;
  /** Most connections this process opens; the default suits one API process. */
  maxConnections?: number;
}

/**
 * Connects to a PostgreSQL server through a `pg` pool: the production engine.
 * Each transaction runs on one pooled connection; plain queries take any.
 */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the process; the
  // pool replaces it, and the next query reports any lasting outage.
  pool.on('error', () => {});
  // Fail at start-up, with the driver's own message, rather than on the first request.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  probe.release();

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await client.query(script);
    },
  });

  const listeners = new Set<pg.Client>();
  return {
    engine: 'postgres',
    ...on(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it, never reuse it.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    async listen(channel, onNotify) {
      // LISTEN holds its connection for as long as it listens: one of its own, outside the pool.
      const client = new pg.Client({ connectionString: options.databaseUrl });
      client.on('error', () => {});
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        if (listeners.delete(client)) await client.end();
      };
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end()));
      listeners.clear();
      await pool.end();
    },
  };
}
