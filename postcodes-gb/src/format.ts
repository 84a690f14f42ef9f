import { endianness } from 'node:os';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

/**
 * The data file's layout, written by `scripts/build-data.ts` and read by
 * {@link decode}. One file, gzip-compressed (brotli makes it 20 % smaller but
 * takes four times as long to unpack, and unpacking is most of start-up):
 *
 * ```
 * "PDPC" | u32 header length | header JSON (space-padded to 4 bytes)
 * | i32 lat[n] | i32 lng[n] | u16 inward[n]      (little-endian)
 * ```
 *
 * Postcodes are sorted by district, then inward code. Latitudes and
 * longitudes are in units of 1e-5 degree (about 1 m) and each is stored as
 * the difference from the postcode before it: neighbours in postcode order
 * are neighbours on the ground, so the differences are small and compress to
 * about a third of the raw numbers.
 * @module
 */

const MAGIC = 'PDPC';
/** Bumped when the layout changes, so an old reader refuses a new file instead of misreading it. */
export const FORMAT = 1;
/** Coordinates are stored as whole numbers of this fraction of a degree. */
export const SCALE = 1e5;

/** Where the data came from, as the file records it. */
export interface Dataset {
  /** `OS Code-Point Open` */
  product: string;
  /** The OS dataset version, e.g. `2025.4.0`. */
  version: string;
  /** The OS copyright date, `2025-10-20`. */
  copyrightDate: string;
  /** The attribution lines the Open Government Licence requires wherever the data is shown or shipped. */
  attribution: string[];
}

/** The file's header: what the data is, and how the columns split into districts. */
export interface Header {
  format: number;
  dataset: Dataset;
  /** Postcode districts (outward codes) in file order. */
  districts: string[];
  /** How many postcodes each district has, in the same order. */
  counts: number[];
}

/** The decoded columns. */
export interface Columns {
  header: Header;
  /** Latitude × {@link SCALE}, one per postcode. */
  lat: Int32Array;
  lng: Int32Array;
  /** The inward code (`4DY`) as a number: see {@link inwardNumber}. */
  inward: Uint16Array;
}

const LETTER_A = 'A'.charCodeAt(0);
const DIGIT_0 = '0'.charCodeAt(0);

/**
 * An inward code (`4DY`: a digit and two letters) as a number below 6,760
 * that sorts the same way, or -1 when it is not of that form.
 * The sector digit is `Math.floor(n / 676)`.
 */
export function inwardNumber(inward: string): number {
  if (inward.length !== 3) return -1;
  const d = inward.charCodeAt(0) - DIGIT_0;
  const a = inward.charCodeAt(1) - LETTER_A;
  const b = inward.charCodeAt(2) - LETTER_A;
  if (d < 0 || d > 9 || a < 0 || a > 25 || b < 0 || b > 25) return -1;
  return d * 676 + a * 26 + b;
}

/** Builds the compressed file from columns already in file order. */
export function encode(columns: Columns): Buffer {
  const n = columns.inward.length;
  const json = Buffer.from(JSON.stringify(columns.header), 'utf8');
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const out = Buffer.alloc(8 + headerBytes + n * 10, 0x20);
  out.write(MAGIC, 0, 'ascii');
  out.writeUInt32LE(headerBytes, 4);
  json.copy(out, 8);
  let at = 8 + headerBytes;
  for (const column of [columns.lat, columns.lng]) {
    let previous = 0;
    for (let i = 0; i < n; i += 1) {
      out.writeInt32LE(column[i]! - previous, at);
      previous = column[i]!;
      at += 4;
    }
  }
  for (let i = 0; i < n; i += 1, at += 2) out.writeUInt16LE(columns.inward[i]!, at);
  return gzipSync(out, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
}

/** Reads a file written by {@link encode}. */
export function decode(file: Uint8Array): Columns {
  const raw = gunzipSync(file);
  if (raw.toString('ascii', 0, 4) !== MAGIC) throw new Error('Not a peer-directory-postcodes-gb data file');
  const headerBytes = raw.readUInt32LE(4);
  const header = JSON.parse(raw.toString('utf8', 8, 8 + headerBytes)) as Header;
  if (header.format !== FORMAT) {
    throw new Error(`This data file has format ${header.format}; this version of peer-directory-postcodes-gb reads format ${FORMAT}`);
  }
  const n = header.counts.reduce((sum, c) => sum + c, 0);
  const start = 8 + headerBytes;
  if (raw.length !== start + n * 10) throw new Error('This data file is truncated or damaged');
  const { lat, lng, inward } = endianness() === 'LE' && raw.byteOffset % 4 === 0 ? views(raw, start, n) : copies(raw, start, n);
  // Undo the differences in place.
  for (let i = 1; i < n; i += 1) {
    lat[i]! += lat[i - 1]!;
    lng[i]! += lng[i - 1]!;
  }
  return { header, lat, lng, inward };
}

type Raw = Pick<Columns, 'lat' | 'lng' | 'inward'>;

// On little-endian machines (all that Node supports today) the columns are
// read where they lie, so loading needs no second copy of them.
function views(raw: Buffer, start: number, n: number): Raw {
  return {
    lat: new Int32Array(raw.buffer, raw.byteOffset + start, n),
    lng: new Int32Array(raw.buffer, raw.byteOffset + start + n * 4, n),
    inward: new Uint16Array(raw.buffer, raw.byteOffset + start + n * 8, n),
  };
}

function copies(raw: Buffer, start: number, n: number): Raw {
  const lat = new Int32Array(n);
  const lng = new Int32Array(n);
  const inward = new Uint16Array(n);
  for (let i = 0; i < n; i += 1) {
    lat[i] = raw.readInt32LE(start + i * 4);
    lng[i] = raw.readInt32LE(start + (n + i) * 4);
    inward[i] = raw.readUInt16LE(start + n * 8 + i * 2);
  }
  return { lat, lng, inward };
}
