/**
 * The buffer every search answer is assembled in.
 *
 * An answer is a few dozen pieces: text written per request and each
 * group's JSON, serialised when the group was applied. Joining them into a
 * fresh Buffer per request (`Buffer.concat`) allocated 5–10 KB outside
 * Node's buffer pool every time, which V8 counts as external memory; a few
 * thousand new searches a second then set off full garbage collections of
 * the whole heap, the search index included. One buffer, reused, costs
 * nothing per request. Searches run synchronously on one thread, so an
 * answer is whole until the next search starts.
 * @module
 */

/** Appends text and bytes to one buffer reused by every answer; see the module comment. */
export class AnswerBytes {
  #buffer = Buffer.allocUnsafeSlow(64 * 1024);
  #length = 0;

  /** Starts a new answer, forgetting the last one. */
  start(): this {
    this.#length = 0;
    return this;
  }

  /** Appends `text` as UTF-8. */
  text(text: string): this {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.#reserve(text.length * 3);
    this.#length += this.#buffer.write(text, this.#length, 'utf8');
    return this;
  }

  /** Appends bytes that are already UTF-8 JSON. */
  bytes(bytes: Uint8Array): this {
    this.#reserve(bytes.length);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.length;
    return this;
  }

  /**
   * The answer so far. It is a view of the shared buffer, overwritten by
   * the next search: compress it, copy it, or parse it before then.
   */
  view(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }
}
