/**
 * A loopback port nothing listens on, for a server started in a child
 * process (PostgreSQL, the built CLI) that must be told its port.
 * @module
 */
import { createServer } from 'node:net';

/** A port on 127.0.0.1 free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
