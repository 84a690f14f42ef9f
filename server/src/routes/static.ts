/**
 * `serve --demo`: the demo site at `/` and the browser bundles at `/cdn/`,
 * from the same origin as the API so the demo needs no setup.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where the demo's files are; by default the packed `demo/` or the repository's built `dist/demo/`, and `peer-directory`'s `dist/cdn/`. */
export interface StaticRoutesOptions {
  demoDir?: string;
  cdnDir?: string;
}

/**
 * The demo pages: the copy packed into this package (`demo/`, put there by
 * `prepack`), or else, in the repository, the built demo (`dist/demo/`:
 * `demo/build.mjs`, run by `npm run build`, gives every page the site's one
 * header and footer).
 */
function defaultDemoDir(): string {
  const packed = fileURLToPath(new URL('../../demo', import.meta.url));
  return existsSync(packed) ? packed : fileURLToPath(new URL('../../../dist/demo', import.meta.url));
}

/** The CDN bundles come from the `peer-directory` package the server depends on (in the repository, its root). */
function defaultCdnDir(): string {
  return `${dirname(fileURLToPath(import.meta.resolve('peer-directory/package.json')))}/dist/cdn`;
}

/** Serves the demo site and the CDN bundles. */
export const staticRoutes: FastifyPluginAsync<StaticRoutesOptions> = async (app, options) => {
  const demoDir = options.demoDir ?? defaultDemoDir();
  const cdnDir = options.cdnDir ?? defaultCdnDir();
  for (const dir of [demoDir, cdnDir]) if (!existsSync(dir)) app.log.warn(`${dir} does not exist: run npm run build`);
  // Both builds write a brotli and a gzip copy beside each file (tools/precompress.mjs): sent as they are.
  // cacheControl off: send's own Cache-Control header is written after setHeaders and would replace ours.
  const shared = { preCompressed: true, cacheControl: false, setHeaders: cacheHeaders } as const;
  await app.register(fastifyStatic, { root: demoDir, prefix: '/', index: 'index.html', ...shared });
  // With preCompressed, @fastify/static answers 404 for a directory's index when the browser accepts
  // gzip or brotli, as every browser does (fastify/fastify-static#270): the home page is named outright.
  app.get('/', (_request, reply) => reply.sendFile('index.html'));
  await app.register(fastifyStatic, { root: cdnDir, prefix: '/cdn/', decorateReply: false, ...shared });
};

/** The CDN build's chunks carry a content hash in their names (rollup.config.mjs): a name never changes content. */
const HASHED = /\/chunks\/[^/]+-[\w-]{8}\.js$/;

/**
 * Hashed files are kept for a year without asking again; every other file
 * (pages, the elements' entry files, the site's own scripts and styles) is
 * checked with its ETag on each use, so a new release shows at once.
 */
function cacheHeaders(res: SetHeadersResponse, path: string) {
  // Which copy was sent depends on Accept-Encoding: caches must keep them apart.
  res.setHeader('vary', 'accept-encoding');
  res.setHeader('cache-control', HASHED.test(path.replace(/\.(br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
}
