/**
 * Checks every request gets before routing: it names its host, and its query
 * string decodes. Query strings as the routes read them: parsed by fast-querystring (Fastify's
 * own parser), with one addition. On a `%` escape that is not UTF-8 (`%ED%A0%80`,
 * the bytes of a lone surrogate, or a cut-off `%E2%82`) fast-querystring keeps
 * the escaped text as the value, so `q=%E2%82` would search for the letters
 * "%E2%82". Such parameters are noted here and refused before validation.
 * @module
 */
import { parse } from 'fast-querystring';
import type { FastifyRequest } from 'fastify';
import { validationProblem } from './errors.js';

const UNDECODABLE = Symbol('undecodable parameters');

type ParsedQuery = Record<string, unknown> & { [UNDECODABLE]?: string[] };

/** Fastify's `querystringParser`: the parsed query, remembering parameters whose escapes are not UTF-8. */
export function parseQueryString(text: string): ParsedQuery {
  const query = parse(text) as ParsedQuery;
  const undecodable: string[] = [];
  for (const pair of text.split('&')) {
    try {
      decodeURIComponent(pair.replaceAll('+', ' '));
    } catch {
      const key = pair.split('=', 1)[0]!;
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // The name itself is broken: point at it as written.
      }
      undecodable.push(name.slice(0, 100));
    }
  }
  if (undecodable.length > 0) Object.defineProperty(query, UNDECODABLE, { value: undecodable });
  return query;
}

/** An `onRequest` hook: a 400 naming each parameter whose `%` escapes are not UTF-8. */
export async function refuseUndecodableQuery(request: FastifyRequest): Promise<void> {
  const undecodable = (request.query as ParsedQuery | undefined)?.[UNDECODABLE];
  if (!undecodable) return;
  throw validationProblem(
    undecodable.map((name) => ({
      pointer: `#/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
      detail: 'Not valid UTF-8: check its % escapes',
    })),
  );
}

/**
 * An `onRequest` hook: HTTP/1.1 requires a Host header. Node would answer an
 * empty 400 itself (the server turns that off, `requireHostHeader: false`),
 * so the request gets here and a problem document instead.
 */
export async function refuseMissingHost(request: FastifyRequest): Promise<void> {
  if (!request.headers.host) {
    throw validationProblem([{ pointer: '#/host', detail: 'Send a Host header naming this server, as HTTP/1.1 requires' }]);
  }
}
