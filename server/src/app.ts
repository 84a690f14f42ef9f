/**
 * The HTTP API as a Fastify instance: shared plugins (validation from the
 * shared zod schemas, CORS, rate limits, the OpenAPI document, problem
 * errors) and one plugin per resource.
 * @module
 */
import Fastify, { LogController } from 'fastify';
import cors from '@fastify/cors';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Geocoder } from './geocode/geocoder.js';
import type { SearchPort } from './search/index.js';
import type { Store } from './store/store.js';
import type { MailService } from './mail/index.js';
import { reminderRoutes } from './routes/reminders.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler } from './errors.js';
import { HitCounter, registerRateLimits } from './limits/index.js';
import { loggerOptions, logRequests, type LogStream } from './logging.js';
import { parseQueryString, refuseMissingHost, refuseUndecodableQuery } from './request-checks.js';
import { securityHeaders } from './security-headers.js';
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

/** Everything `buildApp` wires together. */
export interface AppDependencies {
  config: Config;
  store: Store;
  geocoder: Geocoder;
  search: SearchPort;
  /** Email, when SMTP_URL is set: routes queue it in the store with their change and wake the worker. */
  mail?: MailService | undefined;
  /** Log as the configuration says (`true`, the CLI), to a stream of one's own (tests), or not at all (default). */
  logger?: boolean | { stream: LogStream };
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
  const { timeouts } = config;
  const app = Fastify({
    logger: logger === false ? false : loggerOptions(config.log, logger === true ? undefined : logger.stream),
    // Fastify's own two lines per request cost throughput; logRequests writes one, when asked.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    http: {
      // A request without a Host header reaches the handlers below and gets a
      // problem document, rather than Node's own empty 400.
      requireHostHeader: false,
      headersTimeout: timeouts.headersMs,
      // Node checks the two timeouts above on this interval (30 s by default, which would double them).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    },
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    routerOptions: { maxParamLength: 200, querystringParser: parseQueryString },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.server.maxConnections = config.maxConnections;
  logRequests(app, config.log);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Only JSON bodies: a text/plain POST (which browsers send cross-site
  // without a preflight) is refused rather than parsed as a string.
  app.removeContentTypeParser('text/plain');

  await securityHeaders(app, config.hstsMaxAgeSeconds);
  await app.register(cors, {
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
    exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 86400,
    // An OPTIONS request that is not a real preflight gets an empty 204, not a bare-text 400.
    strictPreflight: false,
  });
  // After the headers and CORS, so that these refusals carry both.
  app.addHook('onRequest', refuseMissingHost);
  app.addHook('onRequest', refuseUndecodableQuery);
  const counter = new HitCounter(store);
  await registerRateLimits(app, counter, config.searchRateLimit);
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  await app.register(groupRoutes, { geocoder, search, store });
  await app.register(calendarRoutes, { store });
  await app.register(meetingsRoutes, { store });
  await app.register(taxonomyRoutes, { principles: config.principles, email: mail !== undefined });
  await app.register(geocodeRoutes, { geocoder });
  await app.register(registrationRoutes, { geocoder, store, counter, rateLimit: config.registrationRateLimit, mail });
  await app.register(adminRoutes, {
    geocoder,
    store,
    search,
    counter,
    adminToken: config.adminToken,
    failureLimit: config.adminFailureLimit,
    mail,
  });
  await app.register(feedRoutes, {
    store,
    geocoder,
    searchVersion: () => search.version,
    principles: config.principles,
    rateLimit: config.feedRateLimit,
  });
  await app.register(reminderRoutes, {
    store,
    mail,
    rateLimit: config.reminderRateLimit,
    ...(config.reminderLimits ? { limits: config.reminderLimits } : {}),
  });
  if (config.demo) await app.register(staticRoutes);

  return app;
}

/** The API's Fastify instance, typed with the zod type provider. */
export type App = Awaited<ReturnType<typeof buildApp>>;
