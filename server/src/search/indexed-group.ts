/**
 * A published group prepared once, when it enters the index, so that each
 * search only tests numbers and copies ready-made JSON.
 * @module
 */
import { audienceCodes, conditionCodes, formatCodes, modelCodes, summaryOf, type Group } from 'peer-directory/schema';
import { wordsOf, type WordDictionary } from './words.js';

/** A group as the index holds it: filter fields precomputed, JSON serialised once. */
export interface IndexedGroup {
  readonly id: string;
  readonly name: string;
  /** The JSON of its summary, as results list it. */
  readonly json: string;
  /** Where it meets, for the geographic list; undefined when it meets nowhere in person. */
  readonly lat: number | undefined;
  readonly lng: number | undefined;
  readonly servesEverywhere: boolean;
  /** One bit per code, in the order of the taxonomy lists. */
  readonly conditions: number;
  readonly audiences: number;
  readonly formats: number;
  readonly model: number;
  readonly free: boolean;
  readonly familyWelcome: boolean;
  /** Numbers of its languages' primary subtags (`en-GB` counts as `en`), in the index's language dictionary. */
  readonly languages: Uint32Array;
  /** Numbers of the words of its name, summary, organisation and town, in the index's word dictionary. */
  readonly words: Uint32Array;
}

/** Bit masks of each taxonomy's codes: the bit of a code is its position in the list. */
export const bitsOf = {
  condition: bitTable(conditionCodes),
  audience: bitTable(audienceCodes),
  format: bitTable(formatCodes),
  model: bitTable(modelCodes),
};

function bitTable<Code extends string>(codes: readonly Code[]): ReadonlyMap<Code, number> {
  // The index keeps masks in bytes.
  if (codes.length > 8) throw new Error('A taxonomy with more than 8 codes needs a wider mask');
  return new Map(codes.map((code, i) => [code, 1 << i]));
}

/** The mask with a bit set for each code; 0 for none. */
export function maskOf<Code extends string>(table: ReadonlyMap<Code, number>, codes: readonly Code[]): number {
  let mask = 0;
  for (const code of codes) mask |= table.get(code) ?? 0;
  return mask;
}

/** The primary subtag of a BCP 47 language tag: `en-GB` gives `en`. */
export function primaryLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

/** Where the index numbers words and languages. */
export interface Dictionaries {
  readonly words: WordDictionary;
  readonly languages: WordDictionary;
}

/** Prepares a published group for the index, numbering its words and languages. */
export function indexGroup(group: Group, dictionaries: Dictionaries): IndexedGroup {
  const json = JSON.stringify(summaryOf(group));
  const text = `${group.name}\n${group.summary}\n${group.organisation?.name ?? ''}\n${group.location?.town ?? ''}`;
  const words = new Set<number>();
  for (const word of wordsOf(text)) words.add(dictionaries.words.idOf(word));
  const languages = new Set(group.languages.map((tag) => dictionaries.languages.idOf(primaryLanguage(tag))));
  return {
    id: group.id,
    name: group.name,
    json,
    lat: group.location?.lat,
    lng: group.location?.lng,
    servesEverywhere: group.servesEverywhere,
    conditions: maskOf(bitsOf.condition, group.conditions),
    audiences: maskOf(bitsOf.audience, group.audiences),
    formats: maskOf(bitsOf.format, group.formats),
    model: maskOf(bitsOf.model, [group.model]),
    free: group.answers.cost.free,
    familyWelcome: group.answers.familyWelcome.answer,
    languages: Uint32Array.from(languages),
    words: Uint32Array.from(words),
  };
}
