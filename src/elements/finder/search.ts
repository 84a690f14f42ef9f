import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { MAX_LIMIT } from '../../schema/search-constants.js';
import type { EverywherePage, SearchQuery, SearchResult } from '../../schema/index.js';
import type { DirectoryReader, UnknownPlaceError } from '../../index.js';

/** What a finished search shows. */
export interface SearchAnswer {
  /** The search these results answer. */
  query: SearchQuery;
  /** Every page so far, merged. */
  result: SearchResult;
  /** The place was not found: `result` holds only the groups open to everyone, which every search lists. */
  unknownPlace?: boolean;
  /** Loading the next page failed, for this reason: `result` is what was shown before. */
  moreFailed?: unknown;
}

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/** More of a search's online and telephone groups: `page` (all shown so far) extends the first page `of`. */
interface MoreEverywhere {
  of: EverywherePage;
  page: EverywherePage;
}

/**
 * Runs the finder's searches through one `@lit/task`, which owns whether a
 * search is running, its answer and its error: a newer search cancels the
 * one in flight, and "show more" adds the next page to the answer shown.
 * A second task reads the rest of the online and telephone groups, which a
 * search answer carries only the first few of.
 */
export class FinderSearch implements ReactiveController {
  private readonly task: Task<[SearchQuery | undefined], SearchAnswer | undefined>;
  private readonly everywhereTask: Task<[SearchQuery, EverywherePage, EverywherePage], MoreEverywhere>;
  /** The search last started (also a "show more"). */
  query?: SearchQuery | undefined;
  private arrived = false;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    /** The client to search with, and its error for a place not found: they may still have to arrive (the SDK is not in the finder's first load). */
    sdk: () => Promise<{ client: DirectoryReader; UnknownPlaceError: typeof UnknownPlaceError }>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([query], { signal }): Promise<SearchAnswer | undefined> => {
        if (!query) return undefined;
        const { client, UnknownPlaceError } = await sdk();
        const groups = client.groups;
        const before = this.task.value;
        if (query.cursor && before) {
          try {
            const page = await groups.search(query, { signal });
            return {
              ...before,
              query,
              result: { ...page, groups: [...before.result.groups, ...page.groups], everywhere: before.result.everywhere },
            };
          } catch (error) {
            if (isAbort(error)) throw error;
            return { ...before, moreFailed: error };
          }
        }
        try {
          return { query, result: await groups.search(query, { signal }) };
        } catch (error) {
          if (!(error instanceof UnknownPlaceError)) throw error;
          // The page promises the groups open to everyone in every search: an unknown place still lists them.
          const { near: _near, lat: _lat, lng: _lng, ...anywhere } = query;
          return { query, result: await groups.search(anywhere, { signal }), unknownPlace: true };
        }
      },
      onComplete: (answer) => {
        this.arrived = !!answer && !answer.moreFailed;
      },
    });
    // The same for every search with the same filters, so the browser's cache often answers it.
    this.everywhereTask = new Task(host, {
      autoRun: false,
      task: async ([query, of, shown], { signal }) => {
        const { client } = await sdk();
        const page = await client.groups.everywhere({ ...query, cursor: shown.nextCursor ?? undefined, limit: MAX_LIMIT }, { signal });
        return { of, page: { ...page, groups: [...shown.groups, ...page.groups] } };
      },
      onComplete: () => {
        this.arrived = true;
      },
    });
  }

  /** Reads the next page of the answer's online and telephone groups, unless one is on its way. */
  moreEverywhere(): void {
    const base = this.base;
    const shown = this.answer?.result.everywhere;
    if (!base?.result.everywhere || !shown?.nextCursor || this.everywherePending) return;
    this.everywhereFor = base.result.everywhere;
    void this.everywhereTask.run([base.query, base.result.everywhere, shown]);
  }

  /** Resolves when reading more online and telephone groups has finished, however it ended. */
  get everywhereSettled(): Promise<unknown> {
    return this.everywhereTask.taskComplete.catch(() => undefined);
  }

  /** More online and telephone groups are on their way, for the answer shown. */
  get everywherePending(): boolean {
    return this.everywhereTask.status === TaskStatus.PENDING && this.everywhereOfAnswer;
  }

  /** Why reading more online and telephone groups failed, for the answer shown. */
  get everywhereError(): unknown {
    const e = this.everywhereTask.status === TaskStatus.ERROR && this.everywhereOfAnswer ? this.everywhereTask.error : undefined;
    return isAbort(e) ? undefined : e;
  }

  /** The first page of online groups the everywhere task last ran for. */
  private everywhereFor: EverywherePage | undefined;

  /** Whether that was the answer shown ("show more" keeps the first page's object, a new search does not). */
  private get everywhereOfAnswer(): boolean {
    return this.everywhereFor !== undefined && this.everywhereFor === this.base?.result.everywhere;
  }

  /** The answer of the search task itself, before any more online groups are added. */
  private get base(): SearchAnswer | undefined {
    return this.task.status === TaskStatus.ERROR ? undefined : this.task.value;
  }

  /** Starts a search, cancelling one in flight. */
  run(query: SearchQuery): void {
    this.query = query;
    this.host.dispatchEvent(new CustomEvent('peer-search', { detail: query, bubbles: true, composed: true }));
    performance.mark('peer-finder-search');
    void this.task.run([query]);
  }

  /** Cancels any search and shows none. */
  clear(): void {
    this.query = undefined;
    void this.task.run([undefined]);
  }

  /** A search (or a page of one) is running. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The answer shown: while a search runs, the one before it; with the online groups read so far. */
  get answer(): SearchAnswer | undefined {
    const base = this.base;
    const more = this.everywhereTask.value;
    if (!base || !more || more.of !== base.result.everywhere) return base;
    return { ...base, result: { ...base.result, everywhere: more.page } };
  }

  /** Why the last search failed, if it did (a cancelled one has not). */
  get error(): unknown {
    const e = this.task.status === TaskStatus.ERROR ? this.task.error : this.answer?.moreFailed;
    return isAbort(e) ? undefined : e;
  }

  /** Resolves when the search running now has finished, however it ended. */
  get settled(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }

  hostUpdated(): void {
    const answer = this.answer;
    if (!this.arrived || !answer) return;
    this.arrived = false;
    performance.mark('peer-finder-results');
    this.host.dispatchEvent(new CustomEvent('peer-results', { detail: answer.result, bubbles: true, composed: true }));
  }
}
