/**
 * A published group prepared once, when it enters the index, so that each
 * search only tests numbers and copies ready-made JSON.
 * @module
 */
import { summaryOf, type Group } from 'peer-directory/schema';
import { filterFieldsOf, type FilterFields } from 'peer-directory/search';
import type { WordDictionary } from './words.js';

/**
 * A group as the index holds it: the fields filters test (as
 * `filterFieldsOf` gives them, with languages and words numbered), JSON
 * serialised once.
 */
export interface IndexedGroup extends Omit<FilterFields, 'languages' | 'words'> {
  readonly id: string;
  readonly name: string;
  /** The JSON of its summary, as results list it. */
  readonly json: string;
  /** Where it meets, for the geographic list; undefined when it meets nowhere in person. */
  readonly lat: number | undefined;
  readonly lng: number | undefined;
  readonly servesEverywhere: boolean;
  /** Numbers of its languages' primary subtags (`en-GB` counts as `en`), in the index's language dictionary. */
  readonly languages: Uint32Array;
  /** Numbers of the words of its name, summary, organisation and town, in the index's word dictionary. */
  readonly words: Uint32Array;
}

/** Where the index numbers words and languages. */
export interface Dictionaries {
  readonly words: WordDictionary;
  readonly languages: WordDictionary;
}

/** Prepares a published group for the index, numbering its words and languages. */
export function indexGroup(group: Group, dictionaries: Dictionaries): IndexedGroup {
  const fields = filterFieldsOf(group);
  return {
    ...fields,
    id: group.id,
    name: group.name,
    json: JSON.stringify(summaryOf(group)),
    lat: group.location?.lat,
    lng: group.location?.lng,
    servesEverywhere: group.servesEverywhere,
    languages: Uint32Array.from(fields.languages, (language) => dictionaries.languages.idOf(language)),
    words: Uint32Array.from(fields.words, (word) => dictionaries.words.idOf(word)),
  };
}
