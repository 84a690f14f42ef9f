/**
 * A search's filters, in the form the index tests them: bit masks, flags,
 * a language and folded words.
 * @module
 */
import type { SearchQuery } from 'peer-directory/schema';
import { bitsOf, maskOf } from './indexed-group.js';
import { wordsOf } from './words.js';

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
