/**
 * Public answers carry an ETag and Cache-Control so a CDN or the browser can
 * serve repeats and revalidate cheaply: a search near a popular postcode is
 * asked many times and changes only when a group does.
 * @module
 */
import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long search results and groups stay fresh: a minute, as a moderator's change may be waited for. */
export const SHORT_CACHE_SECONDS = 60;
/** Cache-Control for search results and groups. */
export const SHORT_CACHE = `public, max-age=${SHORT_CACHE_SECONDS}`;
/** Cache-Control for answers that change only with a release or a restart (taxonomy, places). */
export const LONG_CACHE = 'public, max-age=86400';

/** A strong ETag for a JSON text: the same bytes, the same tag. */
export function etagOf(json: string | Buffer): string {
  return `"${hash('sha1', json, 'base64url')}"`;
}

/**
 * A strong ETag for an answer that is a pure function of `parts` (e.g. the
 * index version and the query): hashing those is cheaper than hashing a
 * large answer.
 */
export function etagFrom(...parts: (string | number)[]): string {
  // The one-shot hash: no Hash object per answer.
  return `"${hash('sha1', parts.join('\u0000'), 'base64url')}"`;
}

/** Whether the client already has the answer tagged `etag` (`If-None-Match`). */
export function isFresh(request: FastifyRequest, etag: string): boolean {
  return matches(request.headers['if-none-match'], etag);
}

/**
 * Sends prebuilt JSON (text or its UTF-8 bytes) with validators, or 304 when
 * the client already has it. It goes out as is: no second serialisation.
 */
export function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  json: string | Buffer,
  cacheControl: string,
  etag: string = etagOf(json),
): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', etag);
  if (isFresh(request, etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): a W/ prefix does not prevent a match.
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Sends JSON text that needs no validators (it is never cached). */
export function sendPrebuilt(reply: FastifyReply, json: string): FastifyReply {
  return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(json);
}

/** Adds a request header to `Vary`, keeping what CORS put there (`Origin`). */
export function addVary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  if (current === undefined) {
    reply.header('vary', header);
    return;
  }
  const values = String(current)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!values.some((v) => v.toLowerCase() === header.toLowerCase() || v === '*')) values.push(header);
  reply.header('vary', values.join(', '));
}
