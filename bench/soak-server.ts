/**
 * The directory server in its own process for bench/load-soak.ts, seeded with
 * SOAK_GROUPS synthetic groups (default 100,000) on a fresh embedded store in
 * DATA_DIR, configured otherwise by the environment. Prints `listening <url>`.
 */
import { createServer, loadConfig } from '../server/src/index.js';
import { syntheticGroups } from '../server/src/sample/synthetic.js';

const groups = Number(process.env.SOAK_GROUPS ?? 100_000);
const server = await createServer(loadConfig({ PORT: '0', ...process.env }), { seed: syntheticGroups(groups) });
console.log(`listening ${await server.listen()}`);
