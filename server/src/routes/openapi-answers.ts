/**
 * Which statuses each operation of the OpenAPI document lists, and why. Most
 * follow from the route itself (every route can meet a missing Host header
 * or a slow client; a POST can be sent too large a body or the wrong type;
 * a path with an id can name nothing; a rate-limited or admin route can
 * answer 429); a route declares the rest in `schema.answers` (a 304 where it
 * sends an ETag, a conflict, an unknown place). `test/node/fuzz.test.ts`
 * fails when an answer's status is not listed for its operation.
 * @module
 */
import type { RouteOptions } from 'fastify';
import { SEARCH_ROUTES } from '../limits/index.js';

/** A status an operation may answer besides its success. */
export type AnswerStatus = 304 | 400 | 401 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 431 | 500 | 503;

declare module 'fastify' {
  interface FastifySchema {
    /**
     * For the OpenAPI document only: statuses this route answers beyond
     * those every route of its kind does (see {@link answersOf}), each with
     * when (`true`: the usual words); for an implied status, words of this route's own.
     */
    answers?: Partial<Record<AnswerStatus, string | true>>;
    /**
     * For the OpenAPI document only: answers in media types the zod
     * response schemas do not give (a page, a calendar file), by status.
     */
    media?: Record<number, MediaAnswer>;
  }
}

/** A success answer in other media types than JSON: its description, and each type's schema and example. */
export interface MediaAnswer {
  description: string;
  content: Record<string, { schema: Record<string, unknown>; example?: unknown }>;
}

/** The page a link from an email opens (`text/html`). */
export const HTML_PAGE: MediaAnswer = {
  description: 'A page in the language asked for (`lang`), saying what happened.',
  content: { 'text/html': { schema: { type: 'string' } } },
};

const WHEN: Record<AnswerStatus, string> = {
  304: 'Not modified: the `If-None-Match` tag is still the current one. No body.',
  400:
    'A parameter, header or body field is not valid, each named in `errors` by a JSON Pointer (`#/radius`, ' +
    '`#/group/name`); or the request has no Host header, or a query string that does not decode as UTF-8.',
  401: 'The bearer token is missing or wrong (`WWW-Authenticate: Bearer`). With no ADMIN_TOKEN set, always.',
  404: 'Nothing has this id.',
  408: 'The request line, headers or body did not arrive in time (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS); the connection is closed.',
  409: 'The request conflicts with the current state.',
  413: 'The body is larger than BODY_LIMIT_BYTES (64 KB unless configured); the detail says the limit.',
  415: 'The body is not `application/json`.',
  422: 'The postcode or place is well formed, but no geocoder knows it; `errors` names the field.',
  429: 'Too many requests from this address: wait `Retry-After` seconds.',
  431: 'The request headers are larger than this API accepts.',
  500: 'A fault of ours, never caused by what was sent.',
  503: 'The server is shutting down: try again, and another process answers.',
};

/** The statuses, with when, that the route answers besides its success. */
export function answersOf(route: RouteOptions): Partial<Record<AnswerStatus, string>> {
  const { url, schema } = route;
  const methods = ([] as string[]).concat(route.method);
  const picked: AnswerStatus[] = [400, 408, 431, 500, 503];
  if (methods.some((m) => m === 'POST' || m === 'PUT')) picked.push(413, 415);
  if (url.includes('/:')) picked.push(404);
  const admin = (schema?.security?.length ?? 0) > 0;
  if (admin) picked.push(401);
  const rateLimited = Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) || SEARCH_ROUTES.has(url);
  if (admin || rateLimited) picked.push(429);
  const answers: Partial<Record<AnswerStatus, string>> = {};
  for (const status of picked) answers[status] = WHEN[status];
  if (admin) {
    answers[429] = 'Too many wrong admin tokens from this address (ADMIN_FAILURE_LIMIT in 15 minutes): wait `Retry-After` seconds.';
  }
  for (const [status, when] of Object.entries(schema?.answers ?? {})) {
    answers[Number(status) as AnswerStatus] = when === true ? WHEN[Number(status) as AnswerStatus] : when;
  }
  return Object.fromEntries(Object.entries(answers).sort(([a], [b]) => Number(a) - Number(b)));
}
