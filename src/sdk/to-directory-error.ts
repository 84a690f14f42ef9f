import { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import { PROBLEM_TYPES, type Problem } from '../schema/index.js';
import type { ResponseValidators } from './transport.js';
import {
  ConflictError,
  DirectoryError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UnknownPlaceError,
  ValidationError,
} from './errors.js';

const BY_STATUS: Record<number, typeof DirectoryError> = {
  400: ValidationError,
  401: UnauthorizedError,
  403: UnauthorizedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};

/** The signals a call ran under: the caller's own, and the deadline its `timeout` set. */
export interface CallSignals {
  caller?: AbortSignal | undefined;
  deadline?: AbortSignal | undefined;
}

/**
 * Turns whatever ky or fetch threw into the SDK's errors: the one place that
 * knows how HTTP failures map to `DirectoryError` kinds.
 * @param signals once the caller's signal has fired, its reason is the answer;
 *   once the deadline has, the answer is a `TimeoutError`
 * @param validate the client's schemas: with them, a problem document is checked like any answer
 */
export async function toDirectoryError(error: unknown, signals: CallSignals = {}, validate?: ResponseValidators): Promise<unknown> {
  // Once the caller aborts, whatever failed next is moot: they get their own reason back, as fetch does.
  if (signals.caller?.aborted) return signals.caller.reason;
  if (signals.deadline?.aborted || error instanceof KyTimeoutError) {
    return new TimeoutError('The directory did not answer in time', { cause: error });
  }
  if (error instanceof HTTPError) return fromResponse(error.response, error, validate);
  // An abort nobody asked for (the connection torn down under the body) is a network failure.
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new NetworkError('The connection to the directory was lost', { cause: error });
  }
  // A body that is not JSON is a broken answer, not a broken network.
  if (error instanceof SyntaxError) return new ResponseShapeError('The directory sent a response that is not JSON', { cause: error });
  // fetch rejects with a TypeError whenever no response arrived (offline, DNS, refused).
  if (error instanceof TypeError) return new NetworkError('The directory could not be reached', { cause: error });
  return error;
}

async function fromResponse(response: Response, cause: HTTPError, validate?: ResponseValidators): Promise<DirectoryError> {
  const status = response.status;
  const problem = readProblem(await response.json().catch(() => undefined), validate);
  const Kind =
    status === 422 && problem?.type.endsWith(PROBLEM_TYPES.unknownPlace)
      ? UnknownPlaceError
      : (BY_STATUS[status] ?? (status >= 500 ? ServerError : DirectoryError));
  return new Kind(problem?.detail ?? problem?.title ?? cause.message, {
    status,
    problem,
    cause,
    retryAfter: secondsToWait(response.headers.get('retry-after')),
  });
}

/**
 * The problem document in an error's body. A proxy or load balancer in
 * front of the API may answer an error with JSON of its own, so even an
 * unchecked body is taken as a problem only when it has a problem's `type`
 * and `title`; the status and the message then come from the response.
 */
function readProblem(body: unknown, validate?: ResponseValidators): Problem | undefined {
  const schema = validate?.problem;
  if (schema) return schema.safeParse(body).data;
  const p = body as Partial<Problem> | null | undefined;
  const looksLikeOne = typeof p?.type === 'string' && typeof p.title === 'string' && (p.errors === undefined || Array.isArray(p.errors));
  return looksLikeOne ? (p as Problem) : undefined;
}

// Retry-After is either a number of seconds or an HTTP date.
function secondsToWait(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
