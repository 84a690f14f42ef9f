/**
 * Repeated searches answered from memory.
 *
 * A search answer is up to ~60 KB of JSON: encoding and compressing it, and
 * validating and geocoding the query, cost several times the search itself.
 * Popular searches repeat (the same postcode from one charity's page), and
 * `Cache-Control: public, max-age=60` already lets any cache in front serve
 * a repeat for a minute; this keeps the answer here under the same rule,
 * and forgets it as soon as the directory changes.
 * @module
 */
import type { Encoding } from './compression.js';

/** An answer as sent: its bytes, and their content coding if compressed. */
export interface CachedAnswer {
  body: Buffer;
  encoding: Encoding | undefined;
  etag: string;
  /** The search index version it was built from: any other version misses. */
  version: number;
  /** `Date.now()` after which it is not served again (the answer's max-age). */
  expiresAt: number;
}

/** Keeps the most recently used answers, up to a total size in bytes. */
export class ResponseCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #maxBytes: number;
  #bytes = 0;
  #version = -1;

  /** @param maxBytes total size kept (default 16 MB) */
  constructor(maxBytes = 16 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /** The answer kept for `key` if it is still fresh at index `version`; now the most recently used. */
  get(key: string, version: number, now = Date.now()): CachedAnswer | undefined {
    if (version !== this.#version) {
      // The directory changed: nothing kept can be served again.
      this.#entries.clear();
      this.#bytes = 0;
      this.#version = version;
      return undefined;
    }
    const answer = this.#entries.get(key);
    if (answer === undefined) return undefined;
    this.#entries.delete(key);
    if (answer.expiresAt <= now) {
      this.#bytes -= answer.body.length;
      return undefined;
    }
    this.#entries.set(key, answer);
    return answer;
  }

  /** Keeps `answer`, forgetting the least recently used ones to stay within the limit. */
  set(key: string, answer: CachedAnswer): void {
    if (answer.version !== this.#version || answer.body.length > this.#maxBytes / 4) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#bytes -= previous.body.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, answer);
    this.#bytes += answer.body.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.body.length;
    }
  }
}
