import type { Group, GroupHit, SearchQuery, SearchResult } from '../schema/index.js';
import { toSearchParams } from './search-params.js';
import type { RequestOptions, Send } from './transport.js';

/** Searching and reading published groups: `client.groups`. */
export interface GroupsResource {
  /**
   * One page of groups near a place, nearest first, plus the online and
   * telephone groups open to everyone (`everywhere`), which every search lists.
   * Pass `nextCursor` back as `cursor` for the next page, or use `searchAll`.
   */
  search(query: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  /**
   * Every group the search matches, page after page, each once. Pages are
   * fetched only as the loop asks for them; breaking out stops fetching.
   * The `everywhere` list is not repeated here: read it from `search`.
   */
  searchAll(query: SearchQuery, options?: RequestOptions): AsyncGenerator<GroupHit, void, undefined>;
  /** One published group; a `NotFoundError` when it is unknown or archived. */
  get(id: string, options?: RequestOptions): Promise<Group>;
}

export function groupsResource(send: Send): GroupsResource {
  const search = (query: SearchQuery, options?: RequestOptions) =>
    send('v1/groups', 'searchResult', { searchParams: toSearchParams(query), signal: options?.signal });

  return {
    search,
    async *searchAll(query, options) {
      let cursor = query.cursor;
      do {
        const page = await search({ ...query, cursor }, options);
        yield* page.groups;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    get: (id, options) => send(`v1/groups/${encodeURIComponent(id)}`, 'group', { signal: options?.signal }),
  };
}
