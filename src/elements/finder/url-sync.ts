import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The query parameters a finder owns in the page's address; the host's own are left alone. */
export const URL_KEYS = [
  'near',
  'lat',
  'lng',
  'radius',
  'condition',
  'audience',
  'format',
  'model',
  'free',
  'family',
  'language',
  'group',
] as const;

/**
 * Keeps a search in the page's address so back/forward and shared links
 * restore it. The host writes with `write()` and is told, through
 * `restore`, what the address says on load and after back/forward.
 */
export class UrlSyncController implements ReactiveController {
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

  /** Puts `params` in the address: a new history entry, or (`replace`) an edit of this one. */
  write(params: URLSearchParams, replace = false) {
    if (!this.host.syncUrl) return;
    const url = new URL(location.href);
    for (const key of URL_KEYS) url.searchParams.delete(key);
    params.forEach((value, key) => url.searchParams.append(key, value));
    if (url.href === location.href) return;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }
}
