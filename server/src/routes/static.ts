/**
 * `serve --demo`: the repository's demo site at `/` and the browser bundles
 * at `/cdn/`, from the same origin as the API so the demo needs no setup.
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where the demo's files are; by default the repository's `demo/` and `dist/cdn/`. */
export interface StaticRoutesOptions {
  demoDir?: string;
  cdnDir?: string;
}

// server/src/routes (or server/dist/routes) -> the repository root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Serves the demo site and the CDN bundles. */
export const staticRoutes: FastifyPluginAsync<StaticRoutesOptions> = async (app, options) => {
  const demoDir = options.demoDir ?? `${repoRoot}demo`;
  const cdnDir = options.cdnDir ?? `${repoRoot}dist/cdn`;
  if (!existsSync(cdnDir)) app.log.warn(`${cdnDir} does not exist: run npm run build for the /cdn/ bundles`);
  await app.register(fastifyStatic, { root: demoDir, prefix: '/', index: 'index.html', maxAge: 0 });
  await app.register(fastifyStatic, { root: cdnDir, prefix: '/cdn/', decorateReply: false, maxAge: 0 });
};
