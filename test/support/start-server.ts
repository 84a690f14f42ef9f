/**
 * The real directory server for tests: real HTTP on 127.0.0.1, a random
 * port, the embedded store in a fresh temporary data directory (removed on
 * close). Nothing is faked; only the configuration is chosen for the story.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Group } from 'peer-directory/schema';
import { createServer, type AppDependencies, type DirectoryServer } from '../../server/src/index.js';
import { loadConfig, type Config, type Principle } from '../../server/src/config.js';
import type { WorkerTuning } from '../../server/src/mail/index.js';
import { startPostgres } from './postgres.js';

/**
 * The store HTTP tests run on: `TEST_STORE=postgres` (a fresh database on a
 * real PostgreSQL server for every test server), otherwise the embedded store.
 * `npm run test:node` runs every HTTP test file once on each.
 */
export const TEST_STORE: 'pglite' | 'postgres' = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'pglite';

/** What a test may choose about its server. */
export interface TestServerOptions {
  /** Published groups to start with: the sample directory (default), these groups, or none. */
  seed?: Group[] | 'sample' | 'none';
  /** A postcodes.io-compatible geocoder (e.g. the fake one); default: offline sources only. */
  geocoderUrl?: string;
  /** Default: a random token, returned as `adminToken`. Pass `null` for a server with admin turned off. */
  adminToken?: string | null;
  /** Registrations per client address per hour (default 1000, so only the rate-limit story hits it). */
  registrationRateLimit?: number;
  /** The operator's quality principles. */
  principles?: Principle[];
  /** CORS_ORIGINS: `*` (default) or a list of origins. */
  corsOrigins?: '*' | string[];
  /** Open Referral feed requests per client address per minute (default 100,000). */
  feedRateLimit?: number;
  /** Anything else to configure, as the environment variables the server reads (e.g. `{ REQUEST_TIMEOUT_MS: '500' }`). */
  env?: Record<string, string>;
  /** Serve the demo site and browser bundles too, as `serve --demo` does (needs `npm run build`). */
  demo?: boolean;
  /** Where the server's log lines go (default: no logging). */
  logger?: AppDependencies['logger'];
  /** SMTP_URL (e.g. the test SMTP server's): email on, from directory@example.org, links to https://directory.example.org. */
  smtpUrl?: string;
  /** "Remind me" requests per client address per hour (default 1000). */
  reminderRateLimit?: number;
  /** Reminder requests a day per address and per group (the server's defaults when absent). */
  reminderLimits?: { perAddress: number; perGroup: number };
  /** DATABASE_URL: PostgreSQL instead of a fresh embedded store. */
  databaseUrl?: string;
  /** Tuning of the outbox worker (tests shorten its waits). */
  mailWorker?: WorkerTuning;
}

/** Where links in test emails point. */
export const TEST_PUBLIC_URL = 'https://directory.example.org';

/** A running test server. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** The admin bearer token ('' when admin is turned off). */
  adminToken: string;
  store: DirectoryServer['store'];
  search: DirectoryServer['search'];
  /** The configuration it runs with. */
  config: Config;
  /** Stops the server and deletes its data directory (or database). */
  close(): Promise<void>;
}

/** Starts the real server for a test; `close()` it in `after`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-test-'));
  const adminToken = options.adminToken === null ? undefined : (options.adminToken ?? `test-admin-${crypto.randomUUID()}`);
  const database = TEST_STORE === 'postgres' && !options.databaseUrl ? await startPostgres() : undefined;
  const config: Config = {
    // Limits high enough that only the stories about limits meet them.
    ...loadConfig({
      PORT: '0',
      SEARCH_REFRESH_MS: '60000',
      SEARCH_RATE_LIMIT: '1000000',
      ADMIN_FAILURE_LIMIT: '100000',
      REGISTRATION_RATE_LIMIT: String(options.registrationRateLimit ?? 1000),
      FEED_RATE_LIMIT: String(options.feedRateLimit ?? 100_000),
      ...options.env,
    }),
    dataDir,
    databaseUrl: options.databaseUrl ?? database?.url,
    adminToken,
    geocoderUrl: options.geocoderUrl,
    corsOrigins: options.corsOrigins ?? '*',
    principles: options.principles ?? [],
    demo: options.demo ?? false,
    ...(options.smtpUrl
      ? {
          mail: {
            smtpUrl: options.smtpUrl,
            from: 'Peer Directory <directory@example.org>',
            publicUrl: TEST_PUBLIC_URL,
            groupPageUrl: 'https://www.example.org/groups?group={id}',
          },
        }
      : {}),
    reminderRateLimit: options.reminderRateLimit ?? 1000,
    ...(options.reminderLimits ? { reminderLimits: options.reminderLimits } : {}),
  };
  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.stop();
  };
  let server: DirectoryServer;
  try {
    server = await createServer(config, {
      seed: options.seed ?? 'sample',
      logger: options.logger,
      ...(options.mailWorker ? { mailWorker: options.mailWorker } : {}),
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const url = (await server.listen()).replace(/\/$/, '');
  return {
    url,
    adminToken: adminToken ?? '',
    store: server.store,
    search: server.search,
    config,
    close: async () => {
      await server.close();
      await cleanUp();
    },
  };
}
