/**
 * A bounded least-recently-used cache on a Map (a Map iterates in insertion
 * order, so re-inserting on every hit keeps the oldest entry first and
 * eviction is one `keys().next()`).
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  /** @param capacity the most entries kept; the least recently used goes first */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a whole number of at least 1');
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether a key is held (does not count as a use). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value for a key, marking it as most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Keeps a value, forgetting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value as K);
    }
  }
}
