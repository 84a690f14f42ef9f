import type { FieldError, Problem } from '../schema/index.js';

/** What every directory error may know besides its message. */
export interface DirectoryErrorInit {
  /** The HTTP status, when the API answered. */
  status?: number | undefined;
  /** The API's problem document (RFC 9457), when it sent one. */
  problem?: Problem | undefined;
  /** The underlying error (a fetch failure, a schema issue...). */
  cause?: unknown;
  /** Seconds to wait before trying again, from `Retry-After`. */
  retryAfter?: number | undefined;
}

/**
 * The base of every error the SDK throws, so one `instanceof DirectoryError`
 * separates directory failures from bugs. Aborts are not directory errors:
 * they surface as the platform's `AbortError` untouched.
 *
 * @example
 * ```ts
 * try {
 *   await client.groups.search({ near: 'SW1A 1AA' });
 * } catch (error) {
 *   if (error instanceof UnknownPlaceError) showMessage('We could not find that postcode');
 *   else if (error instanceof DirectoryError) showMessage(error.message);
 *   else throw error;
 * }
 * ```
 */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
  /** The HTTP status, when the API answered. */
  readonly status?: number | undefined;
  /** The API's problem document, when it sent one. */
  readonly problem?: Problem | undefined;

  constructor(message: string, init: DirectoryErrorInit = {}) {
    super(message, { cause: init.cause });
    this.status = init.status;
    this.problem = init.problem;
  }
}

/** The request was refused as invalid (400): `errors` names every bad field. */
export class ValidationError extends DirectoryError {
  override name = 'ValidationError';
  /** One entry per invalid field; `pointer` is a JSON Pointer such as `#/radius` or `#/group/name`. */
  readonly errors: FieldError[];

  constructor(message: string, init: DirectoryErrorInit = {}) {
    super(message, init);
    this.errors = init.problem?.errors ?? [];
  }
}

/** No such group or registration, or it has been archived (404). */
export class NotFoundError extends DirectoryError {
  override name = 'NotFoundError';
}

/**
 * The postcode, ZIP code or place is well formed but could not be located
 * (422, `/problems/unknown-place`). It is a kind of `ValidationError`:
 * `errors` names the field it was typed in (e.g. `#/near`), so a form can
 * show the message beside it.
 */
export class UnknownPlaceError extends ValidationError {
  override name = 'UnknownPlaceError';
}

/** The admin token is missing, wrong or not allowed to do this (401, 403). */
export class UnauthorizedError extends DirectoryError {
  override name = 'UnauthorizedError';
}

/** The request conflicts with the current state, e.g. approving a rejected registration (409). */
export class ConflictError extends DirectoryError {
  override name = 'ConflictError';
}

/** Too many requests (429): wait `retryAfter` seconds before trying again. */
export class RateLimitError extends DirectoryError {
  override name = 'RateLimitError';
  /** Seconds to wait, from the `Retry-After` header; undefined when the server did not say. */
  readonly retryAfter?: number | undefined;

  constructor(message: string, init: DirectoryErrorInit = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** The directory failed or is unavailable (5xx), after any retries. */
export class ServerError extends DirectoryError {
  override name = 'ServerError';
}

/** The request never reached the directory: offline, DNS, refused connection. */
export class NetworkError extends DirectoryError {
  override name = 'NetworkError';
}

/** The directory did not answer within the client's `timeout`. */
export class TimeoutError extends DirectoryError {
  override name = 'TimeoutError';
}

/**
 * The directory answered with something that is not the documented shape:
 * the SDK never passes such data on. `cause` holds the schema issues.
 */
export class ResponseShapeError extends DirectoryError {
  override name = 'ResponseShapeError';
}
