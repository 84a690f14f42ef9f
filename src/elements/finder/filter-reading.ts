import { FILTER_KEYS, searchFiltersSchema, type FilterKey, type SearchFilters } from '../../schema/index.js';

/**
 * The finder's filter state is the search query's own filter fields
 * (`searchFiltersSchema`): presets from attributes, the page's address and
 * the filter panel are all read with the schema, so a filter added there is
 * understood everywhere. It needs zod, so it comes with the finder's search
 * parts (search-parts.ts), not in its first load.
 * @module
 */

/** A filter's value as text or a list: an attribute, a query parameter, the panel's inputs. */
export type RawFilter = string | string[] | boolean | null | undefined;

const fields = searchFiltersSchema.shape;
/**
 * Reads each filter with the schema. A value it rejects (an unknown code, an
 * empty `free=`) or an absent one leaves that filter off: addresses and
 * attributes are typed by people, and one slip should not lose the rest.
 */
export function readFilters(raw: (key: FilterKey) => RawFilter): SearchFilters {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const given = raw(key);
    // Lists arrive as `a,b` or as repeated inputs; flags and single values as one input.
    const value = Array.isArray(given) ? given.join(',') : given;
    if (value === null || value === undefined || value === '' || value === false) continue;
    const parsed = fields[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as SearchFilters;
}

/** The filters a form's inputs hold; `hidden` filters keep `presets`. */
export function filtersFromForm(form: HTMLFormElement, presets: SearchFilters, hidden: ReadonlySet<string>): SearchFilters {
  const data = new FormData(form);
  return readFilters((key) => (hidden.has(key) ? presets[key] : data.getAll(key).map(String)));
}

/** Only the hidden filters' presets: what "search again without your filters" leaves. */
export function withoutVisibleFilters(presets: SearchFilters, hidden: ReadonlySet<string>): SearchFilters {
  return readFilters((key) => (hidden.has(key) ? presets[key] : undefined));
}
