/**
 * The real directory server for tests: real HTTP on 127.0.0.1, a random
 * port, the embedded store in a fresh temporary data directory (removed on
 * close). Nothing is faked; only the configuration is chosen for the story.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Group } from 'peer-directory/schema';
import { createServer, type DirectoryServer } from '../../server/src/index.js';
import type { Config, Principle } from '../../server/src/config.js';
import type { WorkerTuning } from '../../server/src/mail/index.js';

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
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

/** Starts the real server for a test; `close()` it in `after`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-test-'));
  const adminToken =
    options.adminToken === null ? undefined : (options.adminToken ?? `test-admin-${crypto.randomUUID()}`);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken,
    geocoderUrl: options.geocoderUrl,
    corsOrigins: options.corsOrigins ?? '*',
    registrationRateLimit: options.registrationRateLimit ?? 1000,
    searchRefreshMs: 60_000,
    trustProxy: false,
    principles: options.principles ?? [],
    feedRateLimit: options.feedRateLimit ?? 100_000,
    demo: false,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
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
  let server: DirectoryServer;
  try {
    server = await createServer(config, { seed: options.seed ?? 'sample', ...(options.mailWorker ? { mailWorker: options.mailWorker } : {}) });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = (await server.listen()).replace(/\/$/, '');
  return {
    url,
    adminToken: adminToken ?? '',
    store: server.store,
    search: server.search,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
