/**
 * Every error the API answers with is an RFC 9457 problem document
 * (`application/problem+json`), built here and nowhere else, so clients
 * (the SDK, the elements' error summaries) handle one shape.
 * @module
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorCodes, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { PROBLEM_TYPES, type FieldError, type Problem } from 'peer-directory/schema';
import { GeocoderUnavailableError, InvalidPlaceError, UnknownPlaceError } from './geocode/geocoder.js';
import { InvalidCursorError } from './search/index.js';
import { RegistrationStateError } from './store/errors.js';

// zod/mini ships without messages: without these, every field error would read "Invalid input".
z.config(en());

type ProblemKind = keyof typeof PROBLEM_TYPES;

// A title belongs to its type, not to one occurrence (RFC 9457 §3.1.3).
const TITLES: Record<ProblemKind, string> = {
  validation: 'Some of the request is not valid',
  notFound: 'Not found',
  unknownPlace: 'Place not found',
  rateLimited: 'Too many requests',
  unauthorized: 'Not authorised',
  conflict: 'Conflict',
  tooLarge: 'Request too large',
  unavailable: 'Service unavailable',
  internal: 'Something went wrong on our side',
};

/** An error a route throws to answer with a problem document. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? TITLES[kind]);
  }

  /** The problem document this error stands for. */
  toProblem(): Problem {
    return {
      type: PROBLEM_TYPES[this.kind],
      title: TITLES[this.kind],
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/** 400: one or more fields are wrong; each is named by a JSON Pointer into the query or body. */
export function validationProblem(errors: FieldError[], detail?: string): HttpProblem {
  const summary = detail ?? (errors.length === 1 ? errors[0]!.detail : `${errors.length} fields are not valid`);
  return new HttpProblem(400, 'validation', summary, errors);
}

/** 404 with a sentence people can act on. */
export function notFoundProblem(detail: string): HttpProblem {
  return new HttpProblem(404, 'notFound', detail);
}

/** Sends a problem document; strings bypass the route's response serialiser. */
export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(JSON.stringify(problem.toProblem()));
}

/** `65536` → `64 KB`: limits are configured in bytes and told to people in KB. */
export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/** Turns anything thrown while handling a request into a problem. Never answers 5xx for bad input. */
export function toHttpProblem(error: FastifyError | Error, request?: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    return validationProblem(error.validation.map((issue) => fieldError(where, issue.instancePath, issue.message, issue.params, request)));
  }
  if (error instanceof InvalidPlaceError) return validationProblem([{ pointer: '#', detail: error.message }]);
  if (error instanceof UnknownPlaceError) return new HttpProblem(422, 'unknownPlace', error.message);
  if (error instanceof GeocoderUnavailableError) {
    return new HttpProblem(503, 'unavailable', 'Finding places is not available just now. Try again in a minute.', undefined, {
      'retry-after': '60',
    });
  }
  if (error instanceof InvalidCursorError) {
    return validationProblem([{ pointer: '#/cursor', detail: error.message || 'Not a cursor from this search' }]);
  }
  if (error instanceof RegistrationStateError) return new HttpProblem(409, 'conflict', error.message);
  if (error instanceof errorCodes.FST_ERR_CTP_BODY_TOO_LARGE) {
    const limit = request?.routeOptions.bodyLimit;
    return new HttpProblem(413, 'tooLarge', `The request body is larger than this API accepts${limit ? ` (${formatBytes(limit)})` : ''}.`);
  }
  if (error instanceof errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE) {
    return new HttpProblem(415, 'validation', 'Send the request body as application/json.');
  }
  if (error instanceof errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY) {
    return validationProblem([{ pointer: '#', detail: 'The request body is empty; send a JSON document.' }]);
  }
  if (error instanceof errorCodes.FST_ERR_CTP_INVALID_JSON_BODY) {
    return validationProblem([{ pointer: '#', detail: 'The request body is not valid JSON.' }]);
  }
  if (error instanceof errorCodes.FST_ERR_BAD_URL) {
    // The router cannot say which part it failed to decode: the pointer names the request as a whole.
    return validationProblem([{ pointer: '#', detail: 'The address is not valid: check its % escapes.' }]);
  }

  const status = (error as FastifyError).statusCode;
  if (status === 429) {
    return new HttpProblem(429, 'rateLimited', error.message);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own 4xx (bad content-length, prototype poisoning, ...): the client's doing.
    return new HttpProblem(status, status === 404 ? 'notFound' : 'validation', error.message);
  }
  return new HttpProblem(500, 'internal', 'The request could not be completed. Try again later.');
}

function fieldError(
  where: string,
  instancePath: string,
  message: string | undefined,
  params: Record<string, unknown>,
  request?: FastifyRequest,
): FieldError {
  const segments = instancePath.split('/').filter(Boolean);
  // Query strings and headers are flat: point at the parameter, not inside the list it parsed to.
  const path = where === 'body' ? segments : segments.slice(0, 1);
  const pointer = path.length === 0 ? '#' : `#/${path.map(escapePointer).join('/')}`;
  let detail = unionMessage(params) ?? message ?? 'Not valid';
  if (detail.endsWith('received undefined')) detail = 'Required';
  if (where === 'body' && path.length === 0 && request && request.body === undefined) {
    detail = 'Send a JSON document with content-type application/json.';
  }
  return { pointer, detail };
}

// A failed union reports only "Invalid input"; the last alternative (the
// string form for query parameters) says what people should have written.
function unionMessage(params: Record<string, unknown>): string | undefined {
  const branches = params.errors as { message?: string }[][] | undefined;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  return branches.at(-1)?.[0]?.message;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Fastify's error handler: logs what is ours to fix and answers with a problem. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toHttpProblem(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, problem);
}

/** Unknown routes and methods: a 404 problem rather than Fastify's own JSON. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]!.slice(0, 200);
  return sendProblem(reply, notFoundProblem(`There is no ${request.method} ${path} in this API.`));
}

/** Errors Fastify raises before routing (a malformed URL): still a problem document. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, toHttpProblem(error, request));
}

/**
 * Requests Node cannot even parse (a broken request line, headers too large)
 * never reach a route; they still get a problem document before the socket closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new HttpProblem(431, 'tooLarge', 'The request headers are larger than this API accepts.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new HttpProblem(408, 'validation', 'The request took too long to arrive.')
        : new HttpProblem(400, 'validation', 'The request is not valid HTTP.');
  const body = JSON.stringify(problem.toProblem());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
