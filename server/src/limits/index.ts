/**
 * Abuse limits, per client address, shared by every API process through the
 * store (see {@link HitCounter}):
 * - searches and geocoding: a generous limit a minute, for scrapers, not people;
 * - registrations: only accepted ones count (see routes/registrations.ts);
 * - wrong admin tokens: a few every 15 minutes, then every admin request
 *   from that address waits (routes/admin.ts).
 * Beyond a limit the answer is 429 with `Retry-After`.
 * @module
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../errors.js';
import type { HitCounter } from './hit-counter.js';
import { rateLimitStoreOn } from './rate-limit-store.js';

export { HitCounter } from './hit-counter.js';

/** The routes that share the search limit. */
export const SEARCH_ROUTES = new Set(['/v1/groups', '/v1/everywhere', '/v1/geocode']);

/** How long a window of wrong admin tokens lasts. */
export const ADMIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Registers @fastify/rate-limit on the shared counter, and the search limit for {@link SEARCH_ROUTES}. */
export async function registerRateLimits(app: FastifyInstance, counter: HitCounter, searchesPerMinute: number): Promise<void> {
  await app.register(rateLimit, {
    // Only what asks for a limit has one: the search hook below, and routes' own `config.rateLimit`.
    global: false,
    store: rateLimitStoreOn(counter),
    // If the database cannot count, serve rather than fail.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'rateLimited', `Too many requests from this address. Try again in ${context.after}.`),
  });
  const searchLimit = app.rateLimit({
    max: searchesPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `search:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'rateLimited', `Too many searches from this address. Try again in ${context.after}.`),
  });
  // A global hook runs before the search route's own (which answers repeats from its cache), so repeats count too.
  app.addHook('onRequest', async (request, reply) => {
    if (SEARCH_ROUTES.has(request.routeOptions.url ?? '')) await searchLimit.call(app, request, reply);
  });
  app.addHook('onClose', () => counter.close());
}
