import { FILTER_KEYS, type FilterKey, type SearchFilters } from '../../schema/index.js';

/** How many choices narrow the search, counting only filters people can see and change. */
export function countFilters(f: SearchFilters, hidden: ReadonlySet<string>): number {
  return FILTER_KEYS.reduce((n, key) => {
    const v = f[key];
    return hidden.has(key) ? n : n + (Array.isArray(v) ? v.length : v ? 1 : 0);
  }, 0);
}

/** Whether a list filter holds `code`, or a flag filter is on. */
export function isChosen(f: SearchFilters, key: FilterKey, code?: string): boolean {
  const v = f[key];
  return Array.isArray(v) ? (v as string[]).includes(code ?? '') : v === true;
}
