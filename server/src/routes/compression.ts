/**
 * Compression for search answers. A page of results is tens of KB of
 * repetitive JSON that compresses about 15 to 1; browsers and CDNs always
 * accept it, and on a phone connection the bytes matter more than the
 * fraction of a millisecond spent compressing (once per answer, as answers
 * are cached).
 * @module
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** A content coding the API sends. */
export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Answers smaller than this go out as they are: compressing them saves nothing worth the work. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * The coding to use for a request's `Accept-Encoding`: brotli, then gzip,
 * or none. Codings refused with `q=0` are never chosen.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  // Browsers send one of a handful of header values, on every request.
  const known = chosen.get(acceptEncoding);
  if (known !== undefined) return known || undefined;
  const encoding = parseAcceptEncoding(acceptEncoding);
  if (chosen.size >= 256) chosen.clear();
  chosen.set(acceptEncoding, encoding ?? '');
  return encoding;
}

const chosen = new Map<string, Encoding | ''>();

function parseAcceptEncoding(acceptEncoding: string): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (q === undefined || Number(q) > 0) accepted.add(coding.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/** Compresses off the event loop (zlib's thread pool). */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          // Quality 1 turns 60 KB of results into about 4 KB in about 0.15 ms;
          // quality 4 saves another 0.6 KB for three times the work, on every new search.
          [constants.BROTLI_PARAM_QUALITY]: 1,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: 1 });
}
