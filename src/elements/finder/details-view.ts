import { html, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { Group } from '../../schema/index.js';

/**
 * Brings in `<peer-group-details>` the first time a group is opened. Most
 * visits search and leave; the details view, with the checklist store and
 * the meeting-time helpers it needs, would otherwise be downloaded by every
 * one of them. The module defines the element unless the page already has.
 */
export class DetailsLoader {
  private task: Task<[], void>;

  constructor(host: ReactiveControllerHost) {
    this.task = new Task(host, {
      autoRun: false,
      task: async () => {
        if (!customElements.get('peer-group-details')) await import('../group-details.js');
      },
    });
  }

  /** Starts loading, unless loaded or on its way; after a failure, tries again. */
  load(): void {
    if (this.task.status !== TaskStatus.COMPLETE && this.task.status !== TaskStatus.PENDING) void this.task.run();
  }

  /** Resolves once the element is defined; rejects when loading failed. */
  get ready(): Promise<unknown> {
    return this.task.taskComplete;
  }

  /**
   * The details view: a way back, then the group, or while the element loads
   * the same words `<peer-group-details>` shows while it loads a group.
   */
  render(o: {
    group?: Group | undefined;
    id: string;
    api: string;
    checklistHref: string;
    onBack: () => void;
    onRetry: () => void;
  }) {
    return html`<div part="details" class="details">
      <button class="secondary" part="back" @click=${o.onBack}>${msg('Back to results')}</button>
      ${this.task.render({
        pending: () => html`<p role="status">${msg('Loading the group’s details…')}</p>`,
        complete: () =>
          html`<peer-group-details
            .group=${o.group}
            group-id=${o.id}
            api=${o.api}
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
