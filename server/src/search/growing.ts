/**
 * Typed-array columns built a value at a time, for tables whose size is known
 * only once they are read: off the JavaScript heap, so a million values cost
 * their bytes and leave no garbage arrays behind.
 *
 * An array outgrown or copied is given back at once (`ArrayBuffer.transfer`)
 * rather than at V8's next full collection: a building catalogue allocates
 * hundreds of MB this way, and a process that has just built one may not
 * collect for minutes, holding it all (docs/performance.md, Scale).
 * @module
 */
export type TypedArray = Uint8Array | Uint32Array | Float64Array;

/** A typed array that grows as values are pushed (doubling, so pushes cost O(1) on average). */
export class Growing<T extends TypedArray> {
  #values: T;
  #length = 0;
  readonly #make: TypedArrayKind<T>;

  constructor(make: TypedArrayKind<T>) {
    this.#make = make;
    this.#values = new make(1024);
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#values.length) this.#values = resized(this.#values, this.#make, this.#values.length * 2);
    this.#values[this.#length++] = value;
  }

  /** The value pushed `i`-th. */
  at(i: number): number {
    return this.#values[i]!;
  }

  /** The values pushed, in the column's own array (no copy: for reading before the next push). */
  values(): T {
    return this.#values.subarray(0, this.#length) as T;
  }

  /** The values pushed, trimmed to size in place; the column is spent afterwards. */
  take(): T {
    const values = resized(this.#values, this.#make, this.#length);
    this.#values = new this.#make(0);
    this.#length = 0;
    return values;
  }
}

/** A typed array's constructor, taking a length or a buffer of its own. */
export interface TypedArrayKind<T extends TypedArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** `values` moved into an array of `length` (the old one detached): the memory is reused or freed, never left to the collector. */
export function resized<T extends TypedArray>(values: T, make: TypedArrayKind<T>, length: number): T {
  return new make(transferred(values, length * make.BYTES_PER_ELEMENT));
}

/** The buffer of `view`, an array owning all of it, moved to one of `byteLength` bytes (`view` is left empty). */
export function transferred(view: ArrayBufferView, byteLength: number): ArrayBuffer {
  return (view.buffer as ArrayBuffer).transfer(byteLength);
}

/**
 * Gives back the memory of arrays nothing else will read, now. An array
 * that is a view into a larger buffer, or given twice, is left as it is;
 * any other view of a freed array is left empty.
 */
export function free(...arrays: ArrayBufferView[]): void {
  for (const array of arrays) {
    const buffer = array.buffer as ArrayBuffer;
    if (!buffer.detached && array.byteOffset === 0 && array.byteLength === buffer.byteLength) transferred(array, 0);
  }
}
