// A client that opens a connection and then sends slowly, or stops, must not
// hold a socket for ever: every wait has a limit, set in configuration. These
// stories run with short limits so they finish quickly.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/start-server.js';

const LIMITS = {
  HEADERS_TIMEOUT_MS: '300',
  REQUEST_TIMEOUT_MS: '700',
  IDLE_TIMEOUT_MS: '3000',
  KEEP_ALIVE_TIMEOUT_MS: '300',
};

let server: TestServer;
before(async () => {
  server = await startTestServer({ seed: 'none', env: LIMITS });
});
after(() => server.close());

interface Exchange {
  socket: Socket;
  /** Resolves with everything the server wrote and how long until it closed the connection. */
  closed: Promise<{ text: string; ms: number }>;
}

function open(port = Number(new URL(server.url).port)): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    const closed = new Promise<{ text: string; ms: number }>((done) => socket.on('close', () => done({ text, ms: Date.now() - started })));
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', (error) => {
      // A reset after the server's answer is how some of these stories end.
      if (!socket.connecting) return;
      reject(error);
    });
  });
}

const registrationHead = (length: number) =>
  `POST /v1/registrations HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

function assertTimeoutProblem(text: string): void {
  assert.match(text, /^HTTP\/1\.1 408/, text.slice(0, 200));
  assert.match(text, /content-type: application\/problem\+json/i);
}

describe('a client that sends too slowly', () => {
  test('headers that never finish get a 408 problem once the header timeout passes', async () => {
    const { socket, closed } = await open();
    socket.write('GET /v1/taxonomy HTTP/1.1\r\nHost: test\r\n');
    const { text, ms } = await closed;
    assertTimeoutProblem(text);
    assert.ok(ms < 3_000, `closed after ${ms} ms`);
  });

  test('a body that stalls after the headers gets a 408 problem once the request timeout passes', async () => {
    const { socket, closed } = await open();
    socket.write(registrationHead(60_000) + '{"group":');
    const { text, ms } = await closed;
    assertTimeoutProblem(text);
    assert.ok(ms >= 600 && ms < 4_000, `closed after ${ms} ms`);
  });

  test('a body dripped a byte at a time is cut off at the request timeout', async () => {
    const { socket, closed } = await open();
    socket.write(registrationHead(60_000));
    const drip = setInterval(() => socket.writable && socket.write(' '), 30);
    try {
      const { text, ms } = await closed;
      assertTimeoutProblem(text);
      assert.ok(ms < 4_000, `closed after ${ms} ms, though bytes kept coming`);
    } finally {
      clearInterval(drip);
    }
  });

  test('a connection dropped in the middle of a body leaves nothing behind, and the server carries on', async () => {
    const before = (await server.store.listRegistrations()).length;
    const { socket, closed } = await open();
    socket.write(registrationHead(5_000) + '{"group":{"name":"Half a registration"');
    socket.destroy();
    await closed;
    const response = await fetch(`${server.url}/healthz`);
    assert.equal(response.status, 200);
    assert.equal((await server.store.listRegistrations()).length, before);
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { socket, closed } = await open();
    socket.write('GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n');
    const { text, ms } = await closed;
    assert.match(text, /^HTTP\/1\.1 200/);
    assert.ok(ms < 3_000, `closed after ${ms} ms`);
  });
});

describe('a cap on connections', () => {
  test('beyond MAX_CONNECTIONS a new connection is closed at once, and served again once others end', async () => {
    const capped = await startTestServer({ seed: 'none', env: { ...LIMITS, MAX_CONNECTIONS: '3' } });
    const port = Number(new URL(capped.url).port);
    try {
      const held = await Promise.all([open(port), open(port), open(port)]);
      // Each holds its connection with a request still arriving.
      for (const { socket } of held) socket.write('GET /healthz HTTP/1.1\r\n');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = await open(port);
      extra.socket.write('GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n');
      const refused = await extra.closed;
      assert.equal(refused.text, '', 'the fourth connection gets no answer');
      assert.ok(refused.ms < 1_000, `and is closed at once (${refused.ms} ms)`);

      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map((h) => h.closed));
      const response = await fetch(`${capped.url}/healthz`);
      assert.equal(response.status, 200);
    } finally {
      await capped.close();
    }
  });
});
