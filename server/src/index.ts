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
}

/** A server ready to listen. */
export interface DirectoryServer {
  app: App;
  store: Store;
  search: SearchService;
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
  try {
    await seed(store, options.seed ?? 'sample');
    const geocoder = createGeocoder({ cache: store, providerUrl: config.geocoderUrl });
    search = new SearchService(store, { refreshMs: config.searchRefreshMs, snapshotFile: snapshotFileOf(config) });
    await search.start();
    const app = await buildApp({ config, store, geocoder, search, logger: options.logger ?? false });
    await app.ready();

    let closing: Promise<void> | undefined;
    const started = search;
    return {
      app,
      store,
      search: started,
      listen: () => app.listen({ port: config.port, host: config.host }),
      close: () =>
        (closing ??= (async () => {
          await started.stop();
          await app.close();
          await store.close();
        })()),
    };
  } catch (error) {
    await search?.stop();
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
