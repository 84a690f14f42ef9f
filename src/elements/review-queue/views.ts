import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Registration, RegistrationStatus, Term } from '../../schema/index.js';
import { formatDate } from '../shared/dates.js';
import { isOne } from '../shared/intl.js';
import { compareGroups, describeGroup, type ReviewedGroup, type Row } from './compare.js';

/**
 * The read-only parts of the review queue: a registration's record, the
 * registrant's private details, and a published group beside the changes
 * asked for. Every value is the group's or registrant's own text, rendered
 * as text.
 */

export function formatDateTime(iso: string, locale: string): string {
  return formatDate(locale, { dateStyle: 'medium', timeStyle: 'short' }, Date.parse(iso));
}

const value = (v: string) => (v ? html`<span class="value">${v}</span>` : html`<span class="none">${msg('Not given')}</span>`);

function record(rows: Row[]): TemplateResult {
  return html`<dl class="record">
    ${rows.map((r) => html`<div class="row"><dt>${r.label}</dt><dd>${value(r.value)}</dd></div>`)}
  </dl>`;
}

/** The registrant's details: private, shown to staff only. */
export function registrantDetails(r: Registration, locale: string): TemplateResult {
  const p = r.registrant;
  return html`<section class="panel-section private" part="registrant" aria-labelledby="registrant-title">
    <h3 id="registrant-title">${msg('Registrant (private)')}</h3>
    <p class="hint">${msg('Never published. Use these details to contact the registrant about this registration.')}</p>
    ${record([
      { key: 'name', label: msg('Name'), value: p.name },
      { key: 'email', label: msg('Email'), value: p.email },
      { key: 'phone', label: msg('Telephone'), value: p.phone ?? '' },
      { key: 'role', label: msg('Role'), value: p.role ?? '' },
      {
        key: 'consent',
        label: msg('Consent'),
        value: msg(str`Agreed to storage and confirmed no medical advice on ${formatDateTime(r.consent.at, locale)}`),
      },
    ])}
  </section>`;
}

/** A new group: the proposed record beside the registrant's private details. */
export function newGroupView(r: Registration, locale: string, principles: readonly Term[]): TemplateResult {
  return html`<div class="side-by-side" part="side-by-side">
    <section class="panel-section" part="proposed" aria-labelledby="proposed-title">
      <h3 id="proposed-title">${msg('Proposed group')}</h3>
      ${record(describeGroup(r.group, locale, principles))}
    </section>
    ${registrantDetails(r, locale)}
  </div>`;
}

/** Changes to a published group: each detail as published and as proposed, differences marked. */
export function changesView(
  r: Registration,
  published: ReviewedGroup | null,
  locale: string,
  principles: readonly Term[],
  onlyChanges: boolean,
  toggleOnlyChanges: (only: boolean) => void,
): TemplateResult {
  if (!published) {
    return html`<p class="notice">
        ${msg('The group these changes are for is no longer in the directory. Approving them adds it again.')}
      </p>
      ${newGroupView(r, locale, principles)}`;
  }
  const all = compareGroups(published, r.group, locale, principles);
  const changed = all.filter((row) => row.changed).length;
  const rows = onlyChanges ? all.filter((row) => row.changed) : all;
  return html`<p class="changes-count">
      ${
        changed === 0
          ? msg('No details differ from the published group.')
          : isOne(changed, locale)
            ? msg('1 detail differs from the published group. It is marked “Changed”.')
            : msg(str`${new Intl.NumberFormat(locale).format(changed)} details differ from the published group. They are marked “Changed”.`)
      }
    </p>
    ${
      changed > 0
        ? html`<div class="option only-changes">
          <input
            id="only-changes"
            type="checkbox"
            .checked=${onlyChanges}
            @change=${(e: Event) => toggleOnlyChanges((e.target as HTMLInputElement).checked)}
          />
          <label for="only-changes">${msg('Show only the details that differ')}</label>
        </div>`
        : nothing
    }
    <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0" part="side-by-side">
      <table class="compare">
        <caption id="compare-caption">${msg('Published group and proposed changes')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Detail')}</th>
            <th scope="col">${msg('Published now')}</th>
            <th scope="col">${msg('Proposed')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr class=${row.changed ? 'changed' : ''}>
              <th scope="row">
                ${row.label} ${row.changed ? html`<strong class="tag">${msg('Changed')}</strong>` : nothing}
              </th>
              <td><span class="cell-label">${msg('Published now')}</span>${value(row.published)}</td>
              <td>
                <span class="cell-label">${msg('Proposed')}</span>${row.changed ? html`<ins>${value(row.proposed)}</ins>` : value(row.proposed)}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${registrantDetails(r, locale)}`;
}

/** What was decided, by whom and when. */
export function decisionText(r: Registration, locale: string): string {
  const d = r.decision;
  if (!d) return '';
  const at = formatDateTime(d.at, locale);
  if (r.status === 'approved') return msg(str`Approved by ${d.by} on ${at}.`);
  return d.reason ? msg(str`Rejected by ${d.by} on ${at}. Reason: ${d.reason}`) : msg(str`Rejected by ${d.by} on ${at}.`);
}

export function statusLabel(status: RegistrationStatus): string {
  return { pending: msg('Waiting for review'), approved: msg('Approved'), rejected: msg('Rejected') }[status];
}

/** "New group · Reference PD-… · Received 23 Nov 2026, 10:30" */
export function registrationFacts(r: Registration, locale: string): string {
  const kind = r.updatesGroupId ? msg('Changes to a published group') : msg('New group');
  return [kind, msg(str`Reference ${r.reference}`), msg(str`Received ${formatDateTime(r.receivedAt, locale)}`)].join(' · ');
}

/** The registrations in one state, each opening with a button named after its group. */
export function registrationList(
  registrations: Registration[],
  status: RegistrationStatus,
  locale: string,
  open: (id: string) => void,
): TemplateResult {
  if (registrations.length === 0) {
    const empty = {
      pending: msg('No registrations are waiting for review.'),
      approved: msg('No registrations have been approved yet.'),
      rejected: msg('No registrations have been rejected.'),
    }[status];
    return html`<p>${empty}</p>`;
  }
  return html`<ul class="registrations">
    ${registrations.map(
      (r) => html`<li>
        <button type="button" class="link" id=${`reg-${r.id}`} @click=${() => open(r.id)}>${r.group.name}</button>
        <p class="meta">${registrationFacts(r, locale)}</p>
      </li>`,
    )}
  </ul>`;
}
