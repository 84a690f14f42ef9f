/**
 * A store for @fastify/rate-limit that counts in a {@link HitCounter}, so a
 * limit is shared by every API process on one database.
 * @module
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { HitCounter } from './hit-counter.js';

/** The plugin's store class, counting in `counter`. */
export function rateLimitStoreOn(counter: HitCounter): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
      max?: number,
    ): void {
      const window = timeWindow ?? 60_000;
      // Far from the limit a hit is written in the next batch; from half way on, before the answer.
      counter.hit(key, window, 1, { exactFrom: max === undefined ? 0 : Math.ceil(max / 2) }).then(
        ({ count, resetMs }) => callback(null, { current: count, ttl: resetMs }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      // Keys carry their limit's name, so one store serves every route.
      return this;
    }
  }
  return SharedRateLimitStore;
}
