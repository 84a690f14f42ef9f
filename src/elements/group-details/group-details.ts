import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { QUESTIONS, groupTextLanguage, type Group } from '../../schema/index.js';
import { NotFoundError } from '../../index.js';
import { controls, tokens } from '../styles/tokens.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { directoryClient, directoryReader } from '../shared/directory.js';
import { answerText } from '../shared/answers.js';
import { formatList, localeOf } from '../shared/intl.js';
import { formatMeeting, upcomingMeetings } from '../shared/time.js';
import { scheduleText } from '../shared/schedule-text.js';
import { directionsHref, audiencesText } from '../shared/group-text.js';
import {
  conditionLabel,
  formatLabel,
  functionLabel,
  languageName,
  leaderLabel,
  modelDescription,
  modelLabel,
  questionText,
} from '../shared/terms.js';
import { groupDetailsStyles } from './group-details.styles.js';
import { RemindMe } from './remind-me.js';
import { formStyles } from '../shared/form.styles.js';
import { CompareListController, checklistActions, checklistActionsStyles } from '../shared/checklist-actions.js';

/**
 * @summary Everything the directory knows about one group: where and when it
 * meets (with the next meeting, directions and an add-to-calendar file), who
 * it is for, its answers to the 8 questions to ask about a peer programme,
 * how to contact it, and a reminder that peer supporters give no medical advice.
 *
 * Set the `group` property, or give `api` (or `src`, a static directory
 * file) and `group-id` to load the group from the directory. Every field the group wrote is shown as text, never as markup.
 *
 * @event {CustomEvent<ChecklistChangeDetail>} peer-checklist-change - The group was added to or taken off the
 *   comparison list (the "compare" button). `detail: { change, compare }`.
 *
 * @slot actions - Buttons or links about this group (e.g. "compare", "add to my checklist").
 *
 * @csspart base - The whole record.
 * @csspart name - The group's name (a heading, level 2; focus moves here when the view opens).
 * @csspart summary - The group's own summary.
 * @csspart note - The "no medical advice" note.
 * @csspart meetings - Where and when, with the directions and calendar links.
 * @csspart remind-me - "Remind me about this meeting": email reminders, offered when the directory sends email.
 * @csspart about - Who it is for, conditions, model, leaders, languages.
 * @csspart answers - The answers to the 8 questions.
 * @csspart contact - How to get in touch.
 * @csspart actions - The `actions` slot's container.
 *
 * @cssprop --peer-color-primary - Link and accent colour.
 * @cssprop --peer-color-surface-alt - Background of the note.
 */
@localized()
export class PeerGroupDetails extends LitElement {
  static override styles = [tokens, controls, formStyles, groupDetailsStyles, checklistActionsStyles];

  /** The group to show. When unset, it is loaded from `api` by `group-id`. */
  @property({ attribute: false }) group?: Group;

  /** The directory API's base URL: for loading the group and for its calendar file. */
  @property() api = '';

  /**
   * A static directory file (`export --format static`) to load the group
   * from instead of `api`, for a site with no server. The next meeting is
   * then the group's next one-off date, and there is no calendar file:
   * both need the API.
   */
  @property() src = '';

  /** The id of a group to load from `api` (or `src`) when `group` is not set. */
  @property({ attribute: 'group-id' }) groupId = '';

  /** The site's checklist page (`<peer-checklist>`): when set, "Add to my checklist" and "Add to compare" link the group to it. */
  @property({ attribute: 'checklist-href' }) checklistHref = '';

  private compare = new CompareListController(this);

  private load = new Task(this, {
    task: async ([api, src, id, group], { signal }) =>
      group || (!api && !src) || !id ? undefined : (await directoryReader(api, src)).groups.get(id, { signal }),
    args: () => [this.api, this.src, this.groupId, this.group] as const,
  });

  // The next meeting comes from the directory, which expands the group's rules: the page downloads no recurrence library.
  private next = new Task(this, {
    task: async ([api, src, group], { signal }) => {
      if (!api || src || !group) return undefined;
      const [m] = (await directoryClient(api).groups.meetings(group.id, { limit: 1 }, { signal })).meetings;
      return m && { occurrence: m, start: Date.parse(m.startsAt), end: Date.parse(m.endsAt) };
    },
    args: () => [this.api, this.src, this.group ?? this.load.value] as const,
  });

  /** Whether the directory sends email: only then is "Remind me" offered. */
  private sendsEmail = new Task(this, {
    task: async ([api], { signal }) => (api ? (await directoryClient(api).taxonomy({ signal })).features.email : false),
    args: () => [this.api] as const,
  });

  private remindMe = new RemindMe(
    this,
    () => (this.group ?? this.load.value)?.id ?? '',
    () => this.api,
    () => localeOf(this),
  );

  override connectedCallback() {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  /** Resolves once the group is shown, with what the directory offers for it ("Remind me"), or its loading has failed. */
  get loaded(): Promise<unknown> {
    const settled = (task: Promise<unknown>) => task.catch(() => undefined);
    return Promise.all([settled(this.load.taskComplete), settled(this.sendsEmail.taskComplete)]).then(() => this.updateComplete);
  }

  /** Moves focus to the group's name, e.g. when the view opens. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus(options);
  }

  override render() {
    const group = this.group ?? this.load.value;
    if (group) return this.record(group);
    return this.load.render({
      pending: () => html`<p role="status">${msg('Loading the group’s details…')}</p>`,
      error: (e) =>
        html`<div role="alert">
          <p class="error-message">
            ${
              e instanceof NotFoundError
                ? msg('This group is no longer listed in the directory.')
                : msg('Sorry, the group’s details could not be loaded.')
            }
          </p>
          ${e instanceof NotFoundError ? nothing : html`<button @click=${() => this.load.run()}>${msg('Try again')}</button>`}
        </div>`,
    });
  }

  private record(g: Group): TemplateResult {
    const locale = localeOf(this);
    const list = (codes: string[], label: (c: string) => string) => formatList(codes.map(label), locale);
    // Without the directory (or before it answers), the group's one-off meetings.
    const next = this.next.value ?? upcomingMeetings(g.schedule)[0];
    const l = g.location;
    const directions = directionsHref(g);
    const calendar =
      next && this.api && !this.src
        ? new URL(`v1/groups/${encodeURIComponent(g.id)}/calendar.ics`, new URL(this.api.replace(/\/?$/, '/'), location.href)).href
        : undefined;
    const c = g.contact;
    // The group's own words are in its language, whatever the page's (WCAG 3.1.2).
    const own = groupTextLanguage(g);
    const theirs = (text: string) => html`<span lang=${own}>${text}</span>`;
    const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
    // Said in the link itself, so nobody is surprised by a new tab (WCAG 3.2.5).
    const link = (href: string, text: unknown) =>
      html`<a href=${href} rel="noopener" target="_blank">${text} <span class="new-tab">${msg('(opens in a new tab)')}</span></a>`;

    return html`<article part="base" aria-labelledby="name" lang=${locale}>
      <h2 part="name" id="name" tabindex="-1" lang=${own}>${g.name}</h2>
      ${
        g.organisation
          ? html`<p class="muted">
            ${msg('Run by')}
            ${g.organisation.website ? link(g.organisation.website, theirs(g.organisation.name)) : theirs(g.organisation.name)}
          </p>`
          : nothing
      }
      <p part="summary" lang=${own}>${g.summary}</p>
      <p part="note" role="note">
        ${msg(
          'Peer supporters share what they have learned from living with diabetes. They are not health professionals and do not give medical advice: for questions about your treatment, talk to your GP, diabetes nurse or care team.',
        )}
      </p>

      <section part="meetings" aria-labelledby="where">
        <h3 id="where">${msg('Where and when')}</h3>
        <dl>
          ${row(
            msg('Where'),
            l
              ? html`<span lang=${own}
                  >${[l.venue, l.address, l.town, l.postcode].filter(Boolean).map((line, i) => (i ? html`<br />${line}` : line))}</span
                >`
              : formatList(g.formats.filter((f) => f !== 'in-person').map(formatLabel), locale),
          )}
          ${g.serviceArea ? row(msg('Area served'), theirs(g.serviceArea)) : nothing}
          ${g.servesEverywhere ? row(msg('Area served'), msg('Open to people anywhere')) : nothing}
          ${row(
            msg('When'),
            scheduleText(g.schedule, locale).map((line, i) => (i ? html`<br />${line}` : line)),
          )}
          ${
            !next && this.src && g.schedule.rules.length > 0
              ? // A static directory cannot expand repeating rules (the API does): "When" says them in words.
                nothing
              : row(
                  msg('Next meeting'),
                  next ? formatMeeting(next, g.schedule.timeZone, locale) : msg('No dates published yet: contact the group.'),
                )
          }
        </dl>
        ${
          directions || calendar
            ? html`<p class="links">
              ${directions ? link(directions, msg(str`Directions to ${l?.venue ?? l?.town}`)) : nothing}
              ${calendar ? html`<a href=${calendar} download>${msg('Add meetings to your calendar')}</a>` : nothing}
            </p>`
            : nothing
        }
      </section>

      ${
        this.sendsEmail.value && g.schedule.rules.length + g.schedule.meetings.length > 0
          ? this.remindMe.render(this.next.value?.occurrence, (m) =>
              formatMeeting({ start: Date.parse(m.startsAt), end: Date.parse(m.endsAt) }, g.schedule.timeZone, locale),
            )
          : nothing
      }

      <section part="about" aria-labelledby="about">
        <h3 id="about">${msg('About the group')}</h3>
        <dl>
          ${row(msg('Who for'), audiencesText(g, locale))}
          ${row(msg('Diabetes types'), list(g.conditions, conditionLabel))}
          ${row(msg('How it meets'), list(g.formats, formatLabel))}
          ${row(msg('Kind of support'), html`${modelLabel(g.model)}<br /><span class="muted">${modelDescription(g.model)}</span>`)}
          ${row(msg('Led by'), list(g.leaders, leaderLabel))}
          ${row(
            msg('Languages'),
            list(g.languages, (t) => languageName(t, locale)),
          )}
          ${g.functions.length ? row(msg('What it offers'), list(g.functions, functionLabel)) : nothing}
        </dl>
      </section>

      <section part="answers" aria-labelledby="answers">
        <h3 id="answers">${msg('Questions to ask about a group, answered')}</h3>
        <ol>
          ${QUESTIONS.map(({ key, kind }) => {
            const a = answerText(g.answers, key);
            return html`<li>
              <h4>${questionText(key)}</h4>
              ${kind === 'text' ? html`<p lang=${own}>${a.answer}</p>` : html`<p><strong>${a.answer}</strong></p>`}
              ${a.details ? html`<p lang=${own}>${a.details}</p>` : nothing}
            </li>`;
          })}
        </ol>
      </section>

      <section part="contact" aria-labelledby="contact">
        <h3 id="contact">${msg('Contact the group')}</h3>
        ${
          c.email || c.phone || c.website
            ? html`<dl>
              ${c.email ? row(msg('Email'), html`<a href="mailto:${c.email}">${c.email}</a>`) : nothing}
              ${c.phone ? row(msg('Telephone'), html`<a href="tel:${c.phone.replace(/[^+\d]/g, '')}">${c.phone}</a>`) : nothing}
              ${c.website ? row(msg('Website'), link(c.website, c.website)) : nothing}
            </dl>`
            : html`<p>${msg('This group has not published contact details.')}</p>`
        }
      </section>

      <!-- Actions about this group (issue 5: "compare", "add to my checklist") go in this slot. -->
      <div part="actions">${checklistActions(this.compare, g, this.checklistHref)}<slot name="actions"></slot></div>
    </article>`;
  }
}
