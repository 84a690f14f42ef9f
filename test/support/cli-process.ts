/**
 * Runs `peer-directory-server` (its source, through tsx) as a child process,
 * as an operator would run it, so a test can read what it prints or kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Resolves with everything printed so far once standard output contains `text`. */
  printed(text: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the CLI with `args`; `env` adds to (or, with undefined, removes from) the environment. */
export function startCli(args: string[], env: Record<string, string | undefined>): CliProcess {
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiting: { text: string; resolve: (out: string) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiting.splice(0)) {
      if (stdout.includes(w.text)) w.resolve(stdout);
      else waiting.push(w);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    child,
    exited,
    printed: (text) =>
      stdout.includes(text)
        ? Promise.resolve(stdout)
        : new Promise((resolve, reject) => {
            waiting.push({ text, resolve });
            void exited.then((e) =>
              reject(new Error(`The CLI ended (${e.code ?? e.signal}) before printing “${text}”:\n${e.stdout}\n${e.stderr}`)),
            );
          }),
  };
}

/** Runs the CLI to the end. */
export function runCli(args: string[], env: Record<string, string | undefined>) {
  return startCli(args, env).exited;
}
