/**
 * Strings end to end as UTF-8 in one buffer, for columns of a million ids or
 * names: two allocations off V8's heap rather than a million strings on it,
 * which outlive every batch they were read in and keep the heap's pages
 * from being given back (docs/performance.md, Scale).
 * @module
 */
import { free, resized, transferred } from './growing.js';

/** A column of strings, read one at a time by index. */
export class PackedStrings {
  readonly #bytes: Buffer;
  /** Where each string ends in `#bytes` (it starts where the previous one ends). */
  readonly #ends: Uint32Array;

  /** @internal made by {@link PackedStringsBuilder} */
  constructor(bytes: Buffer, ends: Uint32Array) {
    this.#bytes = bytes;
    this.#ends = ends;
  }

  /** The strings, packed. */
  static of(strings: readonly string[]): PackedStrings {
    const builder = new PackedStringsBuilder();
    for (const string of strings) builder.push(string);
    return builder.finish();
  }

  /** How many strings there are. */
  get length(): number {
    return this.#ends.length;
  }

  /** The `i`-th string (a new string each call). */
  at(i: number): string {
    return this.#bytes.toString('utf8', this.#start(i), this.#ends[i]!);
  }

  /** Every string, in order: for a one-off pass that needs them all at once. */
  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  #start(i: number): number {
    return i === 0 ? 0 : this.#ends[i - 1]!;
  }

  /** Gives the memory back now, for strings nothing will read again (they cannot be). */
  free(): void {
    free(this.#bytes, this.#ends);
  }

  /** @internal copies strings `start` to `end` (exclusive) into a builder, in one copy of their bytes */
  copyTo(builder: PackedStringsBuilder, start: number, end: number): void {
    builder.pushFrom(this.#bytes, this.#ends, start, end);
  }
}

/** Collects strings for a {@link PackedStrings}, growing its buffers by doubling. */
export class PackedStringsBuilder {
  /** A buffer of its own (never the pool's), so it can grow and shrink in place. */
  #bytes = bufferOf(new ArrayBuffer(1 << 12));
  #length = 0;
  #ends = new Uint32Array(256);
  #count = 0;

  /** Adds one string. */
  push(string: string): void {
    this.#room(Buffer.byteLength(string), 1);
    this.#length += this.#bytes.write(string, this.#length);
    this.#ends[this.#count++] = this.#length;
  }

  /** Adds strings `start` to `end` (exclusive) of packed `bytes` ending at `ends`. */
  pushFrom(bytes: Buffer, ends: Uint32Array, start: number, end: number): void {
    const from = start === 0 ? 0 : ends[start - 1]!;
    const length = ends[end - 1]! - from;
    this.#room(length, end - start);
    bytes.copy(this.#bytes, this.#length, from, from + length);
    const shift = this.#length - from;
    for (let i = start; i < end; i++) this.#ends[this.#count++] = ends[i]! + shift;
    this.#length += length;
  }

  /** The strings added; the builder is spent afterwards. */
  finish(): PackedStrings {
    // Trimmed in place, so the spare room of the doubling is given back.
    const strings = new PackedStrings(bufferOf(transferred(this.#bytes, this.#length)), resized(this.#ends, Uint32Array, this.#count));
    this.#bytes = Buffer.alloc(0);
    this.#ends = new Uint32Array(0);
    return strings;
  }

  #room(bytes: number, count: number): void {
    if (this.#length + bytes > this.#bytes.length)
      this.#bytes = bufferOf(transferred(this.#bytes, Math.max(this.#bytes.length * 2, this.#length + bytes)));
    if (this.#count + count > this.#ends.length)
      this.#ends = resized(this.#ends, Uint32Array, Math.max(this.#ends.length * 2, this.#count + count));
  }
}

const bufferOf = (buffer: ArrayBuffer): Buffer => Buffer.from(buffer);
