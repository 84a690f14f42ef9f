import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What to focus: a selector in the host's render root, or a function that finds the element (it may wait). */
export type FocusTarget = string | (() => Element | null | undefined | Promise<Element | null | undefined>);

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Moves focus once the host has rendered what it is about to show: the
 * error summary after a failed submit, the results after a search, the
 * field a removed row leaves behind. A selector that matches nothing yet
 * (the answer is still loading) is kept until a render shows it; a newer
 * request replaces an older one.
 */
export class FocusAfterRender implements ReactiveController {
  private next: FocusTarget | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Focuses `target` after the next render (and asks for one). */
  request(target: FocusTarget): void {
    this.next = target;
    this.host.requestUpdate();
  }

  /** Forgets a request not yet carried out. */
  cancel(): void {
    this.next = undefined;
  }

  /** Whether a request is waiting to be carried out. */
  get pending(): boolean {
    return this.next !== undefined;
  }

  async hostUpdated(): Promise<void> {
    const target = this.next;
    if (target === undefined) return;
    if (typeof target === 'string') {
      const found = this.host.renderRoot.querySelector<HTMLElement>(target);
      if (!found) return;
      this.next = undefined;
      found.focus();
      return;
    }
    this.next = undefined;
    const found = await target();
    // A newer request made while this one was waiting wins.
    if (this.next === undefined) (found as HTMLElement | null | undefined)?.focus();
  }
}
