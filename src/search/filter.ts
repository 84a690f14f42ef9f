/**
 * A search's filters, in the form the indexes test them: bit masks, flags,
 * a language and folded words. The server's index and the SDK's static
 * directory read a query and a group the same way here.
 * @module
 */
import { audienceCodes, conditionCodes, formatCodes, modelCodes, type Group, type SearchQuery } from '../schema/index.js';
import { wordsOf } from './words.js';

/** Bit masks of each taxonomy's codes: the bit of a code is its position in the list. */
export const bitsOf = /* @__PURE__ */ (() => ({
  condition: bitTable(conditionCodes),
  audience: bitTable(audienceCodes),
  format: bitTable(formatCodes),
  model: bitTable(modelCodes),
}))();

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

/**
 * What a group must have to be listed. A mask of 0 means "any"; a list
 * filter matches a group with ANY of its codes, and every kind of filter
 * given must match.
 */
export interface GroupFilter {
  readonly conditions: number;
  readonly audiences: number;
  readonly formats: number;
  readonly models: number;
  /** true: free groups only; false: fee-charging groups only. */
  readonly free: boolean | undefined;
  /** true: groups that welcome family members; false: groups that do not. */
  readonly familyWelcome: boolean | undefined;
  /** A primary language subtag the group must list. */
  readonly language: string | undefined;
  /** Folded words, each of which must start a word of the group's name, summary, organisation or town. */
  readonly words: readonly string[];
}

/** The filters of a search, or undefined when it has none. */
export function groupFilter(query: SearchQuery): GroupFilter | undefined {
  const filter: GroupFilter = {
    conditions: maskOf(bitsOf.condition, query.condition ?? []),
    audiences: maskOf(bitsOf.audience, query.audience ?? []),
    formats: maskOf(bitsOf.format, query.format ?? []),
    models: maskOf(bitsOf.model, query.model ?? []),
    free: query.free,
    familyWelcome: query.family,
    language: query.language?.toLowerCase(),
    words: query.q ? [...new Set(wordsOf(query.q))] : [],
  };
  const any =
    filter.conditions !== 0 ||
    filter.audiences !== 0 ||
    filter.formats !== 0 ||
    filter.models !== 0 ||
    filter.free !== undefined ||
    filter.familyWelcome !== undefined ||
    filter.language !== undefined ||
    filter.words.length > 0;
  return any ? filter : undefined;
}

/** What a search's filters look at in a group, worked out once when the group is indexed. */
export interface FilterFields {
  readonly conditions: number;
  readonly audiences: number;
  readonly formats: number;
  readonly model: number;
  readonly free: boolean;
  readonly familyWelcome: boolean;
  /** Its languages' primary subtags (`en-GB` counts as `en`), each once. */
  readonly languages: readonly string[];
  /** The folded words of its name, summary, organisation and town, each once. */
  readonly words: readonly string[];
}

/** The fields of a published group that a search's filters test. */
export function filterFieldsOf(group: Group): FilterFields {
  const text = `${group.name}\n${group.summary}\n${group.organisation?.name ?? ''}\n${group.location?.town ?? ''}`;
  return {
    conditions: maskOf(bitsOf.condition, group.conditions),
    audiences: maskOf(bitsOf.audience, group.audiences),
    formats: maskOf(bitsOf.format, group.formats),
    model: maskOf(bitsOf.model, [group.model]),
    free: group.answers.cost.free,
    familyWelcome: group.answers.familyWelcome.answer,
    languages: [...new Set(group.languages.map(primaryLanguage))],
    words: [...new Set(wordsOf(text))],
  };
}

/**
 * Whether a group passes a filter, read from its fields one group at a
 * time: the rule the server's column tables apply to many at once.
 */
export function passes(group: FilterFields, filter: GroupFilter): boolean {
  return (
    (filter.conditions === 0 || (group.conditions & filter.conditions) !== 0) &&
    (filter.audiences === 0 || (group.audiences & filter.audiences) !== 0) &&
    (filter.formats === 0 || (group.formats & filter.formats) !== 0) &&
    (filter.models === 0 || (group.model & filter.models) !== 0) &&
    (filter.free === undefined || group.free === filter.free) &&
    (filter.familyWelcome === undefined || group.familyWelcome === filter.familyWelcome) &&
    (filter.language === undefined || group.languages.includes(filter.language)) &&
    filter.words.every((prefix) => group.words.some((word) => word.startsWith(prefix)))
  );
}
