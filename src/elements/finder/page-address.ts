import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SHARED_SEARCH_KEYS } from '../../schema/index.js';

/** The query parameters a finder owns in the page's address (a search's, and the open group); the host's own are left alone. */
export const ADDRESS_KEYS: readonly string[] = [...SHARED_SEARCH_KEYS, 'group'];

/**
 * Keeps a search in the page's address so back/forward and shared links
 * restore it. The host writes with `write()` and is told, through
 * `restore`, what the address says on load and after back/forward.
 */
export class PageAddress implements ReactiveController {
  constructor(
    private host: ReactiveControllerHost & { syncUrl: boolean },
    private restore: (params: URLSearchParams) => void,
  ) {
    host.addController(this);
  }

  private onPop = () => {
    if (this.host.syncUrl) this.restore(new URLSearchParams(location.search));
  };

  hostConnected() {
    addEventListener('popstate', this.onPop);
  }

  hostDisconnected() {
    removeEventListener('popstate', this.onPop);
  }

  /** What the address says now (for the first render). */
  read(): URLSearchParams {
    return new URLSearchParams(location.search);
  }

  /**
   * Puts `params` in the address: a new history entry for a search or a
   * group people would go back to (`push`), else an edit of this one (a
   * filter ticked, a page of results added).
   */
  write(params: URLSearchParams, push: boolean) {
    if (!this.host.syncUrl) return;
    const url = new URL(location.href);
    for (const key of ADDRESS_KEYS) url.searchParams.delete(key);
    params.forEach((value, key) => url.searchParams.append(key, value));
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}
