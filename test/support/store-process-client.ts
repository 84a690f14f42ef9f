/**
 * Runs `store-process.ts` in a child process and follows what it prints, so a
 * test can wait for it to be ready, count acknowledged writes, and kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./store-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A store process started by a test. */
export interface StoreProcess {
  child: ChildProcess;
  /** Resolves once the store is open; rejects if the process ends first. */
  ready: Promise<void>;
  /** `race` mode: resolves once the process is started and waiting for {@link go}. */
  waiting: Promise<void>;
  /** `race` mode: tells the process to open the store now. */
  go(): void;
  /** Resolves with the ids acknowledged so far once there are at least `count`. */
  acknowledged(count: number): Promise<string[]>;
  /** Every id acknowledged so far. */
  acknowledgedSoFar(): string[];
  /** Resolves when the process has ended (and been reaped). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts `node --conditions=source --import tsx test/support/store-process.ts <mode> <dataDir>`.
 * @param mode `hold` keeps the store open; `race` opens it like `hold` once told to go;
 *   `write` creates registrations until killed
 */
export function startStoreProcess(mode: 'hold' | 'race' | 'write', dataDir: string): StoreProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SCRIPT, mode, dataDir], {
    cwd: ROOT,
    stdio: [mode === 'race' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const acks: string[] = [];
  const waitingForAcks: { count: number; resolve: (ids: string[]) => void }[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const ended = exited.then(({ code, signal }) => {
    throw new Error(`store process ended (code ${code}, signal ${signal}) before it was expected to:\n${stderr}`);
  });
  ended.catch(() => {});

  // `ready` and `waiting`: each resolves when its line is printed, rejects if the process ends first.
  const onLine = new Map<string, () => void>();
  const printed = (line: string) => {
    const seen = Promise.race([new Promise<void>((resolve) => onLine.set(line, resolve)), ended]);
    // A test that expects the process to be refused never waits for `ready`.
    seen.catch(() => {});
    return seen;
  };
  const ready = printed('ready');
  const waiting = printed('waiting');
  createInterface({ input: child.stdout! }).on('line', (line) => {
    onLine.get(line)?.();
    if (line.startsWith('ack ')) {
      acks.push(line.slice(4));
      for (const w of waitingForAcks.filter((w) => acks.length >= w.count)) {
        waitingForAcks.splice(waitingForAcks.indexOf(w), 1);
        w.resolve([...acks]);
      }
    }
  });

  return {
    child,
    ready,
    waiting,
    go: () => child.stdin!.write('go\n'),
    acknowledged: (count) =>
      Promise.race([
        new Promise<string[]>((resolve) => {
          if (acks.length >= count) resolve([...acks]);
          else waitingForAcks.push({ count, resolve });
        }),
        ended,
      ]),
    acknowledgedSoFar: () => [...acks],
    exited,
  };
}
