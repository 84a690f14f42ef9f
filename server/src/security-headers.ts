/**
 * Security headers on every answer, from helmet: the demo's HTML pages and
 * the JSON API alike.
 * - A Content-Security-Policy that allows only this origin's scripts,
 *   styles and connections (the elements need no inline script or style),
 *   and `frame-ancestors 'none'` with `X-Frame-Options: DENY`, so no other
 *   site can frame a page (the admin page's token field above all).
 * - `X-Content-Type-Options: nosniff`, and `Referrer-Policy: no-referrer`:
 *   a search URL can hold where a person searched from, which must not
 *   travel to the sites of the groups they follow a link to.
 * - `Cross-Origin-Resource-Policy: cross-origin`: the API and the browser
 *   bundles are meant to be used by other sites.
 * - HSTS only when the operator asks for it (`HSTS_MAX_AGE`), since only
 *   they know that every name the server answers to has TLS (docs/security.md).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The policy every answer carries; `img-src data:` is for the inline SVG marks of the demo's pages. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Registers the headers; `hstsMaxAgeSeconds` 0 sends no Strict-Transport-Security.
 *
 * helmet's middleware is built once, here. @fastify/helmet built it again on
 * every request (its options parsed, the policy written out afresh), which
 * was 7 % of a search's server time and more of `/healthz`'s. A route that
 * needs another policy (the pages email links open) sets its own header,
 * which replaces this one.
 */
export async function securityHeaders(app: FastifyInstance, hstsMaxAgeSeconds: number): Promise<void> {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: hstsMaxAgeSeconds > 0 ? { maxAge: hstsMaxAgeSeconds, includeSubDomains: false } : false,
  });
  // helmet 8 throws rather than passing errors on, and only for options, which were checked above.
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()));
}
