/**
 * `peer-directory-server`: the reference directory API. `createServer` wires
 * the store, geocoder, search index and HTTP routes together; the CLI
 * (`peer-directory-server serve`) and the tests both start it this way.
 * @module
 */
import { join } from 'node:path';
import type { Group } from 'peer-directory/schema';
import { buildApp, type App, type AppDependencies } from './app.js';
import type { Config } from './config.js';
import { createGeocoder } from './geocode/index.js';
import { sampleGroups } from './sample/sample-groups.js';
import { SearchService } from './search/index.js';
import { openStore, type Store } from './store/index.js';
import { createMailService, type MailEvent, type MailService, type WorkerTuning } from './mail/index.js';

export { buildApp, type App, type AppDependencies } from './app.js';
export { loadConfig, ConfigError, DEMO_ADMIN_TOKEN, type Config, type Timeouts } from './config.js';
export { StoreLockedError } from './store/index.js';

/** Options of {@link createServer} that are not configuration. */
export interface CreateServerOptions {
  /**
   * What to publish when the store is empty: `'sample'` (default) the
   * sample directory, a list of groups, or `'none'`. A store that has ever held a group is never seeded.
   */
  seed?: 'sample' | 'none' | Group[];
  /** Log as `config.log` says (`true`), to a stream of one's own, or not at all (default). */
  logger?: AppDependencies['logger'];
  /** Tuning the outbox worker when email is on (tests shorten its waits). */
  mailWorker?: WorkerTuning;
}

/** A server ready to listen. */
export interface DirectoryServer {
  app: App;
  store: Store;
  search: SearchService;
  /** Email, when SMTP_URL is set. */
  mail: MailService | undefined;
  /** Starts listening on the configured host and port; resolves with the base URL, e.g. `http://127.0.0.1:8080`. */
  listen(): Promise<string>;
  /** Stops polling, closes connections and releases the store (and its data-directory lock). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the store, seeds an empty one, loads the search index and builds the HTTP app.
 * @throws StoreLockedError when another process is using the data directory
 * @example
 * ```ts
 * const server = await createServer(loadConfig());
 * console.log(`listening on ${await server.listen()}`);
 * process.on('SIGTERM', () => server.close());
 * ```
 */
export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<DirectoryServer> {
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  let search: SearchService | undefined;
  let mail: MailService | undefined;
  try {
    await seed(store, options.seed ?? 'sample');
    const geocoder = createGeocoder({ cache: store, providerUrl: config.geocoderUrl });
    search = new SearchService(store, { refreshMs: config.searchRefreshMs, snapshotFile: snapshotFileOf(config) });
    await search.start();
    // Assigned once below: the worker's events name it, and may in principle come before it exists.
    // eslint-disable-next-line prefer-const
    let app: App | undefined;
    // Operators see every retry, every email given up and every round that failed in the log.
    const onEvent = (event: MailEvent) => {
      if (event.type === 'retry' || event.type === 'failed') {
        app?.log.warn({ email: event.id, error: event.error }, event.type === 'retry' ? 'email will be retried' : 'email given up');
      } else if (event.type === 'error') app?.log.error({ error: event.error }, 'the outbox worker could not run');
      options.mailWorker?.onEvent?.(event);
    };
    mail = config.mail ? createMailService(config.mail, store, { ...options.mailWorker, onEvent }) : undefined;
    app = await buildApp({ config, store, geocoder, search, mail, logger: options.logger ?? false });
    await app.ready();
    // Only one process uses an embedded store, so any claim left in it is from a killed process.
    await mail?.worker.start(!config.databaseUrl);

    let closing: Promise<void> | undefined;
    const started = search;
    return {
      app,
      store,
      search: started,
      mail,
      listen: () => app.listen({ port: config.port, host: config.host }),
      close: () =>
        (closing ??= (async () => {
          await started.stop();
          await mail?.worker.stop();
          await app.close();
          await store.close();
        })()),
    };
  } catch (error) {
    await search?.stop();
    await mail?.worker.stop();
    await store.close();
    throw error;
  }
}

function snapshotFileOf(config: Config): string | undefined {
  if (config.searchSnapshot === 'off') return undefined;
  return config.searchSnapshot ?? (config.databaseUrl ? undefined : join(config.dataDir, 'search-index.snapshot'));
}

async function seed(store: Store, seed: 'sample' | 'none' | Group[]): Promise<void> {
  // The feed's latest version, not a count: counting a million rows takes seconds.
  if (seed === 'none' || (await store.feedCheck(0)).latest > 0) return;
  const groups = seed === 'sample' ? sampleGroups(new Date()) : seed;
  if (groups.length > 0) await store.putGroups(groups, 'seed');
}
