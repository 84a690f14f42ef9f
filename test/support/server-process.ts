/**
 * The directory server as its own process, for stories that kill it:
 * `node --conditions=source --import tsx test/support/server-process.ts`,
 * configured by the environment as the CLI is (DATA_DIR or DATABASE_URL,
 * ADMIN_TOKEN, ...; PORT 0 by default). Prints `listening <url>` once it serves.
 */
import { createServer, loadConfig } from '../../server/src/index.js';

const config = loadConfig({ PORT: '0', ...process.env });
const server = await createServer(config, { seed: 'none' });
console.log(`listening ${await server.listen()}`);
