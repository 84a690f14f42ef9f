import ky, { type Options } from 'ky';
import type * as z from 'zod/mini';
import type { ResponseName, ResponseShapes } from '../schema/index.js';
import { ResponseShapeError } from './errors.js';
import { toDirectoryError } from './to-directory-error.js';

/** Options shared by `createDirectoryClient` and `createAdminClient`. */
export interface ClientOptions {
  /** Where the directory API lives, e.g. `https://directory.example.org` (the `/v1/...` paths are added). */
  baseUrl: string | URL;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /**
   * Milliseconds the whole call may take, every attempt and the reading of
   * the answer included, before it ends with a `TimeoutError`. A server that
   * sends its headers and then stalls, or drips its body, is cut off too.
   * Default 10 000.
   */
  timeout?: number;
  /**
   * How many times to retry a request that failed on the network or with a
   * 408 or 5xx status. Only reads are retried, and registrations (which carry
   * an idempotency key). Default 2. Rate limits (429) are never retried:
   * `RateLimitError.retryAfter` tells the caller how long to wait.
   */
  retry?: number;
  /** Headers sent with every request. */
  headers?: HeadersInit;
  /**
   * Schemas to check each answer against, by name: pass `responseSchemas`
   * from `peer-directory/schema`. An answer that does not match is a
   * `ResponseShapeError`, never passed on. Without them the client trusts
   * the API's documented types, and a page using it downloads no zod.
   */
  validate?: ResponseValidators | undefined;
}

/** A schema for each answer the client may check, by name (`responseSchemas` has them all). */
export type ResponseValidators = { readonly [K in ResponseName]?: z.ZodMiniType<ResponseShapes[K]> };

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with the signal's reason (an `AbortError`), untouched. */
  signal?: AbortSignal | undefined;
}

/** One HTTP call whose JSON answer is the named shape (checked when the client has validators), or `null` for an empty answer. */
export interface Send {
  <K extends ResponseName>(path: string, shape: K, init?: Options): Promise<ResponseShapes[K]>;
  (path: string, shape: null, init?: Options): Promise<void>;
}

/**
 * Checks `body` against the client's schema for `shape`, if it has one:
 * the one place the SDK decides whether to trust an answer.
 */
export function checked<K extends ResponseName>(
  validate: ResponseValidators | undefined,
  shape: K,
  body: unknown,
  what: string,
): ResponseShapes[K] {
  const schema = validate?.[shape];
  if (!schema) return body as ResponseShapes[K];
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ResponseShapeError(`The directory's answer to ${what} does not match its documented shape`, { cause: parsed.error });
  }
  return parsed.data;
}

/** Statuses worth a second attempt: the server may well succeed next time. */
const RETRY_STATUSES = [408, 500, 502, 503, 504];

/** Builds the one function every resource calls: ky underneath, typed errors and checked answers on top. */
export function createTransport(options: ClientOptions): Send {
  const timeout = options.timeout ?? 10_000;
  const api = ky.create({
    prefixUrl: options.baseUrl,
    fetch: options.fetch,
    // ky's own timeout ends at the response headers; the call's deadline below covers the body too.
    timeout: false,
    headers: options.headers,
    // A long Retry-After on a 503 should reach the caller, not stall them.
    retry: { limit: options.retry ?? 2, statusCodes: RETRY_STATUSES, maxRetryAfter: 5_000 },
  });

  return (async (path: string, shape: ResponseName | null, init?: Options) => {
    const caller = init?.signal ?? undefined;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException('The call took too long', 'TimeoutError')), timeout);
    const signal = caller ? AbortSignal.any([caller, deadline.signal]) : deadline.signal;
    let body: unknown;
    try {
      const response = api(path, { ...init, signal });
      // `.json()` also asks for JSON in the Accept header.
      body = shape ? await response.json() : await response;
    } catch (error) {
      throw await toDirectoryError(error, { caller, deadline: deadline.signal }, options.validate);
    } finally {
      clearTimeout(timer);
    }
    return shape ? checked(options.validate, shape, body, path) : undefined;
  }) as Send;
}
