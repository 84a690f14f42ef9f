import type {
  EverywherePage,
  EverywhereQuery,
  Group,
  GroupHit,
  GroupSummary,
  Schedule,
  SearchQuery,
  SearchResult,
  UpcomingMeetings,
} from '../schema/index.js';
import { EVERYWHERE_QUERY_KEYS } from '../schema/search-constants.js';
import { toSearchParams } from './search-params.js';
import type { RequestOptions, Send } from './transport.js';

/** Searching and reading published groups: `client.groups`. */
export interface GroupsResource extends ReadGroupsResource {
  /**
   * A group's next meetings, soonest first, worked out by the directory from
   * its recurrence rules in its time zone (`limit` 1–50, default 3;
   * `cancelled` also lists cancelled ones, marked).
   */
  meetings(id: string, query?: { limit?: number; cancelled?: boolean }, options?: RequestOptions): Promise<UpcomingMeetings>;
  /**
   * The next meetings a schedule being written will give, checked as a
   * registration would be (a `ValidationError` naming each field otherwise;
   * `newGroup` also refuses a first meeting in the past). What the form shows
   * the leader before they submit.
   */
  previewSchedule(input: { schedule: Schedule; limit?: number; newGroup?: boolean }, options?: RequestOptions): Promise<UpcomingMeetings>;
}

/** What every directory answers about its published groups, an API or a static file: `groups` of a `DirectoryReader`. */
export interface ReadGroupsResource {
  /**
   * One page of groups near a place, nearest first, as summaries. The first
   * page also holds `everywhere`: the first few online and telephone groups
   * open to everyone that match the filters, and how many there are (every
   * search lists them; read the rest with `everywhere` or `everywhereAll`).
   * Pass `nextCursor` back as `cursor` for the next page, or use `searchAll`.
   */
  search(query: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  /**
   * Every group the search matches, page after page, each once. Pages are
   * fetched only as the loop asks for them; breaking out stops fetching.
   * The online and telephone groups are not repeated here: read them with `everywhereAll`.
   */
  searchAll(query: SearchQuery, options?: RequestOptions): AsyncGenerator<GroupHit, void, undefined>;
  /**
   * One page of the online and telephone groups open to everyone that match
   * a search's filters, by name. Only the filters of `query` are sent (a
   * place, radius or units is left out), so the answer is the same for every
   * search with those filters and the browser's cache can reuse it. Pass the
   * `nextCursor` of `SearchResult.everywhere`, or of the previous page, as
   * `cursor` to go on.
   */
  everywhere(query: EverywhereQuery, options?: RequestOptions): Promise<EverywherePage>;
  /** Every online and telephone group open to everyone that matches the filters, page after page, each once. */
  everywhereAll(query: EverywhereQuery, options?: RequestOptions): AsyncGenerator<GroupSummary, void, undefined>;
  /** One published group, in full; a `NotFoundError` when it is unknown or archived. */
  get(id: string, options?: RequestOptions): Promise<Group>;
}

export function groupsResource(send: Send): GroupsResource {
  const search = (query: SearchQuery, options?: RequestOptions) =>
    send('v1/groups', 'searchResult', { searchParams: toSearchParams(query), signal: options?.signal });
  const everywhere = (query: EverywhereQuery, options?: RequestOptions) => {
    const sent: EverywhereQuery = {};
    for (const key of EVERYWHERE_QUERY_KEYS) Object.assign(sent, { [key]: query[key] });
    return send('v1/everywhere', 'everywherePage', { searchParams: toSearchParams(sent), signal: options?.signal });
  };

  return {
    search,
    searchAll: (query, options) => everyPage(query.cursor, (cursor) => search({ ...query, cursor }, options)),
    everywhere,
    everywhereAll: (query, options) => everyPage(query.cursor, (cursor) => everywhere({ ...query, cursor }, options)),
    get: (id, options) => send(`v1/groups/${encodeURIComponent(id)}`, 'group', { signal: options?.signal }),
    meetings: (id, query = {}, options) =>
      send(`v1/groups/${encodeURIComponent(id)}/meetings`, 'upcomingMeetings', {
        searchParams: {
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.cancelled ? { cancelled: 'true' } : {}),
        },
        signal: options?.signal,
      }),
    previewSchedule: (input, options) =>
      send('v1/schedules/preview', 'upcomingMeetings', { method: 'post', json: input, signal: options?.signal }),
  };
}

/** Every group of a paged list, fetching each page only when the loop asks for it. */
export async function* everyPage<G>(
  cursor: string | undefined,
  page: (cursor: string | undefined) => Promise<{ groups: G[]; nextCursor: string | null }>,
): AsyncGenerator<G, void, undefined> {
  do {
    const { groups, nextCursor } = await page(cursor);
    yield* groups;
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
