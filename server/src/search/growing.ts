/**
 * Typed-array columns built a value at a time, for tables whose size is known
 * only once they are read: off the JavaScript heap, so a million values cost
 * their bytes and leave no garbage arrays behind.
 * @module
 */
export type TypedArray = Uint8Array | Uint32Array | Float64Array;

/** A typed array that grows as values are pushed (doubling, so pushes cost O(1) on average). */
export class Growing<T extends TypedArray> {
  #values: T;
  #length = 0;
  readonly #make: new (n: number) => T;

  constructor(make: new (n: number) => T) {
    this.#make = make;
    this.#values = new make(1024);
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new this.#make(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
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

  /** The values pushed, trimmed to size (a copy, so the spare capacity is freed). */
  view(): T {
    return this.#values.slice(0, this.#length) as T;
  }
}
