import {
  groupSchema,
  searchResultSchema,
  upcomingMeetingsSchema,
  type Group,
  type Schedule,
  type UpcomingMeetings,
  type GroupHit,
  type SearchQuery,
  type SearchResult,
} from '../schema/index.js';
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

export function groupsResource(send: Send): GroupsResource {
  const search = (query: SearchQuery, options?: RequestOptions) =>
    send('v1/groups', searchResultSchema, { searchParams: toSearchParams(query), signal: options?.signal });

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
    get: (id, options) => send(`v1/groups/${encodeURIComponent(id)}`, groupSchema, { signal: options?.signal }),
    meetings: (id, query = {}, options) =>
      send(`v1/groups/${encodeURIComponent(id)}/meetings`, upcomingMeetingsSchema, {
        searchParams: {
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.cancelled ? { cancelled: 'true' } : {}),
        },
        signal: options?.signal,
      }),
    previewSchedule: (input, options) =>
      send('v1/schedules/preview', upcomingMeetingsSchema, { method: 'post', json: input, signal: options?.signal }),
  };
}
