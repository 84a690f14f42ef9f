import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreLockedError } from './errors.js';

/**
 * A lock older than this (its holder stopped refreshing it) counts as
 * abandoned, whoever held it. It only matters when the holder ran on another
 * host or container: on this host a dead holder is noticed at once by its pid.
 */
const STALE_MS = 10_000;
/** How often the holder refreshes the lock's time stamp. */
const REFRESH_MS = 2_000;
/** How often a process waiting on a lock with no owner written looks again. */
const OWNER_POLL_MS = 250;

/** Who holds a lock, written beside it so a successor can tell a dead holder from a live one. */
interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

// Directories locked by this process: a second open here must be refused too.
const heldHere = new Set<string>();

/**
 * Takes the exclusive lock on an embedded store's data directory, creating
 * the directory if needed.
 * @param dataDir the data directory (relative paths resolve against the working directory)
 * @param onLost called if another process takes the lock over after this one
 *   stalled past the stale threshold; the store must stop writing then
 * @returns a function that releases the lock
 * @throws StoreLockedError when a live process holds the lock
 */
export async function lockDataDir(dataDir: string, onLost: (error: StoreLockedError) => void): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  if (heldHere.has(dir)) throw new StoreLockedError(dir);
  // Claimed before the first await, so two opens racing in one process cannot both get in.
  heldHere.add(dir);
  try {
    return await acquire(dir, onLost);
  } catch (error) {
    heldHere.delete(dir);
    throw error;
  }
}

async function acquire(dir: string, onLost: (error: StoreLockedError) => void): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, 'store.lock');
  const ownerPath = join(dir, 'store.lock.owner');
  const takeoverPath = join(dir, 'store.takeover.lock');

  let lost = false;
  const take = () =>
    lockfile.lock(dir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: REFRESH_MS,
      retries: 0,
      onCompromised: () => {
        lost = true;
        heldHere.delete(dir);
        onLost(
          new StoreLockedError(
            dir,
            `This peer-directory server lost its lock on the data directory ${dir}: another process took it over ` +
              'while this one was not responding. Stop this server; run only one server per data directory.',
          ),
        );
      },
    });

  let unlock: () => Promise<void>;
  let endTakeover: (() => Promise<void>) | undefined;
  // A holder killed between taking the lock and writing who it is leaves a
  // lock with no owner: nothing tells it from a holder starting right now,
  // so wait until its owner appears or the lock goes stale, which take()
  // then clears.
  const giveUpAt = Date.now() + STALE_MS + REFRESH_MS;
  try {
    for (;;) {
      try {
        unlock = await take();
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ELOCKED') throw error;
      }
      const owner = await readOwner(ownerPath);
      if (owner && (owner.host !== hostname() || isRunning(owner.pid))) throw new StoreLockedError(dir);
      if (owner) {
        // The holder on this host died (kill -9, a crash) without releasing:
        // its lock is abandoned, and a restart may take it at once. Servers
        // restarted together take turns, and each looks again in its turn:
        // the one before may have taken the lock already.
        endTakeover = await takeTurn(dir, takeoverPath);
        if (sameOwner(await readOwner(ownerPath), owner)) {
          // The owner goes first: whoever finds the lock now waits for the new owner.
          await rm(ownerPath, { force: true });
          await rmdir(lockPath).catch(ignoreMissing);
          unlock = await take().catch(refusedIfLocked(dir));
          break;
        }
        await endTakeover();
        endTakeover = undefined;
        continue;
      }
      if (Date.now() > giveUpAt) throw new StoreLockedError(dir);
      await sleep(OWNER_POLL_MS);
    }
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await writeFile(`${ownerPath}.tmp`, JSON.stringify(owner));
    await rename(`${ownerPath}.tmp`, ownerPath);
  } finally {
    await endTakeover?.();
  }

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // A lock lost to another process is that process's now, owner file included.
    if (lost) return;
    heldHere.delete(dir);
    await rm(ownerPath, { force: true });
    await unlock();
  };
}

/**
 * Waits for the turn to take over an abandoned lock. A turn lasts
 * milliseconds; one left by a process killed during its turn goes stale.
 */
async function takeTurn(dir: string, path: string): Promise<() => Promise<void>> {
  // proper-lockfile keys a process's locks by their first argument, so not the directory the data-dir lock is keyed by.
  const end = await lockfile
    .lock(path, {
      lockfilePath: path,
      realpath: false,
      stale: STALE_MS,
      retries: { retries: Math.ceil((STALE_MS + REFRESH_MS) / OWNER_POLL_MS), minTimeout: 20, maxTimeout: OWNER_POLL_MS },
      // A turn is taken from its holder only after it stalled past the stale
      // threshold; the data-dir lock's own refresh then tells whichever of
      // the two lost that lock (onLost).
      onCompromised: () => {},
    })
    .catch(refusedIfLocked(dir));
  // Ending a turn someone else has taken since leaves it theirs: nothing to undo.
  return () => end().catch(() => {});
}

/** Rethrows proper-lockfile's "already locked" as the store's own refusal of `dir`, anything else as it is. */
function refusedIfLocked(dir: string): (error: unknown) => never {
  return (error) => {
    throw (error as { code?: string }).code === 'ELOCKED' ? new StoreLockedError(dir) : error;
  };
}

function sameOwner(a: LockOwner | undefined, b: LockOwner): boolean {
  return a?.pid === b.pid && a.host === b.host && a.since === b.since;
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    // Missing or half-written: the holder may be starting right now, so treat the lock as held.
    return undefined;
  }
}

/** Whether a process with this pid is alive on this host (zombies count as dead). */
function isRunning(pid: number): boolean {
  // Our own pid in the file means an earlier process had it (a restarted
  // container): this process is only now taking the lock, and only once.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
  try {
    // "pid (name) S ...": a killed process its parent has not reaped yet is Z.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function ignoreMissing(error: { code?: string }): void {
  if (error.code !== 'ENOENT') throw error;
}
