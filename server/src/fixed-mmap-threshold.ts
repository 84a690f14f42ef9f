/**
 * Starts the process again with glibc's mmap threshold fixed, before it does
 * anything else.
 *
 * glibc's malloc raises that threshold each time it frees a block it had
 * mapped (up to 32 MB). Blocks below it then come from the heap, which gives
 * memory back only from its top. The server builds columns of every group
 * (the search index, the feed's catalogue) through buffers that double as
 * they fill. At a million groups the blocks freed on the way stayed resident
 * under the columns kept: 190 MB of RSS after the feed's catalogue loaded
 * (docs/performance.md, Scale). With the threshold fixed at 128 KB, every
 * larger block is a mapping of its own, returned when freed.
 *
 * glibc reads `MALLOC_MMAP_THRESHOLD_` only when a process starts, so the
 * process replaces itself (`process.execve`: the same pid, arguments and
 * standard streams) with the variable set. An operator who sets it keeps
 * their own value; Node before 22.15 and other systems run as they are.
 * @module
 */

const THRESHOLD = 128 * 1024;

/** Restarts this process with a fixed mmap threshold, unless it has one or cannot. */
export function fixMmapThreshold(): void {
  if (process.platform !== 'linux' || process.env.MALLOC_MMAP_THRESHOLD_ !== undefined || !process.execve) return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    ...process.env,
    MALLOC_MMAP_THRESHOLD_: String(THRESHOLD),
  });
}
