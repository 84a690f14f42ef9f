/**
 * A list of groups stored by column (typed arrays, item by item, and their
 * summaries' JSON end to end in one buffer), so a filter can be tested on
 * tens of thousands of groups in well under a millisecond, a million groups
 * fit in a few hundred MB, and a table can be written to disk and read back
 * as it is.
 * @module
 */
import type { GroupFilter, ItemTest } from 'peer-directory/search';
import { partitionPoint } from '../sorted.js';
import type { Dictionaries, IndexedGroup } from './indexed-group.js';
import { free, Growing } from './growing.js';
import { WordPostings, type ItemLists, type PostingsParts } from './words.js';

export type { ItemTest };

const FREE = 1;
const FAMILY_WELCOME = 2;

/** The columns of a table, as built or as read back from a snapshot. */
export interface GroupTableParts {
  readonly ids: readonly string[];
  /** Names by item; kept only for a list in name order (the groups serving everywhere). */
  readonly names: readonly string[] | undefined;
  /**
   * Every item's summary JSON, end to end, as UTF-8, in one or more pieces
   * (no item's JSON spans two): a table built from a million groups keeps the
   * pieces it was built in rather than hold the JSON twice to join them.
   */
  readonly json: readonly Uint8Array[];
  /** Where each item's JSON ends, counted from the start of the first piece (it starts where the previous one ends). */
  readonly jsonEnds: Uint32Array;
  /** Coordinates by item; NaN for groups that meet nowhere in person. */
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly conditions: Uint8Array;
  readonly audiences: Uint8Array;
  readonly formats: Uint8Array;
  readonly models: Uint8Array;
  readonly flags: Uint8Array;
  readonly languages: PostingsParts;
  readonly words: PostingsParts;
}

/** Groups in a fixed order (item numbers), with their filter fields in columns. */
export class GroupTable {
  readonly ids: readonly string[];
  readonly names: readonly string[] | undefined;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly #json: Buffer[];
  /** Where each piece of `#json` starts, counted as `jsonEnds` counts. */
  readonly #pieceStarts: number[];
  readonly #jsonEnds: Uint32Array;
  readonly #conditions: Uint8Array;
  readonly #audiences: Uint8Array;
  readonly #formats: Uint8Array;
  readonly #models: Uint8Array;
  readonly #flags: Uint8Array;
  readonly #languages: WordPostings;
  /** Per language number: 1 at the items that speak it; made on first use, as most are never asked for. */
  readonly #speakers = new Map<number, Uint8Array>();
  readonly #words: WordPostings;
  readonly #dictionaries: Dictionaries;

  /** @param dictionaries where the groups' words and languages are numbered; the words sorted */
  constructor(parts: GroupTableParts, dictionaries: Dictionaries) {
    const n = parts.ids.length;
    this.ids = parts.ids;
    this.names = parts.names;
    this.lat = parts.lat;
    this.lng = parts.lng;
    this.#json = parts.json.map((piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    this.#pieceStarts = [];
    let start = 0;
    for (const piece of this.#json) {
      this.#pieceStarts.push(start);
      start += piece.length;
    }
    this.#jsonEnds = parts.jsonEnds;
    this.#conditions = parts.conditions;
    this.#audiences = parts.audiences;
    this.#formats = parts.formats;
    this.#models = parts.models;
    this.#flags = parts.flags;
    this.#languages = new WordPostings(parts.languages, n);
    this.#words = new WordPostings(parts.words, n);
    this.#dictionaries = dictionaries;
  }

  /** A table of a few groups (the changes not yet merged into the big tables). */
  static of(groups: readonly IndexedGroup[], dictionaries: Dictionaries): GroupTable {
    const builder = new GroupTableBuilder(dictionaries, false);
    for (const group of groups) builder.add(group);
    return builder.finish();
  }

  /** How many groups the table holds. */
  get size(): number {
    return this.ids.length;
  }

  /** The columns, to keep in a snapshot. */
  get parts(): GroupTableParts {
    return {
      ids: this.ids,
      names: this.names,
      json: this.#json,
      jsonEnds: this.#jsonEnds,
      lat: this.lat,
      lng: this.lng,
      conditions: this.#conditions,
      audiences: this.#audiences,
      formats: this.#formats,
      models: this.#models,
      flags: this.#flags,
      languages: this.#languages.parts,
      words: this.#words.parts,
    };
  }

  /** Item `i`'s summary as JSON (UTF-8), sharing this table's memory. */
  jsonOf(item: number): Buffer {
    const start = item === 0 ? 0 : this.#jsonEnds[item - 1]!;
    const end = this.#jsonEnds[item]!;
    const starts = this.#pieceStarts;
    // The last piece starting at or before `start` (the first starts at 0): a handful of pieces, or one.
    const piece = partitionPoint(starts.length, (at) => starts[at]! <= start) - 1;
    return this.#json[piece]!.subarray(start - starts[piece]!, end - starts[piece]!);
  }

  /**
   * The test of a filter on this table's items: undefined when there is no
   * filter (every item passes), null when no item can pass.
   */
  test(filter: GroupFilter | undefined): ItemTest | undefined | null {
    if (!filter) return undefined;
    let language: Uint8Array | undefined;
    if (filter.language !== undefined) {
      const number = this.#dictionaries.languages.numberOf(filter.language);
      language = number === undefined ? undefined : this.#speakersOf(number);
      if (!language) return null;
    }
    let words: ItemTest | undefined;
    if (filter.words.length > 0) {
      words = this.#words.matching(filter.words, this.#dictionaries.words) ?? undefined;
      if (!words) return null;
    }
    const { conditions, audiences, formats, models } = filter;
    const flagMask = (filter.free === undefined ? 0 : FREE) | (filter.familyWelcome === undefined ? 0 : FAMILY_WELCOME);
    const flagValue = (filter.free ? FREE : 0) | (filter.familyWelcome ? FAMILY_WELCOME : 0);
    const c = this.#conditions;
    const a = this.#audiences;
    const f = this.#formats;
    const m = this.#models;
    const flags = this.#flags;
    return (i) =>
      (conditions === 0 || (c[i]! & conditions) !== 0) &&
      (audiences === 0 || (a[i]! & audiences) !== 0) &&
      (formats === 0 || (f[i]! & formats) !== 0) &&
      (models === 0 || (m[i]! & models) !== 0) &&
      (flags[i]! & flagMask) === flagValue &&
      (language === undefined || language[i] === 1) &&
      (words === undefined || words(i));
  }

  /** The languages and words of every item, for {@link GroupTableBuilder.addFrom}. */
  lists(): { languages: ItemLists; words: ItemLists } {
    return { languages: this.#languages.byItem(), words: this.#words.byItem() };
  }

  #speakersOf(language: number): Uint8Array | undefined {
    let speakers = this.#speakers.get(language);
    if (!speakers) {
      const items = this.#languages.itemsWith(language);
      if (items.length === 0) return undefined;
      speakers = new Uint8Array(this.size);
      for (let k = 0; k < items.length; k++) speakers[items[k]!] = 1;
      this.#speakers.set(language, speakers);
    }
    return speakers;
  }
}

/**
 * Collects groups into the columns of a {@link GroupTable} without an
 * object per group: a million groups arrive in batches from the store, and
 * holding each as an object on the way costs gigabytes.
 */
export class GroupTableBuilder {
  readonly #dictionaries: Dictionaries;
  readonly #keepNames: boolean;
  readonly #ids: string[] = [];
  readonly #names: string[] = [];
  /** The JSON so far, in chunks: one buffer grown by doubling would hold up to three times the JSON at the end. */
  readonly #chunks: Buffer[] = [];
  #chunk = Buffer.allocUnsafe(1 << 16);
  #chunkLength = 0;
  #jsonLength = 0;
  readonly #jsonEnds = new Growing(Uint32Array);
  readonly #lat = new Growing(Float64Array);
  readonly #lng = new Growing(Float64Array);
  readonly #conditions = new Growing(Uint8Array);
  readonly #audiences = new Growing(Uint8Array);
  readonly #formats = new Growing(Uint8Array);
  readonly #models = new Growing(Uint8Array);
  readonly #flags = new Growing(Uint8Array);
  readonly #languageEnds = new Growing(Uint32Array);
  readonly #languages = new Growing(Uint32Array);
  readonly #wordEnds = new Growing(Uint32Array);
  readonly #words = new Growing(Uint32Array);

  /** @param keepNames keep each group's name, for a table that must stay in name order */
  constructor(dictionaries: Dictionaries, keepNames: boolean) {
    this.#dictionaries = dictionaries;
    this.#keepNames = keepNames;
  }

  /** How many groups have been added. */
  get size(): number {
    return this.#ids.length;
  }

  /** Adds a prepared group. */
  add(group: IndexedGroup): void {
    this.#addRow(group.id, group.name, group.lat ?? NaN, group.lng ?? NaN);
    this.#appendJson(group.json);
    this.#conditions.push(group.conditions);
    this.#audiences.push(group.audiences);
    this.#formats.push(group.formats);
    this.#models.push(group.model);
    this.#flags.push((group.free ? FREE : 0) | (group.familyWelcome ? FAMILY_WELCOME : 0));
    for (const language of group.languages) this.#languages.push(language);
    this.#languageEnds.push(this.#languages.length);
    for (const word of group.words) this.#words.push(word);
    this.#wordEnds.push(this.#words.length);
  }

  /** Adds item `item` of `table`, whose `lists()` are given (computed once for the whole table). */
  addFrom(table: GroupTable, item: number, lists: { languages: ItemLists; words: ItemLists }): void {
    const parts = table.parts;
    this.#addRow(parts.ids[item]!, parts.names?.[item] ?? '', parts.lat[item]!, parts.lng[item]!);
    this.#appendBytes(table.jsonOf(item));
    this.#conditions.push(parts.conditions[item]!);
    this.#audiences.push(parts.audiences[item]!);
    this.#formats.push(parts.formats[item]!);
    this.#models.push(parts.models[item]!);
    this.#flags.push(parts.flags[item]!);
    copyList(lists.languages, item, this.#languages);
    this.#languageEnds.push(this.#languages.length);
    copyList(lists.words, item, this.#words);
    this.#wordEnds.push(this.#words.length);
  }

  /**
   * The table, its items in the order added, or in `order` (item numbers
   * as added). The builder is spent afterwards.
   */
  finish(order?: Uint32Array): GroupTable {
    const n = this.#ids.length;
    const pick = <T extends Uint8Array | Float64Array>(column: Growing<T>): T => {
      const values = column.take();
      if (!order) return values;
      const out = values.slice() as T;
      for (let i = 0; i < n; i++) out[i] = values[order[i]!]!;
      free(values);
      return out;
    };
    const ends = this.#jsonEnds.take();
    const pieces = this.#pieces();
    let json: readonly Uint8Array[] = pieces;
    let jsonEnds = ends;
    if (order) {
      // Only the list kept in name order is reordered, and it is small (2 % of groups): joined, then copied in order.
      const all = Buffer.concat(pieces);
      const ordered = Buffer.allocUnsafe(this.#jsonLength);
      jsonEnds = new Uint32Array(n);
      for (let i = 0, length = 0; i < n; i++) {
        const item = order[i]!;
        length += all.copy(ordered, length, item === 0 ? 0 : ends[item - 1]!, ends[item]!);
        jsonEnds[i] = length;
      }
      json = [ordered];
    }
    const parts: GroupTableParts = {
      ids: order ? Array.from(order, (item) => this.#ids[item]!) : this.#ids,
      names: this.#keepNames ? (order ? Array.from(order, (item) => this.#names[item]!) : this.#names) : undefined,
      json,
      jsonEnds,
      lat: pick(this.#lat),
      lng: pick(this.#lng),
      conditions: pick(this.#conditions),
      audiences: pick(this.#audiences),
      formats: pick(this.#formats),
      models: pick(this.#models),
      flags: pick(this.#flags),
      languages: postingsOf(this.#languageEnds, this.#languages, order, this.#dictionaries.languages.size),
      words: postingsOf(this.#wordEnds, this.#words, order, this.#dictionaries.words.size),
    };
    return new GroupTable(parts, this.#dictionaries);
  }

  /** The names added, by item number as added (to sort a table by name before finishing it). */
  get names(): readonly string[] {
    return this.#names;
  }

  /** The ids added, by item number as added. */
  get ids(): readonly string[] {
    return this.#ids;
  }

  #addRow(id: string, name: string, lat: number, lng: number): void {
    this.#ids.push(id);
    if (this.#keepNames) this.#names.push(name);
    this.#lat.push(lat);
    this.#lng.push(lng);
  }

  #appendJson(json: string): void {
    const bytes = Buffer.byteLength(json);
    this.#reserve(bytes);
    this.#chunk.write(json, this.#chunkLength);
    this.#advance(bytes);
  }

  #appendBytes(bytes: Buffer): void {
    this.#reserve(bytes.length);
    bytes.copy(this.#chunk, this.#chunkLength);
    this.#advance(bytes.length);
  }

  #advance(bytes: number): void {
    this.#chunkLength += bytes;
    this.#jsonLength += bytes;
    this.#jsonEnds.push(this.#jsonLength);
  }

  /** Room for `bytes` more in the current chunk (one group's JSON never spans two). */
  #reserve(bytes: number): void {
    if (this.#chunkLength + bytes <= this.#chunk.length) return;
    this.#chunks.push(this.#chunk.subarray(0, this.#chunkLength));
    this.#chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.#chunkLength = 0;
  }

  /** The JSON's pieces, each trimmed to what it holds; the builder lets go of them. */
  #pieces(): Buffer[] {
    const pieces = [...this.#chunks, this.#chunk.subarray(0, this.#chunkLength)].filter((piece) => piece.length > 0);
    this.#chunks.length = 0;
    this.#chunk = Buffer.alloc(0);
    this.#chunkLength = 0;
    // A trimmed view keeps its whole chunk alive: copy the last, least-filled one to its size.
    if (pieces.length > 1) pieces[pieces.length - 1] = Buffer.from(pieces[pieces.length - 1]!);
    return pieces.length > 0 ? pieces : [Buffer.alloc(0)];
  }
}

const CHUNK_BYTES = 4 << 20;

function copyList(lists: ItemLists, item: number, into: Growing<Uint32Array>): void {
  for (let k = item === 0 ? 0 : lists.ends[item - 1]!; k < lists.ends[item]!; k++) into.push(lists.values[k]!);
}

/** The postings of lists gathered item by item, in `order`; the lists are given back once read. */
function postingsOf(
  ends: Growing<Uint32Array>,
  values: Growing<Uint32Array>,
  order: Uint32Array | undefined,
  words: number,
): PostingsParts {
  const lists = { ends: ends.take(), values: values.take() };
  const ordered = reorder(lists.ends, lists.values, order);
  const { parts } = WordPostings.build(ordered, words);
  free(lists.ends, lists.values, ordered.ends, ordered.values);
  return parts;
}

/** Per-item lists in another item order. */
function reorder(ends: Uint32Array, values: Uint32Array, order: Uint32Array | undefined): ItemLists {
  if (!order) return { ends, values };
  const newEnds = new Uint32Array(order.length);
  const newValues = new Uint32Array(values.length);
  for (let i = 0, k = 0; i < order.length; i++) {
    const item = order[i]!;
    for (let p = item === 0 ? 0 : ends[item - 1]!; p < ends[item]!; p++) newValues[k++] = values[p]!;
    newEnds[i] = k;
  }
  return { ends: newEnds, values: newValues };
}
