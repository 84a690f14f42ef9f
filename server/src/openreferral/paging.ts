import type { HsdsPage } from './hsds.js';
import { DEFAULT_PER_PAGE } from './query.js';

/** One page of `items` in the HSDS paging envelope; pages count from 1. */
export function pageOf<T, U = T>(
  items: readonly T[],
  query: { page?: number | undefined; per_page?: number | undefined },
  map: (item: T) => U = (item) => item as unknown as U,
): HsdsPage<U> {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage).map(map);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
