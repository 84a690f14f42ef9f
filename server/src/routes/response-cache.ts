/**
 * Repeated searches answered from memory.
 *
 * Encoding and compressing an answer, and validating and geocoding the
 * query, cost several times the search itself. Popular searches repeat (the
 * same postcode from one charity's page), and `Cache-Control: public,
 * max-age=60` already lets any cache in front serve a repeat for a minute;
 * this keeps the answer here under the same rule, and forgets it as soon as
 * the directory changes.
 * @module
 */
import { LRUCache } from 'lru-cache';
import type { Encoding } from './compression.js';

/** An answer as sent: its bytes, and their content coding if compressed. */
export interface CachedAnswer {
  body: Buffer;
  encoding: Encoding | undefined;
  etag: string;
  /** The search index version it was built from: any other version misses. */
  version: number;
}

/**
 * A copy of exactly `bytes`, for keeping: an answer's bytes are a view of
 * the buffer the next search overwrites, and compressed ones a slice of
 * Node's shared pool, which would keep a whole pool slab alive per answer.
 */
export function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** Keeps the most recently used answers, up to a total size in bytes, each for at most `ttlMs`. */
export class ResponseCache {
  readonly #entries: LRUCache<string, CachedAnswer>;
  #version = -1;

  /**
   * @param ttlMs how long an answer may be served again (its max-age)
   * @param maxBytes total size kept (default 16 MB)
   */
  constructor(ttlMs: number, maxBytes = 16 * 1024 * 1024) {
    this.#entries = new LRUCache({
      maxSize: maxBytes,
      maxEntrySize: maxBytes / 4,
      sizeCalculation: (answer) => answer.body.length,
      ttl: ttlMs,
    });
  }

  /** The answer kept for `key` if it is still fresh at index `version`; now the most recently used. */
  get(key: string, version: number): CachedAnswer | undefined {
    if (version !== this.#version) {
      // The directory changed: nothing kept can be served again.
      this.#entries.clear();
      this.#version = version;
      return undefined;
    }
    return this.#entries.get(key);
  }

  /** Keeps `answer`, forgetting the least recently used ones to stay within the limit. */
  set(key: string, answer: CachedAnswer): void {
    if (answer.version === this.#version) this.#entries.set(key, answer);
  }
}
