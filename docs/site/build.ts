/**
 * `npm run docs`: the documentation site in `docs/reference/`. First the
 * server's own OpenAPI document, taken from an in-process server with an
 * empty store, is rendered by `redocly build-docs` into one self-contained
 * page; then TypeDoc writes the API reference of every entry point (the
 * element classes included) with the guides in `docs/guides/`
 * (`typedoc.json`), which link to that page. Nothing is fetched from the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config.js';
import { createServer } from '../../server/src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'docs/reference');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

const dataDir = mkdtempSync(join(tmpdir(), 'peer-directory-docs-'));
const server = await createServer(loadConfig({ DATA_DIR: dataDir, SEARCH_SNAPSHOT: 'off' }), { seed: 'none' });
try {
  const document = (await server.app.inject({ url: '/openapi.json' })).body;
  const file = join(dataDir, 'openapi.json');
  writeFileSync(file, document);
  // --inlineBundle: Redoc's script goes into the page, which then loads nothing from elsewhere.
  execFileSync(
    bin('redocly'),
    [
      'build-docs',
      file,
      '--inlineBundle',
      '--output',
      join(root, 'docs/site/.generated/http-api.html'),
      '--title',
      'peer-directory HTTP API',
    ],
    {
      cwd: dataDir,
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
// The guides link to the page above, so TypeDoc copies it into the site.
execFileSync(bin('typedoc'), { cwd: root, stdio: 'inherit' });
console.log(`The documentation is in ${out}/index.html`);
