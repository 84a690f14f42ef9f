/**
 * The words of groups' names, summaries, organisations and towns, indexed
 * so `q` finds the groups containing a word without reading every group's
 * text: a search for a word nobody nearby uses would otherwise read all
 * the text of every group within the radius.
 * @module
 */

/** Text as searches compare it: lower case, accents dropped (`Môn` is `mon`). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII: skip the costly normalisation for it.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

const ASCII = /^[\x00-\x7f]*$/;

/** The words of a text, folded: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Every word seen, each with a number, and the words in order so that the
 * words starting with a prefix can be found by binary search. Words are
 * never forgotten: a directory's vocabulary stays small next to its groups.
 */
export class WordDictionary {
  #ids = new Map<string, number>();
  #words: string[] = [];
  #sorted = new Uint32Array(0);

  /** How many distinct words have been seen. */
  get size(): number {
    return this.#words.length;
  }

  /** The number of a word, or undefined when it has none yet. */
  numberOf(word: string): number | undefined {
    return this.#ids.get(word);
  }

  /** The number of a word, giving it one if it is new. */
  idOf(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      id = this.#words.length;
      this.#words.push(word);
      this.#ids.set(word, id);
    }
    return id;
  }

  /** Brings the ordered list up to date with new words; call before searching. */
  sort(): void {
    if (this.#sorted.length === this.#words.length) return;
    const words = this.#words;
    // Code-unit order, so every word with a given prefix sits in one run.
    const ids = Array.from(words.keys()).sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    this.#sorted = Uint32Array.from(ids);
  }

  /** Calls `visit` with the number of each word starting with `prefix` (known when last sorted). */
  forEachStartingWith(prefix: string, visit: (id: number) => void): void {
    const sorted = this.#sorted;
    const words = this.#words;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && words[sorted[i]!]!.startsWith(prefix); i++) visit(sorted[i]!);
  }
}

/**
 * For one list of groups: which items have each word (compressed rows:
 * offsets into one array, built in two passes without a Map per word).
 */
export class WordPostings {
  readonly #offsets: Uint32Array;
  readonly #items: Uint32Array;
  readonly #count: number;

  /**
   * @param wordsOfItems the distinct word numbers of each item, item by item
   * @param dictionarySize how many word numbers there are
   */
  constructor(wordsOfItems: readonly Uint32Array[], dictionarySize: number) {
    // Indexed loops: iterating typed arrays with for-of costs twice as much here.
    const count = wordsOfItems.length;
    this.#count = count;
    const offsets = new Uint32Array(dictionarySize + 1);
    for (let item = 0; item < count; item++) {
      const words = wordsOfItems[item]!;
      for (let k = 0; k < words.length; k++) offsets[words[k]! + 1]!++;
    }
    for (let w = 0; w < dictionarySize; w++) offsets[w + 1]! += offsets[w]!;
    const next = offsets.slice(0, dictionarySize);
    const items = new Uint32Array(offsets[dictionarySize]!);
    for (let item = 0; item < count; item++) {
      const words = wordsOfItems[item]!;
      for (let k = 0; k < words.length; k++) items[next[words[k]!]!++] = item;
    }
    this.#offsets = offsets;
    this.#items = items;
  }

  /** The items having a word (by number), in order; empty for a word newer than this list. */
  itemsWith(word: number): Uint32Array {
    if (word + 1 >= this.#offsets.length) return new Uint32Array(0);
    return this.#items.subarray(this.#offsets[word]!, this.#offsets[word + 1]!);
  }

  /**
   * The items in which every query word starts some word: a predicate over
   * item numbers, or null when no item has them all.
   * @param prefixes folded query words
   */
  matching(prefixes: readonly string[], dictionary: WordDictionary): ((item: number) => boolean) | null {
    if (prefixes.length > 255) prefixes = prefixes.slice(0, 255);
    // reached[item] counts the query words the item has, in order: word k
    // only advances items that had words 0..k-1, so duplicates count once.
    const reached = new Uint8Array(this.#count);
    const offsets = this.#offsets;
    const items = this.#items;
    let found = 0;
    prefixes.forEach((prefix, k) => {
      found = 0;
      dictionary.forEachStartingWith(prefix, (word) => {
        if (word + 1 >= offsets.length) return; // a word newer than this list
        for (let p = offsets[word]!; p < offsets[word + 1]!; p++) {
          const item = items[p]!;
          if (reached[item] === k) {
            reached[item] = k + 1;
            found++;
          }
        }
      });
    });
    if (found === 0) return null;
    const all = prefixes.length;
    return (item) => reached[item] === all;
  }
}
