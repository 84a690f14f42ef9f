/**
 * Counts requests per key (a limit and a client address) in fixed time
 * windows, shared by every API process through the store's `rate_limits`
 * table, so two processes behind a load balancer do not double a limit.
 *
 * Windows are fixed (`floor(now / window)`), so every process agrees on
 * them without talking to the others. A counter's first hit in a process
 * reads the total from the store; later hits are counted here at once and
 * written in batches (every `syncMs`), so a search does not wait for a
 * database write. Once a counter is past `exactFrom` (half its limit), or
 * when the caller asks (`exact`), each hit is written and the total read
 * back before the answer, so near the limit every process decides on the
 * same count.
 * @module
 */
import type { RateLimitHits, Store } from '../store/index.js';

interface Counter {
  key: string;
  windowStart: number;
  windowMs: number;
  /** The total across processes at the last sync. */
  known: number;
  /** Hits counted here since then. */
  pending: number;
  /** Whether `known` has been read from the store at least once. */
  synced: boolean;
}

/** A counter's state after a hit: the total in this window and when the window ends. */
export interface Count {
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

/** Options of {@link HitCounter.hit}. */
export interface HitOptions {
  /** Write the hit before answering (default: in the next batch). */
  exact?: boolean;
  /** Write before answering once the count reaches this (a limit's half, say). */
  exactFrom?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Counters shared through the store; see the module comment. */
export class HitCounter {
  readonly #store: Pick<Store, 'addRateLimitHits'>;
  readonly #syncMs: number;
  readonly #counters = new Map<string, Counter>();
  #timer: NodeJS.Timeout | undefined;
  #syncing: Promise<void> | undefined;
  #lastCleanup = 0;

  constructor(store: Pick<Store, 'addRateLimitHits'>, options: { syncMs?: number } = {}) {
    this.#store = store;
    this.#syncMs = options.syncMs ?? 250;
  }

  /** Counts `hits` (negative to take hits back) on `key` in the current window of `windowMs`. */
  async hit(key: string, windowMs: number, hits = 1, options: HitOptions = {}): Promise<Count> {
    const now = Date.now();
    const counter = this.#counter(key, windowMs, now);
    counter.pending += hits;
    // A counter new to this process reads the other processes' total first.
    const exact =
      options.exact || !counter.synced || (options.exactFrom !== undefined && counter.known + counter.pending >= options.exactFrom);
    if (exact) await this.sync();
    else this.#schedule();
    return { count: counter.known + counter.pending, resetMs: counter.windowStart + windowMs - now };
  }

  /** The count on `key` now, across processes, without adding to it. */
  peek(key: string, windowMs: number): Promise<Count> {
    return this.hit(key, windowMs, 0, { exact: true });
  }

  /** Writes every pending hit and reads back the totals. One sync at a time; a caller arriving mid-sync gets the next. */
  async sync(): Promise<void> {
    while (this.#syncing) await this.#syncing.catch(() => {});
    this.#syncing = this.#write().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  /** Writes what is pending; the counter is not used after this. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.sync().catch(() => {});
  }

  #counter(key: string, windowMs: number, now: number): Counter {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const id = `${key}\u0000${windowStart}`;
    let counter = this.#counters.get(id);
    if (!counter) this.#counters.set(id, (counter = { key, windowStart, windowMs, known: 0, pending: 0, synced: false }));
    return counter;
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.sync().catch(() => {
        // The store is unreachable: the hits stay pending and go with the next sync.
      });
    }, this.#syncMs);
    this.#timer.unref();
  }

  async #write(): Promise<void> {
    const now = Date.now();
    const sending: { counter: Counter; hits: number }[] = [];
    for (const [id, counter] of this.#counters) {
      // A window that has ended is never asked about again.
      if (counter.windowStart + counter.windowMs <= now && counter.pending === 0) {
        this.#counters.delete(id);
        continue;
      }
      sending.push({ counter, hits: counter.pending });
      counter.pending = 0;
    }
    const forget = now - this.#lastCleanup > 60_000 ? now - DAY : undefined;
    let totals: RateLimitHits[];
    try {
      totals = await this.#store.addRateLimitHits(
        sending.map(({ counter, hits }) => ({ key: counter.key, windowStart: counter.windowStart, hits })),
        forget,
      );
    } catch (error) {
      for (const { counter, hits } of sending) counter.pending += hits;
      throw error;
    }
    if (forget !== undefined) this.#lastCleanup = now;
    const byId = new Map(totals.map((t) => [`${t.key}\u0000${t.windowStart}`, t.hits]));
    for (const { counter } of sending) {
      counter.known = byId.get(`${counter.key}\u0000${counter.windowStart}`) ?? counter.known;
      counter.synced = true;
    }
  }
}
