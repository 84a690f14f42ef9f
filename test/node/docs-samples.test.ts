// Every code sample the guides (docs/guides) include, run as a reader would
// run it: the SDK program against the real server, the pages in Chromium with
// the CDN and directory addresses they name answered by the real server, the
// React sample bundled and rendered, the server's configuration started.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import pg from 'pg';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { startCli } from '../support/cli-process.js';
import { startPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLES = join(ROOT, 'docs/samples');
const SITE = 'https://www.charity.example';
const sample = (name: string) => readFile(join(SAMPLES, name), 'utf8');

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ demo: true });
  browser = await puppeteer.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('every code sample a guide shows is one of these files, and each is run below', async () => {
  const guides = await readdir(join(ROOT, 'docs/guides'));
  const included = new Set<string>();
  for (const guide of guides) {
    const text = await readFile(join(ROOT, 'docs/guides', guide), 'utf8');
    assert.doesNotMatch(text, /^```/m, `${guide} shows code only from docs/samples, through {@includeCode}`);
    for (const [, path] of text.matchAll(/\{@includeCode \.\.\/samples\/([^}#\s]+)\}/g)) included.add(path!);
  }
  assert.deepEqual([...included].sort(), [...RUN].sort());
});

/** The samples the stories below run. */
const RUN = [
  'sdk-search.ts',
  'script-tag.html',
  'wordpress-block.html',
  'theming.css',
  'theming.html',
  'events.html',
  'events.js',
  'react/App.tsx',
  'react/main.tsx',
  'npm/main.ts',
  'npm/index.html',
  'server/embedded.env',
  'server/create-database.sql',
  'server/postgres.env',
];

/**
 * A tab where `https://www.charity.example/<name>` answers `files[name]`,
 * and the CDN and directory addresses the samples name answer from the real server.
 */
async function siteTab(files: Record<string, string>): Promise<Page> {
  const tab = await browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    void (async () => {
      const url = new URL(request.url());
      if (url.origin === SITE) {
        const name = url.pathname.slice(1) || 'index.html';
        const body = files[name];
        const type = /\.(js|ts)$/.test(name) ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'text/html';
        await (body === undefined ? request.respond({ status: 404, body: '' }) : request.respond({ status: 200, contentType: type, body }));
        return;
      }
      const local =
        url.origin === 'https://cdn.example.org' && url.pathname.startsWith('/peer-directory/cdn/')
          ? `${server.url}${url.pathname.replace('/peer-directory', '')}`
          : url.origin === 'https://directory.example.org'
            ? `${server.url}${url.pathname}${url.search}`
            : undefined;
      if (!local) return request.abort();
      const answer = await fetch(local, { method: request.method(), headers: request.headers(), body: request.postData() ?? null });
      const headers = Object.fromEntries([...answer.headers].filter(([name]) => name !== 'content-encoding' && name !== 'content-length'));
      await request.respond({ status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) });
    })();
  });
  return tab;
}

/** Searches near a Leeds postcode in the page's finder and waits for its cards. */
async function search(tab: Page): Promise<void> {
  await tab.waitForFunction(() => Boolean(document.querySelector('peer-finder')?.shadowRoot?.querySelector('#place')));
  await tab.evaluate(() => {
    const input = document.querySelector('peer-finder')!.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
    input.value = 'LS1 4DY';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.form!.requestSubmit();
  });
  await tab.waitForFunction(() => document.querySelector('peer-finder')!.shadowRoot!.querySelectorAll('peer-group-card').length > 0);
}

describe('the quick starts', () => {
  test('the SDK program prints the groups near LS1 4DY, a group’s cost, and the field of an unknown postcode', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(SAMPLES, 'sdk-search.ts')], {
      cwd: ROOT,
      env: { ...process.env, DIRECTORY_URL: server.url },
    });
    assert.match(stdout, /^.+: 0\.0 mi$/m);
    assert.match(stdout, /^\d+ groups meet online or by telephone$/m);
    assert.match(stdout, /^Cost: .+$/m);
    assert.match(stdout, /^Not found: #\/near$/m);
  });

  test('the script-tag page finds groups', async () => {
    const tab = await siteTab({ 'index.html': await sample('script-tag.html') });
    await tab.goto(`${SITE}/`);
    await search(tab);
    assert.equal(await tab.$eval('peer-finder', (f) => f.getAttribute('radius')), '10');
    await tab.close();
  });

  test('the WordPress block, in a page, finds groups', async () => {
    const block = await sample('wordpress-block.html');
    const tab = await siteTab({
      'index.html': `<!doctype html><html lang="en"><head><title>Support</title></head><body><main>${block}</main></body></html>`,
    });
    await tab.goto(`${SITE}/`);
    await search(tab);
    await tab.close();
  });

  test('the React sample renders the finder and hears its results', async () => {
    const bundle = await build({
      entryPoints: [join(SAMPLES, 'react/main.tsx')],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const tab = await siteTab({
      'index.html':
        '<!doctype html><html lang="en"><head><title>React</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
      'main.js': bundle.outputFiles[0]!.text,
    });
    await tab.goto(`${SITE}/`);
    await search(tab);
    await tab.waitForFunction(() => /^\d+ groups nearby$/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    await tab.close();
  });

  test('the npm sample, built by Vite, defines the finder, which finds groups', async () => {
    const out = await mkdtemp(join(tmpdir(), 'peer-docs-vite-'));
    await viteBuild({ root: join(SAMPLES, 'npm'), configFile: false, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const built = (await readdir(out, { recursive: true })).filter((name) => /\.(html|js|css)$/.test(name));
    const tab = await siteTab(
      Object.fromEntries(await Promise.all(built.map(async (name) => [name, await readFile(join(out, name), 'utf8')]))),
    );
    await tab.goto(`${SITE}/`);
    await search(tab);
    await tab.waitForFunction(() => /^\d+ groups found$/.test(document.title));
    await tab.close();
  });
});

describe('theming and events', () => {
  test('the worked theme draws the search button in the charity’s purple, square, in Georgia and capitals', async () => {
    const tab = await siteTab({
      'index.html': `<!doctype html><html lang="en"><head><title>Theme</title></head><body>${await sample('theming.html')}</body></html>`,
      'theming.css': await sample('theming.css'),
    });
    await tab.goto(`${SITE}/`);
    await tab.waitForFunction(() => Boolean(document.querySelector('peer-finder')?.shadowRoot?.querySelector('[part~="submit"]')));
    const style = await tab.evaluate(() => {
      const button = document.querySelector('peer-finder')!.shadowRoot!.querySelector('[part~="submit"]')!;
      const s = getComputedStyle(button);
      return { background: s.backgroundColor, radius: s.borderTopLeftRadius, font: s.fontFamily, transform: s.textTransform };
    });
    assert.deepEqual(style, { background: 'rgb(107, 44, 145)', radius: '0px', font: 'Georgia, serif', transform: 'uppercase' });
    await tab.close();
  });

  test('the events sample’s listener says how many groups were found', async () => {
    const tab = await siteTab({
      'index.html': `<!doctype html><html lang="en"><head><title>Events</title></head><body>${await sample('events.html')}</body></html>`,
      'events.js': await sample('events.js'),
    });
    await tab.goto(`${SITE}/`);
    await search(tab);
    await tab.waitForFunction(() => /^\d+ groups found$/.test(document.querySelector('#status')?.textContent ?? ''));
    await tab.close();
  });
});

/** The `KEY=value` lines of an env sample. */
async function envOf(name: string): Promise<Record<string, string>> {
  const lines = (await sample(name)).split('\n').filter((line) => /^[A-Z_]+=/.test(line));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Starts `serve` with `env`, on a free port, and reads its health and a search. */
async function serveWith(env: Record<string, string>): Promise<void> {
  const cli = startCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1' });
  try {
    const printed = await cli.printed('peer-directory API on ');
    const url = /peer-directory API on (\S+)/.exec(printed)![1]!;
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    if (env.HSTS_MAX_AGE) assert.match(health.headers.get('strict-transport-security') ?? '', new RegExp(`max-age=${env.HSTS_MAX_AGE}`));
    const staff = await fetch(`${url}/v1/admin/registrations`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    assert.equal(staff.status, 200, 'the sample’s ADMIN_TOKEN opens the staff routes');
  } finally {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
}

describe('running the server', () => {
  test('the embedded sample starts, with its admin token', async () => {
    const env = await envOf('server/embedded.env');
    const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-docs-'));
    try {
      assert.equal(env.DATA_DIR, '/var/lib/peer-directory');
      await serveWith({ ...env, DATA_DIR: dataDir });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the PostgreSQL samples create a database the server starts on, behind a proxy with HSTS', async () => {
    const cluster = await startPostgres();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      for (const statement of (await sample('server/create-database.sql'))
        .replace(/--.*$/gm, '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)) {
        await admin.query(statement);
      }
      const env = await envOf('server/postgres.env');
      const url = new URL(env.DATABASE_URL!);
      const at = new URL(cluster.url);
      url.hostname = at.hostname;
      url.port = at.port;
      await serveWith({ ...env, DATABASE_URL: url.toString() });
      const { rows } = await admin.query<{ owner: string }>(
        "SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'registrations' AND schemaname = 'public'",
      );
      assert.equal(rows.length, 0, 'the sample’s tables are in its own database, not the test’s');
    } finally {
      await admin.query('DROP DATABASE IF EXISTS peer_directory WITH (FORCE)');
      await admin.query('DROP ROLE IF EXISTS peer_directory');
      await admin.end();
      await cluster.stop();
    }
  });
});
