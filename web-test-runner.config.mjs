// Browser tests: real Chromium (Debian's package) against the real API
// server, started here from the built server package with the sample data.
import { execFileSync, spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.mjs';
import { createServer } from './server/dist/index.js';
import { loadConfig } from './server/dist/config.js';
import { publishedGroups } from './server/dist/export/command.js';
import { toStaticDirectory } from './server/dist/export/formats.js';
import { createGeocoder } from './server/dist/geocode/index.js';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { failingApiPlugin } from './test/elements/failing-api-plugin.mjs';
import { screenshotPlugin } from './test/elements/screenshot-plugin.mjs';
import { reactBundlesPlugin } from './test/elements/react-bundles-plugin.mjs';
// Node runs TypeScript that only has types to strip, as this file does.
import { startSmtpServer } from './test/support/smtp-server.ts';

// Tests that measure layout (reflow at 320 px, lines that must not move) lay
// text out in DejaVu Sans, a wide font, on every machine: the browser's
// default font is whatever fontconfig picks, which differs between machines.
// Debian's fonts-dejavu-core has it (.ci/run installs it).
const TEST_FONT = 'DejaVu Sans';
const fontFamilies = (() => {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return '';
  }
})();
if (!fontFamilies.split(/[\n,]/).some((f) => f.trim() === TEST_FONT)) {
  throw new Error(
    `The browser tests lay text out in ${TEST_FONT}, which this machine lacks: install Debian's fonts-dejavu-core (.ci/run does).`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'peer-wtr-'));
const adminToken = 'browser-tests-admin-token';
const api = await createServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    REGISTRATION_RATE_LIMIT: '1000',
    SEARCH_RATE_LIMIT: '100000',
  }),
);
const apiUrl = await api.listen();

// A second directory that sends email, through a local SMTP server over real
// TCP, for "Remind me about this meeting" (the first has no SMTP server, as
// the stories that check no email is promised need). It runs in a process of
// its own: two servers in one process share the search feed's state.
const smtp = await startSmtpServer();
const mailDataDir = mkdtempSync(join(tmpdir(), 'peer-wtr-mail-'));
const mailPort = await new Promise((resolve) => {
  const probe = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const mailApiUrl = `http://127.0.0.1:${mailPort}`;
const mailApi = spawn(process.execPath, ['server/dist/cli.js', 'serve'], {
  env: {
    ...process.env,
    PORT: String(mailPort),
    HOST: '127.0.0.1',
    DATA_DIR: mailDataDir,
    ADMIN_TOKEN: adminToken,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'directory@example.org',
    PUBLIC_URL: 'https://directory.example.org',
    REMINDER_RATE_LIMIT: '1000',
  },
  stdio: 'ignore',
});
for (let started = Date.now(); ;) {
  const up = await fetch(`${mailApiUrl}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (Date.now() - started > 60_000) throw new Error('The email-sending test API did not start');
  await new Promise((r) => setTimeout(r, 200));
}
// A directory with no server: the sample directory exported as it starts
// (before any test publishes a group), on a plain file server of its own.
// It sends CORS headers, as GitHub Pages and most static hosts do, since the
// test page's origin is the test runner's.
const staticDir = mkdtempSync(join(tmpdir(), 'peer-wtr-static-'));
const exported = await toStaticDirectory(await publishedGroups(api.store), [], createGeocoder({ cache: api.store }));
writeFileSync(join(staticDir, 'directory.json'), exported);
const files = Fastify();
await files.register(fastifyStatic, { root: staticDir, setHeaders: (res) => res.setHeader('access-control-allow-origin', '*') });
const staticUrl = await files.listen({ port: 0, host: '127.0.0.1' });

/** Tests read the API's address from /__api (see test/elements/support.ts). */
const apiConfigPlugin = {
  name: 'peer-api-config',
  serve(context) {
    if (context.path === '/__api') {
      return { body: JSON.stringify({ url: apiUrl, adminToken, staticUrl }), type: 'json' };
    }
    if (context.path === '/__mail-api') {
      return { body: JSON.stringify({ url: mailApiUrl }), type: 'json' };
    }
    // What the email-sending directory's SMTP server has received.
    if (context.path === '/__mail') {
      const mail = smtp.messages.map(({ to, subject, text }) => ({ to, subject, text }));
      return { body: JSON.stringify(mail), type: 'json' };
    }
  },
  async serverStop() {
    await api.close();
    await files.close();
    mailApi.kill();
    await new Promise((resolve) => (mailApi.exitCode === null ? mailApi.once('exit', resolve) : resolve()));
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mailDataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  },
};

export default {
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><style>html { font-family: '${TEST_FONT}'; }</style></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  // tsconfig.base.json: the plugin reads the file as it is, without following "extends",
  // and the decorator settings live in the base.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    apiConfigPlugin,
    failingApiPlugin(),
    screenshotPlugin(),
    reactBundlesPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumExecutable,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
