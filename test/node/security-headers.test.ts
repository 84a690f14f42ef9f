// Every answer, HTML page or JSON, tells the browser what it may do with it:
// no framing by other sites (the admin page's token field above all), no
// content sniffing, no referrer leaking where a person searched from, and
// scripts and styles from this origin only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { makeGroup } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

let server: TestServer;
const group = makeGroup({ id: 'headers-leeds-group' });

before(async () => {
  server = await startTestServer({ seed: [group], demo: true });
});
after(() => server.close());

const paths = [
  '/',
  '/admin.html',
  '/register.html',
  '/checklist.html',
  '/cdn/finder.js',
  '/healthz',
  '/v1/groups?near=LS1%203AB',
  `/v1/groups/${group.id}`,
  '/v1/groups?radius=far',
  '/v1/nowhere',
  '/v1/admin/registrations',
  '/openapi.json',
];

describe('security headers', () => {
  for (const path of paths) {
    test(`${path} forbids framing and sniffing, and sends no referrer`, async () => {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/, 'scripts from this origin only, none inline');
      assert.match(csp, /object-src 'none'/);
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('strict-transport-security'), null, 'no HSTS unless the operator turns it on');
    });
  }

  test('HSTS is sent once the operator says the server is behind TLS', async () => {
    const tls = await startTestServer({ seed: 'none', env: { HSTS_MAX_AGE: '31536000' } });
    try {
      const response = await fetch(`${tls.url}/healthz`);
      assert.equal(response.headers.get('strict-transport-security'), 'max-age=31536000');
    } finally {
      await tls.close();
    }
  });

  test('other sites may still use the API and the bundles', async () => {
    const response = await fetch(`${server.url}/cdn/finder.js`, { headers: { origin: 'https://charity.example.org' } });
    await response.arrayBuffer();
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });
});

describe('the demo pages under their policy, in Chromium', () => {
  test('every page works with no policy violation: the finder finds, the form and the admin page render', async () => {
    const browser = await puppeteer.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true });
    try {
      for (const [page, ready] of [
        ['/', 'peer-finder'],
        ['/register.html', 'peer-group-form'],
        ['/checklist.html', 'peer-checklist'],
        ['/admin.html', 'peer-review-queue'],
      ] as const) {
        const tab = await browser.newPage();
        const violations: string[] = [];
        tab.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
        });
        await tab.evaluateOnNewDocument(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        await tab.goto(`${server.url}${page}`, { waitUntil: 'networkidle0' });
        // The element upgraded and rendered into its shadow root: its script ran.
        await tab.waitForFunction((tag) => Boolean(document.querySelector(tag)?.shadowRoot?.childElementCount), {}, ready);
        if (page === '/') {
          await tab.evaluate(() => {
            const finder = document.querySelector('peer-finder')!;
            const input = finder.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
            input.value = 'LS1 3AB';
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            input.form!.requestSubmit();
          });
          await tab.waitForFunction(
            () => document.querySelector('peer-finder')!.shadowRoot!.querySelectorAll('peer-group-card').length > 0,
          );
        }
        assert.deepEqual(violations, [], `${page} has no policy violations`);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  });
});
