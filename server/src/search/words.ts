/**
 * The words of groups' names, summaries, organisations and towns, indexed
 * so `q` finds the groups containing a word without reading every group's
 * text: a search for a word nobody nearby uses would otherwise read all
 * the text of every group within the radius.
 * @module
 */

import { foldText, wordsOf } from 'peer-directory/search';
import { partitionPoint } from '../sorted.js';
import { free } from './growing.js';

// The folding the static directory uses too, from one place.
export { foldText, wordsOf };

/**
 * Every word seen, each with a number, and the words in order so that the
 * words starting with a prefix can be found by binary search. Words are
 * never forgotten: a directory's vocabulary stays small next to its groups.
 */
export class WordDictionary {
  #ids = new Map<string, number>();
  #words: string[] = [];
  #sorted = new Uint32Array(0);

  /** A dictionary knowing `words`, numbered in order (as {@link list} gave them). */
  static from(words: readonly string[]): WordDictionary {
    const dictionary = new WordDictionary();
    for (const word of words) dictionary.idOf(word);
    return dictionary;
  }

  /** How many distinct words have been seen. */
  get size(): number {
    return this.#words.length;
  }

  /** Every word, by number. */
  get list(): readonly string[] {
    return this.#words;
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
    const first = partitionPoint(sorted.length, (at) => words[sorted[at]!]! < prefix);
    for (let i = first; i < sorted.length && words[sorted[i]!]!.startsWith(prefix); i++) visit(sorted[i]!);
  }
}

/** Lists of numbers by item, end to end: item `i`'s are `values[ends[i - 1] ?? 0 .. ends[i]]`. */
export interface ItemLists {
  readonly ends: Uint32Array;
  readonly values: Uint32Array;
}

/** The typed arrays a {@link WordPostings} is made of, as a snapshot keeps them. */
export interface PostingsParts {
  readonly offsets: Uint32Array;
  readonly items: Uint32Array;
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
   * @param byItem the distinct word numbers of each item, item by item
   * @param dictionarySize how many word numbers there are
   */
  static build(byItem: ItemLists, dictionarySize: number): WordPostings {
    // Indexed loops: iterating typed arrays with for-of costs twice as much here.
    const { ends, values } = byItem;
    const count = ends.length;
    const offsets = new Uint32Array(dictionarySize + 1);
    for (let k = 0; k < (count ? ends[count - 1]! : 0); k++) offsets[values[k]! + 1]!++;
    for (let w = 0; w < dictionarySize; w++) offsets[w + 1]! += offsets[w]!;
    const next = offsets.slice(0, dictionarySize);
    const items = new Uint32Array(offsets[dictionarySize]!);
    for (let item = 0, k = 0; item < count; item++) {
      for (const end = ends[item]!; k < end; k++) items[next[values[k]!]!++] = item;
    }
    return new WordPostings({ offsets, items }, count);
  }

  /** The postings of items given as one list of word numbers each. */
  static of(byItem: readonly Uint32Array[], dictionarySize: number): WordPostings {
    const ends = new Uint32Array(byItem.length);
    let total = 0;
    byItem.forEach((words, item) => (ends[item] = total += words.length));
    const values = new Uint32Array(total);
    byItem.forEach((words, item) => values.set(words, ends[item]! - words.length));
    return WordPostings.build({ ends, values }, dictionarySize);
  }

  /** @param count how many items the list has */
  constructor(parts: PostingsParts, count: number) {
    this.#offsets = parts.offsets;
    this.#items = parts.items;
    this.#count = count;
  }

  /** The typed arrays, to keep in a snapshot. */
  get parts(): PostingsParts {
    return { offsets: this.#offsets, items: this.#items };
  }

  /** Gives the memory back now, for postings nothing will read again (they cannot be). */
  free(): void {
    free(this.#offsets, this.#items);
  }

  /** The words of each item (the postings turned inside out), for building a new list from this one. */
  byItem(): ItemLists {
    const count = this.#count;
    const offsets = this.#offsets;
    const items = this.#items;
    const ends = new Uint32Array(count);
    for (let p = 0; p < items.length; p++) ends[items[p]!]!++;
    for (let i = 1; i < count; i++) ends[i]! += ends[i - 1]!;
    const next = new Uint32Array(count);
    for (let i = 1; i < count; i++) next[i] = ends[i - 1]!;
    const values = new Uint32Array(items.length);
    for (let word = 0; word + 1 < offsets.length; word++) {
      for (let p = offsets[word]!; p < offsets[word + 1]!; p++) values[next[items[p]!]!++] = word;
    }
    return { ends, values };
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
