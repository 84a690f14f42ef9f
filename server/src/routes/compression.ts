/**
 * Compression for search answers. A page of results is 5–10 KB of
 * repetitive JSON that compresses about 10 to 1; browsers and CDNs always
 * accept it, and on a phone connection the bytes matter more than the
 * microseconds spent compressing.
 * @module
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';

/** A content coding the API sends. */
export type Encoding = 'br' | 'gzip';

/** Answers smaller than this go out as they are: compressing them saves nothing worth the work. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Browsers send one of a handful of `Accept-Encoding` values, on every request: each is negotiated once. */
const negotiator = new Negotiator<Encoding>({ supportedValues: ['br', 'gzip'], cache: new LRUCache<string, string>({ max: 256 }) });

/**
 * The coding to use for a request's `Accept-Encoding`: brotli, then gzip,
 * or none, by the header's q-values. Codings refused with `q=0` are never chosen.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  return acceptEncoding ? (negotiator.negotiate(acceptEncoding) ?? undefined) : undefined;
}

/**
 * Output is gathered in chunks of this size. zlib's default, 16 KB, is a
 * fresh ArrayBuffer per call, which V8 counts as external memory: at a few
 * thousand answers a second that churn set off a full garbage collection
 * of the whole heap (the search index included) every few hundred
 * milliseconds, and made compressing a 7 KB answer cost 85–125 µs of CPU in
 * a server holding 100,000 groups against 35 µs in a bare process. Chunks
 * this small come from Node's shared buffer pool, and one holds most answers.
 */
const OUTPUT_CHUNK_BYTES = 2048;

/**
 * Compresses on the event loop. For answers this small that is the cheap
 * way: zlib's asynchronous API cost about 220 µs of CPU per call in handles
 * and thread hand-offs, against 11 µs for the compression itself (a 5.6 KB
 * answer, calls one after another, on the project's 2-core machine).
 */
export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        chunkSize: OUTPUT_CHUNK_BYTES,
        params: {
          // Quality 1: a 5.6 KB answer becomes 0.5 KB; quality 4 saves 90 bytes more for four times the work.
          [constants.BROTLI_PARAM_QUALITY]: 1,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          // A window no larger than the answer: brotli's default 4 MB window costs more to set up than to use.
          [constants.BROTLI_PARAM_LGWIN]: windowBits(body.length),
        },
      })
    : gzipSync(body, { level: 1, chunkSize: OUTPUT_CHUNK_BYTES });
}

function windowBits(bytes: number): number {
  return Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));
}
