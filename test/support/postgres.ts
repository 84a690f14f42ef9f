/**
 * A real PostgreSQL server for tests: a throwaway cluster started from the
 * installed binaries (or the server TEST_DATABASE_URL names), with a fresh,
 * empty database for every caller.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './free-port.js';

/** A database only this caller uses; `stop()` drops it (and the cluster after its last user). */
export interface TestDatabase {
  url: string;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'Install PostgreSQL: apt-get install -y postgresql';

interface Cluster {
  /** Connection string of the maintenance database, where test databases are created. */
  adminUrl: string;
  users: number;
  shutdown(): void;
}

let cluster: Promise<Cluster> | undefined;

/**
 * Gives the caller an empty database on a real PostgreSQL server.
 * With TEST_DATABASE_URL set, databases are created on that server (its role
 * needs CREATEDB); otherwise one cluster per test process is initialised in a
 * temporary directory, listening on 127.0.0.1 and a free port.
 * @throws Error saying how to install PostgreSQL when its binaries (or, as
 *   root, the `postgres` user) are missing
 */
export async function startPostgres(): Promise<TestDatabase> {
  cluster ??= process.env.TEST_DATABASE_URL ? useServer(process.env.TEST_DATABASE_URL) : startCluster();
  const server = await cluster;
  server.users++;
  const name = `peer_directory_test_${randomBytes(6).toString('hex')}`;
  await onAdmin(server.adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  let stopped = false;
  return {
    url: url.toString(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await onAdmin(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (--server.users === 0) {
        server.shutdown();
        cluster = undefined;
      }
    },
  };
}

async function useServer(adminUrl: string): Promise<Cluster> {
  return { adminUrl, users: 0, shutdown: () => {} };
}

async function startCluster(): Promise<Cluster> {
  const bin = findBinaries();
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster belongs to the postgres user.
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, command), asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const dir = mkdtempSync(join(tmpdir(), 'peer-directory-pg-'));
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [`-p ${port}`, "-c listen_addresses='127.0.0.1'", `-k ${dir}`, '-c fsync=off', '-c full_page_writes=off'];
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not start a test PostgreSQL cluster: ${stderr || (error as Error).message}`, { cause: error });
  }
  let down = false;
  const shutdown = () => {
    if (down) return;
    down = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run that ends early (a failed assertion, Ctrl-C) must not leave a server behind.
  process.once('exit', shutdown);
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, users: 0, shutdown };
}

/** The directory holding initdb and pg_ctl: PATH first, then Debian's versioned directories, newest first. */
function findBinaries(): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const candidates = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...debian];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(`The PostgreSQL tests need initdb and pg_ctl, found neither in PATH nor /usr/lib/postgresql/*/bin. ${INSTALL_HINT}`);
  }
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    throw new Error(`Tests run as root, and PostgreSQL must run as the "postgres" user, which does not exist. ${INSTALL_HINT}`);
  }
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
