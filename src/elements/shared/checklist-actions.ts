import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  MAX_COMPARE,
  addToCompare,
  compareList,
  compareName,
  onChecklistChange,
  removeFromCompare,
  replaceInCompare,
} from './checklist-store.js';
import { FocusAfterRender } from './focus-after-render.js';

/**
 * "Add to my checklist" and "Compare" for one group, wherever a group is
 * shown (the group details view): the links open the host's checklist page
 * (`<peer-checklist>`) with `?group=ID` or `?groups=ID1,ID2`, and the
 * comparison list lives in the checklist store, so it survives reloads and
 * is shared by every element and tab.
 * @module
 */

/** Keeps the host in step with the comparison list. */
export class CompareListController implements ReactiveController {
  /** The group ids chosen for comparison. */
  ids: string[] = [];
  /** What the last button press did, for the status message. */
  status = '';
  /** The group someone tried to add to a full comparison: the actions offer to swap it for one. */
  waiting?: { id: string; name: string } | undefined;

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly focusAfter: FocusAfterRender;
  private unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & EventTarget & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.host = host;
    this.focusAfter = new FocusAfterRender(host);
    host.addController(this);
  }

  hostConnected(): void {
    this.ids = compareList();
    this.unsubscribe = onChecklistChange(() => {
      this.ids = compareList();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  toggle(group: { id: string; name: string }): void {
    this.waiting = undefined;
    if (this.ids.includes(group.id)) {
      removeFromCompare(group.id, this.host);
      this.status = msg('Removed from your comparison.');
    } else if (addToCompare(group, this.host)) {
      const count = compareList().length;
      this.status = msg(str`Added. You have chosen ${count} of ${MAX_COMPARE} groups to compare.`);
    } else {
      this.waiting = group;
      this.status = msg(str`You have already chosen ${MAX_COMPARE} groups to compare. Choose one to replace with this group.`);
    }
    this.ids = compareList();
    this.host.requestUpdate();
  }

  /** Swaps the group waiting to be added for `replaced`. */
  replace(replaced: string): void {
    const group = this.waiting;
    if (!group) return;
    const name = compareName(replaced) ?? '';
    this.waiting = undefined;
    this.status = replaceInCompare(replaced, group, this.host)
      ? msg(str`Added, in place of ${name || msg('the group you chose')}.`)
      : msg('Your comparison could not be changed in this browser.');
    // The replace buttons go: focus stays with the group's own compare button.
    this.focusAfter.request('.checklist-actions button');
    this.ids = compareList();
    this.host.requestUpdate();
  }
}

/** The checklist page's address with one query parameter set. */
function checklistUrl(href: string, name: 'group' | 'groups', value: string): string {
  const url = new URL(href, document.baseURI);
  url.searchParams.delete('group');
  url.searchParams.delete('groups');
  url.searchParams.set(name, value);
  return url.href;
}

/**
 * The actions for one group. Without `href` (no checklist page on this
 * site) nothing is shown.
 * @param compare the host's `CompareListController`
 * @param group the group the actions are about
 * @param href the checklist page, e.g. `checklist.html`
 */
export function checklistActions(compare: CompareListController, group: { id: string; name: string }, href: string): TemplateResult {
  if (!href) return html``;
  const chosen = compare.ids.includes(group.id);
  const waiting = compare.waiting?.id === group.id;
  return html`<div class="checklist-actions">
    <a class="checklist-action" href=${checklistUrl(href, 'group', group.id)}>${msg('Add to my checklist')}</a>
    <button type="button" class="secondary" @click=${() => compare.toggle(group)}>
      ${chosen ? msg('Remove from compare') : msg('Add to compare')}
    </button>
    ${
      compare.ids.length > 1
        ? html`<a class="checklist-action" href=${checklistUrl(href, 'groups', compare.ids.join(','))}>
          ${msg(str`See the ${compare.ids.length} groups side by side`)}
        </a>`
        : nothing
    }
    <p class="checklist-status" role="status">${compare.status}</p>
    ${
      waiting
        ? html`<ul class="replace" aria-label=${msg('Groups you chose to compare')}>
          ${compare.ids.map((id) => {
            const name = compareName(id);
            return html`<li>
              <button type="button" class="secondary" @click=${() => compare.replace(id)}>
                ${name ? msg(str`Replace ${name}`) : msg('Replace a group you chose')}
              </button>
            </li>`;
          })}
        </ul>`
        : nothing
    }
  </div>`;
}

/** Layout for `checklistActions`; add to the host's `static styles` after `controls`. */
export const checklistActionsStyles = css`
  .checklist-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .checklist-action {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    font-weight: 600;
  }
  .checklist-status {
    flex-basis: 100%;
    margin: 0;
    min-height: 1.5em;
  }
  .replace {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @media print {
    .checklist-actions {
      display: none;
    }
  }
`;
