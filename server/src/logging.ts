/**
 * What the server logs, and what it never does. Logs are read by more people
 * and kept longer than the database, so nothing private goes in: no
 * registrant contact or consent, no token, no SQL text or parameters (a
 * database error's `detail` quotes the failing row, email and all). Errors
 * keep their kind, code, message and stack; requests their method, path,
 * status and time.
 * @module
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';

/** Logging settings from the configuration. */
export interface LogConfig {
  /** pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  level: string;
  /** Log every request (one line, at info). Off by default: see docs/performance.md for its cost. */
  accessLog: boolean;
  /** Requests slower than this are logged (warn) even with the access log off, in ms. */
  slowRequestMs: number;
}

/** Where the server's log lines go, for tests that read them: anything with `write(line)`. */
export interface LogStream {
  write(line: string): void;
}

/**
 * Paths pino censors wherever they appear, in case a caller logs a request,
 * a body or an error object by hand. The serializers below already leave
 * them out of what Fastify logs itself.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-actor"]',
  'headers.authorization',
  'body.registrant',
  'body.consent',
  'registrant',
  'consent',
  'registration.registrant',
  'registration.consent',
  'input.registrant',
  'input.consent',
  'token',
  'adminToken',
  'params',
  'parameters',
  'query',
  'err.params',
  'err.query',
  'err.detail',
];

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** An error as logged: what it is and where it came from, never the data it was about. */
export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'a non-Error value was thrown', stack: '' };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(statusCode === undefined ? {} : { statusCode }),
    stack: error.stack ?? '',
    ...(error.cause !== undefined && depth < 3 ? { cause: loggedError(error.cause, depth + 1) } : {}),
  };
}

/** Fastify's `logger` option for a configuration. */
export function loggerOptions(config: LogConfig, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level: config.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: loggedError,
      // The path only: a query can hold the postcode a person searched from.
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    ...(stream ? { stream } : {}),
  };
}

/**
 * One line per request instead of Fastify's two: every request at info when
 * the access log is on; otherwise only the slow ones (warn). Errors (5xx) are
 * logged by the error handler whatever this says.
 */
export function logRequests(app: FastifyInstance, config: LogConfig): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const log: FastifyBaseLogger = request.log;
    if (ms >= config.slowRequestMs) log.warn({ req: request.raw, res: reply.raw, ms: Math.round(ms) }, 'slow request');
    else if (config.accessLog) log.info({ req: request.raw, res: reply.raw, ms: Math.round(ms * 10) / 10 }, 'request');
  });
}
