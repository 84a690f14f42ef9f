import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { GroupSummary } from '../../schema/index.js';
import type { PeerGroupDetails } from '../group-details/group-details.js';

/**
 * The group whose details are open: its id, and its name once known (from
 * the results, or later for an address). Results hold only summaries, so
 * `<peer-group-details>` reads the whole group from the directory.
 */
export interface OpenGroup {
  id: string;
  name?: string | undefined;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The finder's details view: which group is open, and `<peer-group-details>`,
 * brought in the first time a group is opened. Most visits search and
 * leave; the details view, with the checklist store and the meeting-time
 * helpers it needs, would otherwise be downloaded by every one of them. The
 * module defines the element unless the page already has.
 */
export class DetailsView {
  /** The group open now, if any. */
  open?: OpenGroup | undefined;
  private readonly loader: Task<[], void>;

  constructor(private readonly host: Host) {
    this.loader = new Task(host, {
      autoRun: false,
      task: async () => {
        if (!customElements.get('peer-group-details')) await import('../group-details.js');
      },
    });
  }

  /** Opens a group; loads the element the first time, or again after a failure. */
  show(group: OpenGroup): void {
    this.open = group;
    if (this.loader.status !== TaskStatus.COMPLETE && this.loader.status !== TaskStatus.PENDING) void this.loader.run();
    this.host.requestUpdate();
  }

  /** Closes the view; returns the id of the group that was open. */
  hide(): string | undefined {
    const id = this.open?.id;
    this.open = undefined;
    this.host.requestUpdate();
    return id;
  }

  /** Fills in the name once results that hold the group arrive. */
  found(groups: readonly GroupSummary[]): void {
    const open = this.open;
    if (open && open.name === undefined) this.open = { id: open.id, name: groups.find((g) => g.id === open.id)?.name };
  }

  /** The element to focus once the view is shown: the group's name, or the problem when the element failed to load. */
  async focusTarget(): Promise<HTMLElement | null | undefined> {
    try {
      await this.loader.taskComplete;
    } catch {
      await this.host.updateComplete;
      return this.host.renderRoot.querySelector<HTMLElement>('[part=details] .problem');
    }
    await this.host.updateComplete;
    const view = this.host.renderRoot.querySelector<PeerGroupDetails>('peer-group-details');
    await view?.loaded;
    // Its focus() moves to the group's name.
    return view;
  }

  /**
   * A way back, then the group, or while the element loads the same words
   * `<peer-group-details>` shows while it loads a group.
   */
  render(o: { api: string; src: string; checklistHref: string; onBack: () => void; onRetry: () => void }) {
    const open = this.open;
    if (!open) return nothing;
    return html`<div part="details" class="details">
      <button class="secondary" part="back" @click=${o.onBack}>${msg('Back to results')}</button>
      ${this.loader.render({
        pending: () => html`<p role="status">${msg('Loading the group’s details…')}</p>`,
        complete: () =>
          html`<peer-group-details
            group-id=${open.id}
            api=${o.api}
            src=${o.src}
            checklist-href=${o.checklistHref}
          ></peer-group-details>`,
        error: () =>
          html`<div class="problem" role="alert" tabindex="-1">
            <p>${msg('Sorry, the group’s details could not be loaded.')}</p>
            <button @click=${o.onRetry}>${msg('Try again')}</button>
          </div>`,
      })}
    </div>`;
  }
}
