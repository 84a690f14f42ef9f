/**
 * `npm start` when nothing changed: from the command to the first answered
 * search, as someone who just ran `npm install && npm start` before sees it.
 * The builds are wireit scripts that rerun only when their inputs changed,
 * so this is npm's and wireit's own start-up, the up-to-date check, and the
 * server's start (the demo data is already in DATA_DIR).
 *
 * Measured against two baselines in the same run: a bare Node HTTP server
 * (the floor for any Node process to answer) and the built CLI started
 * directly (`node server/dist/cli.js serve --demo`, no npm). The first start
 * of each is not counted: it seeds the demo directory and fills Node's
 * compile cache.
 *
 * Standalone (after `npm run build`): `node --conditions=source --import tsx bench/start-time.ts`
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../test/support/free-port.js';
import { until } from '../test/support/until.js';

const ROOT = resolve(import.meta.dirname, '..');
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{}')).listen(Number(process.env.PORT), '127.0.0.1')`;

/** Median milliseconds from spawning each command to its first answered request. */
export interface StartTimeResult {
  runs: number;
  bareNodeMs: number;
  serverMs: number;
  npmStartMs: number;
}

/** Starts each command `runs` times (after one uncounted start) and reports the medians. */
export async function measureStartTime(runs = 5): Promise<StartTimeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-start-'));
  // npm run sets npm_execpath to npm's own script; run standalone, npm is on PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const commands = {
    bareNodeMs: { argv: [process.execPath, '-e', BARE_SERVER], path: '/' },
    serverMs: { argv: [process.execPath, 'server/dist/cli.js', 'serve', '--demo'], path: '/v1/groups?near=LS1%204DY' },
    npmStartMs: { argv: [...npm, 'start'], path: '/v1/groups?near=LS1%204DY' },
  };
  try {
    const result = { runs, bareNodeMs: 0, serverMs: 0, npmStartMs: 0 };
    for (const [name, { argv, path }] of Object.entries(commands)) {
      const times: number[] = [];
      for (let run = 0; run <= runs; run++) {
        const ms = await timeToFirstAnswer(argv, path, dataDir);
        if (run > 0) times.push(ms);
      }
      result[name as keyof typeof commands] = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    }
    return result;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function timeToFirstAnswer([command, ...args]: string[], path: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so npm, wireit and the server they start all stop together.
  const child = spawn(command!, args, {
    cwd: ROOT,
    detached: true,
    // Wireit's progress lines would fill the report: its output is shown only if the command fails.
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${errors}`);
      const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
      return response?.status === 200;
    }, 120_000);
    return performance.now() - started;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // The server may outlive npm by a moment, holding DATA_DIR's lock: wait for the whole group.
    await until(() => !groupAlive(child.pid!), 30_000);
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await measureStartTime();
  console.log(
    `median of ${r.runs} starts: bare Node ${r.bareNodeMs.toFixed(0)} ms, server ${r.serverMs.toFixed(0)} ms, npm start ${r.npmStartMs.toFixed(0)} ms`,
  );
}
