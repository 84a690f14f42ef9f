/**
 * The search index on disk, so a process starts searching a million groups
 * in seconds instead of reading and preparing every group again (about a
 * minute). The file holds the index's typed arrays as they are in memory,
 * each at an 8-byte boundary, so reading it back is one read and views on
 * that buffer, no parsing per group.
 *
 * A snapshot is used only if it was written by this code's layout
 * ({@link SNAPSHOT_FORMAT}) from this database, and the database has not
 * been replaced or rolled back since (see {@link snapshotFits}); otherwise
 * the index is built from the store as before, and a new snapshot written.
 * @module
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { syntheticGroups } from '../sample/synthetic.js';
import type { FeedCheck } from '../store/store.js';
import type { GroupTableParts } from './group-table.js';
import type { IndexParts } from './directory-index.js';
import { indexGroup } from './indexed-group.js';
import { WordDictionary } from './words.js';

const MAGIC = Buffer.from('PEERIDX\n', 'latin1');

/**
 * The layout of the file and of what it holds. The second half changes by
 * itself whenever preparing a group for the index changes (the summary's
 * fields, how words are cut), so a snapshot of an older summary is never served.
 */
export const SNAPSHOT_FORMAT = `1:${createHash('sha1')
  .update(JSON.stringify(indexGroup(syntheticGroups(1)[0]!, { words: new WordDictionary(), languages: new WordDictionary() })))
  .digest('base64url')}`;

/** Where a snapshot comes from: the database and the feed's state when it was taken. */
export interface SnapshotOrigin {
  /** `FeedCheck.database` at the time. */
  database: string;
  /** The id of the group changed at the snapshot's version (`FeedCheck.idAt`). */
  idAt: string | undefined;
}

interface Header extends SnapshotOrigin {
  format: string;
  version: number;
  /** name, offset from the start of the file, length in bytes, kind */
  sections: [string, number, number, Kind][];
}

type Kind = 'u8' | 'u32' | 'f64' | 'strings';

/**
 * Whether a snapshot may stand in for the store: same database, nothing
 * missing (a database restored from an older backup has an older latest
 * version, or another group at the snapshot's version).
 */
export function snapshotFits(origin: SnapshotOrigin, version: number, now: FeedCheck): boolean {
  return origin.database === now.database && version <= now.latest && (now.idAt === undefined || now.idAt === origin.idAt);
}

/** Writes `parts` to `file` (through a temporary file and a rename, so a reader never sees half a snapshot). */
export async function writeSnapshot(file: string, parts: IndexParts, origin: SnapshotOrigin): Promise<void> {
  const sections: [string, Uint8Array | readonly Uint8Array[], Kind][] = [
    ['words', strings(parts.words), 'strings'],
    ['languages', strings(parts.languages), 'strings'],
    ['unlisted', strings(parts.unlisted), 'strings'],
    ['tree', new Uint8Array(parts.tree), 'u8'],
    ...tableSections('nearby', parts.nearby),
    ...tableSections('everywhere', parts.everywhere),
  ];
  const header: Header = { format: SNAPSHOT_FORMAT, version: parts.version, ...origin, sections: [] };
  // The header lists the sections' offsets, which follow the header: lay out
  // again with more room until it fits.
  let headerRoom = 4096;
  let json: Buffer;
  for (;;) {
    let offset = headerRoom;
    header.sections = sections.map(([name, bytes, kind]) => {
      const at = offset;
      offset = align(offset + byteLength(bytes));
      return [name, at, byteLength(bytes), kind];
    });
    json = Buffer.from(JSON.stringify(header));
    if (MAGIC.length + 4 + json.length <= headerRoom) break;
    headerRoom = align(MAGIC.length + 4 + json.length + 1024);
  }
  const headerBytes = Buffer.alloc(headerRoom);
  MAGIC.copy(headerBytes);
  headerBytes.writeUInt32LE(json.length, MAGIC.length);
  json.copy(headerBytes, MAGIC.length + 4);

  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.write(headerBytes, 0, headerBytes.length, 0);
    for (const [[, at], [, bytes]] of header.sections.map((s, i) => [s, sections[i]!] as const)) {
      let position = at;
      for (const piece of Array.isArray(bytes) ? bytes : [bytes]) {
        await handle.write(piece, 0, piece.byteLength, position);
        position += piece.byteLength;
      }
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}

/** A snapshot read back: what it holds and where it came from; undefined when there is none, or it is of another format. */
export async function readSnapshot(file: string): Promise<{ parts: IndexParts; origin: SnapshotOrigin } | undefined> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (buffer.length < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + buffer.readUInt32LE(MAGIC.length))) as Header;
  if (header.format !== SNAPSHOT_FORMAT) return undefined;
  // A file cut short (a full disk, a copy stopped half way) is no snapshot.
  if (header.sections.some(([, offset, length]) => length > 0 && offset + length > buffer.length)) return undefined;
  const byName = new Map(header.sections.map((s) => [s[0], s]));
  const section = <T>(name: string, make: (bytes: Uint8Array, kind: Kind) => T): T => {
    const found = byName.get(name);
    if (!found) throw new Error(`The search snapshot ${file} has no ${name}`);
    const [, offset, length, kind] = found;
    return make(buffer.subarray(offset, offset + length), kind);
  };
  const list = (name: string) =>
    section(name, (bytes) => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as string[]);
  const u8 = (name: string) => section(name, (bytes) => bytes);
  const u32 = (name: string) => section(name, (bytes) => view(bytes, Uint32Array));
  const f64 = (name: string) => section(name, (bytes) => view(bytes, Float64Array));
  const table = (prefix: string): GroupTableParts => ({
    ids: list(`${prefix}.ids`),
    names: byName.has(`${prefix}.names`) ? list(`${prefix}.names`) : undefined,
    json: [u8(`${prefix}.json`)],
    jsonEnds: u32(`${prefix}.jsonEnds`),
    lat: f64(`${prefix}.lat`),
    lng: f64(`${prefix}.lng`),
    conditions: u8(`${prefix}.conditions`),
    audiences: u8(`${prefix}.audiences`),
    formats: u8(`${prefix}.formats`),
    models: u8(`${prefix}.models`),
    flags: u8(`${prefix}.flags`),
    languages: { offsets: u32(`${prefix}.languages.offsets`), items: u32(`${prefix}.languages.items`) },
    words: { offsets: u32(`${prefix}.words.offsets`), items: u32(`${prefix}.words.items`) },
  });
  // kdbush reads its tree from an ArrayBuffer of its own, from byte 0.
  const tree = section('tree', (bytes) => new Uint8Array(bytes).buffer);
  return {
    parts: {
      version: header.version,
      words: list('words'),
      languages: list('languages'),
      unlisted: list('unlisted'),
      tree,
      nearby: table('nearby'),
      everywhere: table('everywhere'),
    },
    origin: { database: header.database, idAt: header.idAt },
  };
}

function tableSections(prefix: string, t: GroupTableParts): [string, Uint8Array | readonly Uint8Array[], Kind][] {
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    [`${prefix}.ids`, strings(t.ids), 'strings'],
    ...(t.names ? [[`${prefix}.names`, strings(t.names), 'strings'] as [string, Uint8Array, Kind]] : []),
    [`${prefix}.json`, t.json, 'u8'],
    [`${prefix}.jsonEnds`, bytes(t.jsonEnds), 'u32'],
    [`${prefix}.lat`, bytes(t.lat), 'f64'],
    [`${prefix}.lng`, bytes(t.lng), 'f64'],
    [`${prefix}.conditions`, t.conditions, 'u8'],
    [`${prefix}.audiences`, t.audiences, 'u8'],
    [`${prefix}.formats`, t.formats, 'u8'],
    [`${prefix}.models`, t.models, 'u8'],
    [`${prefix}.flags`, t.flags, 'u8'],
    [`${prefix}.languages.offsets`, bytes(t.languages.offsets), 'u32'],
    [`${prefix}.languages.items`, bytes(t.languages.items), 'u32'],
    [`${prefix}.words.offsets`, bytes(t.words.offsets), 'u32'],
    [`${prefix}.words.items`, bytes(t.words.items), 'u32'],
  ];
}

function byteLength(bytes: Uint8Array | readonly Uint8Array[]): number {
  return Array.isArray(bytes)
    ? bytes.reduce((sum: number, piece: Uint8Array) => sum + piece.byteLength, 0)
    : (bytes as Uint8Array).byteLength;
}

function strings(list: readonly string[]): Uint8Array {
  return Buffer.from(JSON.stringify(list));
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

/** A typed array on the bytes, without a copy when they are aligned for it (they are, unless the buffer is a slice). */
function view<T extends Uint32Array | Float64Array>(
  bytes: Uint8Array,
  type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = type.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0) return new type(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
  const copy = new Uint8Array(bytes);
  return new type(copy.buffer, 0, copy.byteLength / size);
}
