/**
 * The HTTP API as a Fastify instance: shared plugins (validation from the
 * shared zod schemas, CORS, rate limits, the OpenAPI document, problem
 * errors) and one plugin per resource.
 * @module
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Geocoder } from './geocode/geocoder.js';
import type { SearchService } from './search/index.js';
import type { Store } from './store/store.js';
import type { MailService } from './mail/index.js';
import { reminderRoutes } from './routes/reminders.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, HttpProblem, notFoundHandler } from './errors.js';
import { openapiPlugin } from './routes/openapi.js';
import { healthRoutes } from './routes/health.js';
import { groupRoutes } from './routes/groups.js';
import { taxonomyRoutes } from './routes/taxonomy.js';
import { geocodeRoutes } from './routes/geocode.js';
import { registrationRoutes } from './routes/registrations.js';
import { adminRoutes } from './routes/admin.js';
import { staticRoutes } from './routes/static.js';
import { calendarRoutes } from './routes/calendar.js';
import { feedRoutes } from './openreferral/index.js';
import { meetingsRoutes } from './routes/meetings.js';

/** Largest request body accepted: a registration is a few KB; anything near this is not one. */
export const BODY_LIMIT = 64 * 1024;

/** What the routes need from the search service: the in-memory index, and catching it up after a change. */
export type SearchPort = Pick<SearchService, 'index' | 'refresh'>;

/** Everything `buildApp` wires together. */
export interface AppDependencies {
  config: Config;
  store: Store;
  geocoder: Geocoder;
  search: SearchPort;
  /** Email, when SMTP_URL is set: routes queue it in the store with their change and wake the worker. */
  mail?: MailService | undefined;
  /** Fastify's logger option: off in tests, on in the CLI. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the API. The instance is not listening; call `listen` (or `inject` in a test).
 * @example
 * ```ts
 * const app = await buildApp({ config, store, geocoder, search });
 * await app.listen({ port: config.port, host: config.host });
 * ```
 */
export async function buildApp({ config, store, geocoder, search, mail, logger = false }: AppDependencies) {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Only JSON bodies: a text/plain POST (which browsers send cross-site
  // without a preflight) is refused rather than parsed as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(cors, {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
    exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 86400,
    // An OPTIONS request that is not a real preflight gets an empty 204, not a bare-text 400.
    strictPreflight: false,
  });
  await app.register(rateLimit, {
    // Only the routes that ask for a limit (registrations) have one.
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, 'rateLimited', `Too many requests from this address. Try again in ${context.after}.`),
  });
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  await app.register(groupRoutes, { geocoder, search, store });
  await app.register(calendarRoutes, { store });
  await app.register(meetingsRoutes, { store });
  await app.register(taxonomyRoutes, { principles: config.principles, email: mail !== undefined });
  await app.register(geocodeRoutes, { geocoder });
  await app.register(registrationRoutes, { geocoder, store, rateLimit: config.registrationRateLimit, mail });
  await app.register(adminRoutes, { geocoder, store, search, adminToken: config.adminToken, mail });
  await app.register(feedRoutes, {
    store,
    geocoder,
    searchVersion: () => search.index.version,
    principles: config.principles,
    rateLimit: config.feedRateLimit,
  });
  await app.register(reminderRoutes, { store, mail, rateLimit: config.reminderRateLimit, ...(config.reminderLimits ? { limits: config.reminderLimits } : {}) });
  if (config.demo) await app.register(staticRoutes);

  return app;
}

/** The API's Fastify instance, typed with the zod type provider. */
export type App = Awaited<ReturnType<typeof buildApp>>;
