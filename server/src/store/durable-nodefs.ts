/**
 * PGlite's Node file system, with fsync. PGlite stores PostgreSQL's files
 * through Emscripten's NODEFS, whose streams have no `fsync`: every fsync
 * PostgreSQL asks for (the WAL at each commit, the data files at each
 * checkpoint) silently does nothing, so an acknowledged write lives only in
 * the operating system's page cache and is lost if the machine crashes or
 * the power fails. This file system gives NODEFS streams the real fsync of
 * the file descriptor beneath them.
 *
 * PostgreSQL's WAL sync method must be `fsync` for this to reach the WAL
 * (see `DURABLE_START_PARAMS`): its default, `fdatasync`, is a separate
 * system call that Emscripten implements as a no-op.
 * @module
 */
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** What an Emscripten NODEFS stream holds: the Node file descriptor it reads and writes. */
interface NodeStream {
  nfd?: number;
}

interface NodefsModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodeStream) => number } };
}

/** PGlite's start parameters, with PostgreSQL syncing its WAL by fsync at every commit. */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

/** NODEFS whose fsync reaches the disk. */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [...((emscriptenOpts as { preRun?: ((module: unknown) => void)[] }).preRun ?? [])];
    preRun.push((module) => {
      (module as NodefsModule).NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    });
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}
