import type { HsdsPage } from './hsds.js';
import { DEFAULT_PER_PAGE } from './query.js';

/** Which page a request asks for. */
export type PageQuery = { page?: number | undefined; per_page?: number | undefined };

/** The first and last-but-one index of the asked-for page, as `slice` takes them; pages count from 1. */
export function pageBounds(query: PageQuery): { start: number; end: number } {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  return { start: (page - 1) * perPage, end: page * perPage };
}

/** One page of `items` in the HSDS paging envelope, only that page's items mapped. */
export function pageOf<T, U = T>(items: readonly T[], query: PageQuery, map: (item: T) => U = (item) => item as unknown as U): HsdsPage<U> {
  const { start, end } = pageBounds(query);
  return pageEnvelope(items.slice(start, end).map(map), items.length, query);
}

/** The envelope of one page whose `contents` the caller found, of `total` items in all. */
export function pageEnvelope<T>(contents: T[], total: number, query: PageQuery): HsdsPage<T> {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
