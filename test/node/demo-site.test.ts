// The demo site as browsers fetch it: every page, its precompressed copy when
// the browser accepts one (every browser accepts gzip and brotli), the same
// page when decoded.
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/start-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ seed: 'none', demo: true });
});
after(() => server.close());

/** A GET with exactly this Accept-Encoding (fetch would add its own and decode). */
function get(
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; encoding: string | undefined; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: { encoding: string | undefined; body: Buffer }) =>
  r.encoding === 'br' ? brotliDecompressSync(r.body) : r.encoding === 'gzip' ? gunzipSync(r.body) : r.body;

describe('the demo site', () => {
  for (const path of ['/', '/index.html', '/register.html', '/checklist.html', '/admin.html', '/cdn/finder.js']) {
    test(`${path} is served to every browser, compressed as it accepts`, async () => {
      const plain = await get(path, 'identity');
      assert.equal(plain.status, 200);
      for (const [accepted, expected] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
      ] as const) {
        const answer = await get(path, accepted);
        assert.equal(answer.status, 200, `${path} with Accept-Encoding: ${accepted}`);
        assert.equal(answer.encoding, expected);
        assert.deepEqual(decode(answer), plain.body);
        assert.match(String(answer.headers.vary), /accept-encoding/i, 'caches keep each encoding apart');
      }
    });
  }

  test('hashed chunks are kept for a year; pages and entry files are checked on each use', async () => {
    const entry = (await get('/cdn/finder.js', 'identity')).body.toString();
    const chunk = /\.\/chunks\/[^'"]+\.js/.exec(entry)?.[0];
    assert.ok(chunk, 'the finder imports a hashed chunk');
    const hashed = await get(`/cdn/${chunk.slice(2)}`, 'br');
    assert.equal(hashed.status, 200);
    assert.match(String(hashed.headers['cache-control']), /immutable/);
    for (const path of ['/', '/index.html', '/cdn/finder.js']) {
      assert.doesNotMatch(String((await get(path, 'br')).headers['cache-control']), /immutable/, path);
    }
  });
});
