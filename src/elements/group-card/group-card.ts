import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { groupTextLanguage, type GroupHit, type GroupSummary, type Units } from '../../schema/index.js';
import { scheduleText } from '../shared/schedule-text.js';
import { controls, tokens } from '../styles/tokens.js';
import { localeOf } from '../shared/intl.js';
import { formatLabel } from '../shared/terms.js';
import { costText } from '../shared/answers.js';
import { formatDistance } from '../shared/intl.js';
import { audiencesText, whereText } from '../shared/group-text.js';
import { groupCardStyles } from './group-card.styles.js';

/** `detail` of `peer-select`: the group someone chose to read about. */
export interface PeerSelectDetail {
  /** The group as the card has it: a summary from a search (read the rest with `groups.get`), or a whole `Group`. */
  group: GroupSummary;
}

/**
 * @summary One group in a list of results: its name, distance, where and
 * when it meets, who it is for, its cost and how it meets, with a button to
 * open its full details.
 *
 * Set the `group` property (a `Group`, a `GroupSummary`, or a `GroupHit` from a search, which
 * adds its distance). The element is text only: every field the group wrote
 * is shown as text, never as markup.
 *
 * @event {CustomEvent<PeerSelectDetail>} peer-select - Someone pressed "Details". `detail: { group }`. Cancelable:
 *   `<peer-finder>` opens its own details view unless the host calls `preventDefault()`.
 *
 * @csspart base - The card.
 * @csspart name - The group's name (a heading, level 3).
 * @csspart distance - The distance from the search origin.
 * @csspart summary - The group's own summary.
 * @csspart facts - Where, when, who for and cost.
 * @csspart badges - The list of format badges.
 * @csspart badge - One format badge (also `badge-in-person`, `badge-online`, `badge-telephone`).
 * @csspart details-button - The "Details" button.
 *
 * @cssprop --peer-color-primary - The card's accent and button colour.
 * @cssprop --peer-color-border - The card's border.
 * @cssprop --peer-color-surface-alt - The badges' background.
 */
@localized()
export class PeerGroupCard extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, controls, groupCardStyles];

  /** The group to show. A `GroupHit` also shows its distance. */
  @property({ attribute: false }) group?: GroupSummary | GroupHit;

  /** The units of a `GroupHit`'s distance. */
  @property() units: Units = 'mi';

  override render() {
    const g = this.group;
    if (!g) return nothing;
    const locale = localeOf(this);
    const cost = costText(g.answers.cost);
    // The group's own words are in its language, whatever the page's (WCAG 3.1.2).
    const own = groupTextLanguage(g);
    return html`<article part="base" aria-labelledby="name">
      <h3 part="name" id="name" lang=${own}>${g.name}</h3>
      ${'distance' in g ? html`<p part="distance">${msg(str`${formatDistance(g.distance, this.units, locale)} away`)}</p>` : nothing}
      <p part="summary" lang=${own}>${g.summary}</p>
      <dl part="facts">
        <dt>${msg('Where')}</dt>
        <dd lang=${g.location ? own : nothing}>${whereText(g)}</dd>
        <dt>${msg('When')}</dt>
        <dd>${scheduleText(g.schedule, locale).join('; ')}</dd>
        <dt>${msg('Who for')}</dt>
        <dd>${audiencesText(g, locale)}</dd>
        <dt>${msg('Cost')}</dt>
        <dd>${cost.answer}${cost.details ? html`<br /><span lang=${own}>${cost.details}</span>` : nothing}</dd>
      </dl>
      <ul part="badges" aria-label=${msg('How it meets')}>
        ${g.formats.map((f) => html`<li part="badge badge-${f}">${formatLabel(f)}</li>`)}
      </ul>
      <button part="details-button" aria-label=${msg(str`Details: ${g.name}`)} @click=${this.select}>
        ${msg('Details')}
      </button>
    </article>`;
  }

  private select() {
    this.dispatchEvent(
      new CustomEvent<PeerSelectDetail>('peer-select', {
        detail: { group: this.group! },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementEventMap {
    'peer-select': CustomEvent<PeerSelectDetail>;
  }
  // The events bubble and are composed, so hosts often listen on the document.
  interface DocumentEventMap {
    'peer-select': CustomEvent<PeerSelectDetail>;
  }
}
