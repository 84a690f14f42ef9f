/**
 * Keeps a process's search index in step with the store.
 * @module
 */
import type { EverywhereQuery, GeocodeResult, SearchQuery } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { DirectoryIndex, DirectoryIndexBuilder } from './directory-index.js';
import { readSnapshot, snapshotFits, writeSnapshot } from './snapshot.js';

/** What the search service needs from the store: its change feed. */
export type GroupFeed = Pick<Store, 'groupChanges' | 'watchGroupChanges' | 'feedCheck'>;

/** How often each process asks the store for changes made by other processes, in ms. */
export const DEFAULT_REFRESH_MS = 5000;

/** Options of {@link SearchService}. */
export interface SearchServiceOptions {
  /**
   * How often to ask the store for changes made elsewhere, in ms (default
   * {@link DEFAULT_REFRESH_MS}): a fallback, as the store announces each change (LISTEN/NOTIFY).
   */
  refreshMs?: number;
  /** Told when a background refresh, or writing a snapshot, fails; searches go on from the last good index. */
  onError?: (error: unknown) => void;
  /**
   * A file to keep the index in between starts (see snapshot.ts), so a
   * large directory is searchable seconds after start-up. None by default.
   */
  snapshotFile?: string | undefined;
}

/** What the routes use of the search service: searching, its version, and catching up after a change. */
export type SearchPort = Pick<SearchService, 'search' | 'everywhere' | 'version' | 'refresh'>;

/**
 * Rows read from the store per query, so neither side holds a million at
 * once. Smaller batches keep each read's memory small (in PGlite, the
 * WebAssembly heap that holds a result never shrinks once grown): building
 * a million-group index from the rows peaked at 1.60 GB of RSS in batches
 * of 10,000 and at 1.44 GB in batches of 2,000, and started no slower
 * (bench/scale.ts).
 */
const BATCH = 2_000;
/** Changes since a snapshot beyond which building afresh is quicker than catching up. */
const MAX_CATCH_UP = 100_000;

/**
 * Search over an in-memory copy of the published directory
 * ({@link DirectoryIndex}), refreshed from the store's change feed.
 *
 * Every API process keeps its own copy: several processes behind a load
 * balancer on one PostgreSQL each hear of every change the moment it
 * commits (the store's `watchGroupChanges`) and catch up with
 * `groupChanges(version)`, polling every `refreshMs` in case a notification
 * is lost; the database stays the only source of truth. The process that
 * makes a change awaits {@link refresh} after its write, so it sees its own
 * change at once.
 */
export class SearchService {
  #index = new DirectoryIndex();
  readonly #store: GroupFeed;
  readonly #refreshMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #snapshotFile: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #unwatch: (() => Promise<void>) | undefined;
  #writing: Promise<void> | undefined;
  /** The version of the big tables last written to the snapshot file. */
  #savedVersion = -1;
  #stopped = false;

  constructor(store: GroupFeed, options: SearchServiceOptions = {}) {
    this.#store = store;
    this.#refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
    this.#onError = options.onError ?? ((error) => console.error('search index refresh failed:', error));
    this.#snapshotFile = options.snapshotFile;
  }

  /** The index searches are answered from (replaced as a whole only while starting). */
  get index(): DirectoryIndex {
    return this.#index;
  }

  /**
   * Loads the directory (from the snapshot when it still fits the store,
   * else from the store's rows, then writes a snapshot), and keeps it
   * current until {@link stop}.
   */
  async start(): Promise<void> {
    this.#stopped = false;
    this.#starting = (async () => {
      // Listen before loading, so a change committed meanwhile is not missed.
      // Without notifications (the connection refused LISTEN) the poll still catches up.
      this.#unwatch = await this.#store
        .watchGroupChanges(() => {
          this.refresh().catch(this.#onError);
        })
        .catch((error: unknown) => {
          this.#onError(error);
          return undefined;
        });
      this.#index = await this.#load();
    })();
    try {
      await this.#starting;
    } finally {
      this.#starting = undefined;
    }
    await this.refresh();
    this.#save();
    // Before the first approval rather than during it.
    setImmediate(() => this.#index.prepareForChanges()).unref();
    this.#schedule();
  }

  /**
   * Catches up with the store. Resolves once every change committed before
   * the call is searchable: when a refresh is already under way (it may have
   * read the feed before the caller's write), one more follows it.
   */
  refresh(): Promise<void> {
    if (this.#starting) return this.#starting.then(() => this.refresh());
    if (!this.#running) {
      this.#running = this.#pull().finally(() => {
        this.#running = undefined;
      });
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => {})
      .then(() => {
        this.#queued = undefined;
        return this.refresh();
      });
    return this.#queued;
  }

  /** The change-feed version searches are answered at: answers at one version are the same in every process. */
  get version(): number {
    return this.#index.version;
  }

  /** One page of results as JSON (UTF-8), until the next search overwrites it; see {@link DirectoryIndex.search}. */
  search(query: SearchQuery, origin?: GeocodeResult): Buffer {
    return this.#index.search(query, origin);
  }

  /** One page of the groups serving everywhere as JSON (UTF-8), until the next search overwrites it; see {@link DirectoryIndex.everywhere}. */
  everywhere(query: EverywhereQuery): Buffer {
    return this.#index.everywhere(query);
  }

  /** Stops listening and polling, and waits for a refresh or a snapshot under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#starting?.catch(() => {});
    const unwatch = this.#unwatch;
    this.#unwatch = undefined;
    await unwatch?.().catch(() => {});
    await (this.#queued ?? this.#running)?.catch(() => {});
    await this.#writing;
  }

  async #load(): Promise<DirectoryIndex> {
    const file = this.#snapshotFile;
    const snapshot = file ? await readSnapshot(file).catch((error: unknown) => void this.#onError(error)) : undefined;
    if (snapshot) {
      const { parts, origin } = snapshot;
      const now = await this.#store.feedCheck(parts.version);
      if (snapshotFits(origin, parts.version, now) && now.latest - parts.version <= MAX_CATCH_UP) {
        this.#savedVersion = parts.version;
        return new DirectoryIndex(parts);
      }
    }
    // Everything up to the latest version now, in batches; later changes arrive by refresh.
    const { latest } = await this.#store.feedCheck(0);
    const builder = new DirectoryIndexBuilder();
    let version = 0;
    while (version < latest) {
      const changes = await this.#store.groupChanges(version, BATCH, latest);
      if (changes.version === version) break;
      builder.add(changes.upserts);
      version = changes.version;
    }
    return builder.finish(version);
  }

  async #pull(): Promise<void> {
    for (;;) {
      const changes = await this.#store.groupChanges(this.#index.version, BATCH);
      const more = changes.upserts.length + changes.removed.length >= BATCH;
      this.#index.apply(changes, { merge: !more });
      if (!more) break;
    }
    this.#save();
  }

  /** Writes the big tables to the snapshot file, in the background, when they are newer than the file's. */
  #save(): void {
    const file = this.#snapshotFile;
    if (!file || this.#writing || this.#stopped) return;
    const parts = this.#index.parts();
    if (parts.version === this.#savedVersion) return;
    this.#writing = (async () => {
      const now = await this.#store.feedCheck(parts.version);
      await writeSnapshot(file, parts, { database: now.database, idAt: now.idAt });
      this.#savedVersion = parts.version;
    })()
      .catch(this.#onError)
      .finally(() => {
        this.#writing = undefined;
      });
  }

  // A timeout re-armed after each poll, so a slow store never stacks polls up.
  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.refresh()
        .catch(this.#onError)
        .finally(() => this.#schedule());
    }, this.#refreshMs);
    this.#timer.unref();
  }
}
