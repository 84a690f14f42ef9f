import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { keptDraft, type Draft } from './draft.js';

/** What is kept for one form: the answers and the key that makes sending them again harmless. */
export interface SavedDraft {
  draft: Draft;
  /** Reused by every attempt to send this draft, so a retry never registers the group twice. */
  idempotencyKey: string;
}

const SAVE_DELAY_MS = 400;

/**
 * Keeps a form's draft in sessionStorage: saved shortly after each change,
 * at once when the page is hidden or the element removed, and restored
 * when the form is created again in the same tab. Storage that is full or
 * blocked (some privacy modes) only means the draft is not kept.
 */
export class DraftStore implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: SavedDraft | undefined;
  private readonly flushOnHide = () => this.flush();

  /** @param storageKey which form this is: the page's API and group, so two forms never share a draft */
  constructor(
    host: ReactiveControllerHost,
    private readonly storageKey: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flushOnHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.flushOnHide);
    this.flush();
  }

  /** The draft kept for this form, if any, read as `keptDraft` reads older ones. */
  load(): SavedDraft | undefined {
    try {
      const raw = sessionStorage.getItem(this.storageKey());
      if (!raw) return undefined;
      const saved = JSON.parse(raw) as Partial<SavedDraft>;
      if (!saved.draft || typeof saved.idempotencyKey !== 'string') return undefined;
      return { draft: keptDraft(saved.draft), idempotencyKey: saved.idempotencyKey };
    } catch {
      return undefined;
    }
  }

  /** Saves soon: typing fast writes once. */
  save(saved: SavedDraft): void {
    this.pending = saved;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Writes a pending save now. */
  flush(): void {
    clearTimeout(this.timer);
    if (!this.pending) return;
    const saved = this.pending;
    this.pending = undefined;
    try {
      sessionStorage.setItem(this.storageKey(), JSON.stringify(saved));
    } catch {
      // Full or blocked storage: the form still works, the draft just is not kept.
    }
  }

  /**
   * Forgets the draft: after the registration has been received.
   * @param storageKey another form's key, e.g. the one it had before its API address changed
   */
  clear(storageKey = this.storageKey()): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing was kept.
    }
  }
}
