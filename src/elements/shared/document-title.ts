import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';

/** What the page's title should say about the element's state. */
export interface TitleState {
  /** Errors are shown: the title starts "Error: ", as GOV.UK pages do, so it is the first thing read. */
  error?: boolean;
  /** What the page now shows (a group's name), put before the page's own title. */
  subject?: string | undefined;
}

/**
 * Keeps the page's title in step with what an element shows, after each
 * render, and gives the page its own title back when there is nothing to
 * add or the element leaves. A title the page sets meanwhile becomes the
 * one added to.
 */
export class DocumentTitle implements ReactiveController {
  private own: string | undefined;
  private written: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly state: () => TitleState,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // An element that has left the page (and still renders, saving a draft) says nothing about it.
    if (!this.host.isConnected) return;
    if (document.title !== this.written) this.own = document.title;
    const { error, subject } = this.state();
    const own = this.own ?? '';
    const titled = subject ? (own ? msg(str`${subject} – ${own}`) : subject) : own;
    const title = error ? msg(str`Error: ${titled}`) : titled;
    if (title !== document.title) document.title = title;
    // As the page stores it (it trims spaces), to recognise it next time.
    this.written = document.title;
  }

  hostDisconnected(): void {
    if (this.own !== undefined && document.title === this.written) document.title = this.own;
    this.own = this.written = undefined;
  }
}
