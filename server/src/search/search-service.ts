/**
 * Keeps a process's search index in step with the store.
 * @module
 */
import type { EverywhereQuery, GeocodeResult, SearchQuery } from 'peer-directory/schema';
import type { Store } from '../store/store.js';
import { DirectoryIndex } from './directory-index.js';

/** What the search service needs from the store: only its change feed. */
export type GroupFeed = Pick<Store, 'groupChanges'>;

/** Options of {@link SearchService}. */
export interface SearchServiceOptions {
  /** How often to ask the store for changes made elsewhere, in ms (default 2000). */
  refreshMs?: number;
  /** Told when a background refresh fails; searches go on from the last good index. */
  onError?: (error: unknown) => void;
}

/**
 * Search over an in-memory copy of the published directory
 * ({@link DirectoryIndex}), refreshed from the store's change feed.
 *
 * Every API process keeps its own copy: several processes behind a load
 * balancer on one PostgreSQL each poll `groupChanges(version)` and catch up
 * within `refreshMs` of a change made through any of them, while the
 * database stays the only source of truth. The process that makes a change
 * awaits {@link refresh} after its write, so it sees its own change at once.
 */
export class SearchService {
  readonly index = new DirectoryIndex();
  readonly #store: GroupFeed;
  readonly #refreshMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #stopped = false;

  constructor(store: GroupFeed, options: SearchServiceOptions = {}) {
    this.#store = store;
    this.#refreshMs = options.refreshMs ?? 2000;
    this.#onError = options.onError ?? ((error) => console.error('search index refresh failed:', error));
  }

  /** Loads the whole directory, then keeps polling for changes until {@link stop}. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.refresh();
    this.#schedule();
  }

  /**
   * Catches up with the store. Resolves once every change committed before
   * the call is searchable: when a refresh is already under way (it may have
   * read the feed before the caller's write), one more follows it.
   */
  refresh(): Promise<void> {
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
    return this.index.version;
  }

  /** One page of results as JSON text; see {@link DirectoryIndex.search}. */
  search(query: SearchQuery, origin?: GeocodeResult): string {
    return this.index.search(query, origin);
  }

  /** One page of the groups serving everywhere as JSON text; see {@link DirectoryIndex.everywhere}. */
  everywhere(query: EverywhereQuery): string {
    return this.index.everywhere(query);
  }

  /** Stops polling and waits for a refresh under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await (this.#queued ?? this.#running)?.catch(() => {});
  }

  async #pull(): Promise<void> {
    this.index.apply(await this.#store.groupChanges(this.index.version));
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
