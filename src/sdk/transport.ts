import ky, { type Options } from 'ky';
import type { z } from 'zod/mini';
import { ResponseShapeError } from './errors.js';
import { toDirectoryError } from './to-directory-error.js';

/** Options shared by `createDirectoryClient` and `createAdminClient`. */
export interface ClientOptions {
  /** Where the directory API lives, e.g. `https://directory.example.org` (the `/v1/...` paths are added). */
  baseUrl: string | URL;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt before a `TimeoutError`. Default 10 000. */
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
}

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with the signal's reason (an `AbortError`), untouched. */
  signal?: AbortSignal | undefined;
}

/** One HTTP call whose JSON answer is checked against `schema` (none for an empty answer). */
export type Send = <S extends z.ZodMiniType>(path: string, schema: S | null, init?: Options) => Promise<z.output<S>>;

/** Statuses worth a second attempt: the server may well succeed next time. */
const RETRY_STATUSES = [408, 500, 502, 503, 504];

/** Builds the one function every resource calls: ky underneath, typed errors and checked answers on top. */
export function createTransport(options: ClientOptions): Send {
  const api = ky.create({
    prefixUrl: options.baseUrl,
    fetch: options.fetch,
    timeout: options.timeout ?? 10_000,
    headers: options.headers,
    // A long Retry-After on a 503 should reach the caller, not stall them.
    retry: { limit: options.retry ?? 2, statusCodes: RETRY_STATUSES, maxRetryAfter: 5_000 },
  });

  return async (path, schema, init) => {
    let body: unknown;
    try {
      const response = api(path, init);
      // `.json()` also asks for JSON in the Accept header.
      body = schema ? await response.json() : await response;
    } catch (error) {
      throw await toDirectoryError(error, init?.signal ?? undefined);
    }
    if (!schema) return undefined as never;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ResponseShapeError(`The directory's answer to ${path} does not match its documented shape`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  };
}
