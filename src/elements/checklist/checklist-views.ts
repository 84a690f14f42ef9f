import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { QUESTIONS, groupTextLanguage, type Group, type QuestionKey } from '../../schema/index.js';
import { answerText } from '../shared/answers.js';
import type { ChecklistNotes } from '../shared/checklist-store.js';
import { formatLabel, questionText } from '../shared/terms.js';
import { formatList } from '../shared/intl.js';
import { formatMeeting, upcomingMeetings } from '../shared/time.js';
import { scheduleText } from '../shared/schedule-text.js';

type Question = (typeof QUESTIONS)[number];

/** What the question sheet (blank or one group) needs from the element. */
export interface SheetView {
  /** The group whose answers are shown, or undefined for the blank checklist. */
  group?: Group | undefined;
  notes: ChecklistNotes;
  matters: (key: QuestionKey) => boolean;
  onNote: (key: QuestionKey, text: string) => void;
  onNoteDone: () => void;
  onMatters: (key: QuestionKey, on: boolean) => void;
}

/** What the side-by-side comparison needs. */
export interface CompareView {
  groups: readonly Group[];
  notes: (group: string) => ChecklistNotes;
  matters: (key: QuestionKey) => boolean;
}

/** The longest note a field accepts; far more than a page of writing. */
const MAX_NOTE = 5000;

/** Ruled lines printed under each question, to write on by hand. */
const printLines = (count: number) =>
  html`<div class="print-lines" aria-hidden="true">${Array.from({ length: count }, () => html`<span></span>`)}</div>`;

function answerBlock(group: Group, key: QuestionKey): TemplateResult {
  const { answer, details } = answerText(group.answers, key);
  const short = QUESTIONS.find((q) => q.key === key)?.kind !== 'text';
  // The group's own words are in its language, whatever the page's (WCAG 3.1.2).
  const own = groupTextLanguage(group);
  return html`<p class=${short ? 'answer-short' : 'answer-text'} lang=${short ? nothing : own}>${answer}</p>
    ${details ? html`<p class="answer-details" lang=${own}>${details}</p>` : nothing}`;
}

const mattersBadge = () => html`<span class="badge" part="matters-badge">${msg('Matters to me')}</span>`;

function sheetQuestion(view: SheetView, question: Question): TemplateResult {
  const { key, number } = question;
  const note = view.notes[key] ?? '';
  const checked = view.matters(key);
  return html`<li class="question" part="question">
    <h3 class="question-text" part="question-text">
      <span class="number">${number}.</span> <span>${questionText(key)}</span>
    </h3>
    <div class="question-body ${view.group ? 'with-answer' : ''}">
      ${
        view.group
          ? html`<div class="answer" part="answer">
            <h4 class="label">${msg('Their answer')}</h4>
            ${answerBlock(view.group, key)}
          </div>`
          : nothing
      }
      <div class="notes" part="notes">
        <label class="label" for="notes-${key}"
          >${msg(html`My notes <span class="visually-hidden">on question ${number}</span>`)}</label
        >
        <textarea
          id="notes-${key}"
          part="notes-field"
          rows="3"
          maxlength=${MAX_NOTE}
          .value=${live(note)}
          @input=${(e: Event) => view.onNote(key, (e.target as HTMLTextAreaElement).value)}
          @change=${view.onNoteDone}
        ></textarea>
        ${note ? html`<p class="print-note">${note}</p>` : nothing} ${printLines(note ? 1 : view.group ? 2 : 3)}
      </div>
    </div>
    <div class="matters" part="matters">
      <input
        type="checkbox"
        id="matters-${key}"
        .checked=${live(checked)}
        @change=${(e: Event) => view.onMatters(key, (e.target as HTMLInputElement).checked)}
      />
      <label for="matters-${key}"
        >${msg(html`This matters to me <span class="visually-hidden">(question ${number})</span>`)}</label
      >
    </div>
  </li>`;
}

/** The 8 questions, each with the group's answer (group mode), the person's notes and a "matters to me" mark. */
export function sheet(view: SheetView): TemplateResult {
  return html`<ol class="questions" part="questions">
    ${QUESTIONS.map((q) => sheetQuestion(view, q))}
  </ol>`;
}

function compareCell(view: CompareView, group: Group, key: QuestionKey): TemplateResult {
  const note = view.notes(group.id)[key];
  return html`${answerBlock(group, key)}
  ${
    note
      ? html`<div class="compare-note">
        <span class="label">${msg('My notes:')}</span>
        <p class="note-text">${note}</p>
      </div>`
      : nothing
  }`;
}

/**
 * Where and when a group meets and how to reach it: on the sheet for one
 * group, so a printed checklist is enough to go along.
 */
export function groupFacts(group: Group, locale: string): TemplateResult {
  const own = groupTextLanguage(group);
  const l = group.location;
  const next = upcomingMeetings(group.schedule)[0];
  const c = group.contact;
  const contact = [c.email, c.phone, c.website].filter(Boolean) as string[];
  return html`<dl class="facts" part="facts">
    <div>
      <dt>${msg('Where')}</dt>
      <dd lang=${l ? own : nothing}>
        ${l ? [l.venue, l.address, l.town, l.postcode].filter(Boolean).join(', ') : formatList(group.formats.filter((f) => f !== 'in-person').map(formatLabel), locale)}
      </dd>
    </div>
    <div>
      <dt>${msg('When')}</dt>
      <dd>
        <span>${scheduleText(group.schedule, locale).join('; ')}</span>
        ${next ? html`<br />${msg(str`Next meeting: ${formatMeeting(next, group.schedule.timeZone, locale)}`)}` : nothing}
      </dd>
    </div>
    <div>
      <dt>${msg('Contact')}</dt>
      <dd>${contact.length ? contact.map((line, i) => (i ? html`<br />${line}` : line)) : msg('This group has not published contact details.')}</dd>
    </div>
  </dl>`;
}

/**
 * The groups side by side, question by question: a table when there is room
 * for it, and one question after another, each group's answer in turn, when
 * there is not (the element's own width decides, through a container query).
 * Both are in the page; CSS shows one, so screen readers meet only one.
 */
export function comparison(view: CompareView): TemplateResult {
  const { groups } = view;
  return html`<div class="compare-wide" part="compare-table">
      <table>
        <caption class="visually-hidden">
          ${msg('How the groups answer the 8 questions')}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="question-col">${msg('Question')}</th>
            ${groups.map((g) => html`<th scope="col" lang=${groupTextLanguage(g)}>${g.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${QUESTIONS.map(
            ({ key, number }) => html`<tr class=${view.matters(key) ? 'matters-row' : ''}>
              <th scope="row">
                <span class="number">${number}.</span> ${questionText(key)}
                ${view.matters(key) ? mattersBadge() : nothing}
              </th>
              ${groups.map((g) => html`<td>${compareCell(view, g, key)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <ol class="compare-stacked questions" part="compare-stacked">
      ${QUESTIONS.map(
        ({ key, number }) => html`<li class="question ${view.matters(key) ? 'matters-row' : ''}" part="question">
          <h3 class="question-text" part="question-text">
            <span class="number">${number}.</span> <span>${questionText(key)}</span>
          </h3>
          ${view.matters(key) ? mattersBadge() : nothing}
          <dl>
            ${groups.map(
              (g) => html`<div class="compare-entry">
                <dt lang=${groupTextLanguage(g)}>${g.name}</dt>
                <dd>${compareCell(view, g, key)}</dd>
              </div>`,
            )}
          </dl>
        </li>`,
      )}
    </ol>`;
}

/** Notes for a missing or over-limit group list, as whole sentences. */
export function compareNotes(missing: number, ignored: number, max: number, one: (n: number) => boolean) {
  return html`${
    ignored > 0
      ? html`<p class="note" part="note">
        ${msg(str`You can compare up to ${max} groups at a time, so only the first ${max} are shown.`)}
      </p>`
      : nothing
  }
  ${
    missing > 0
      ? html`<p class="note" part="note">
        ${
          one(missing)
            ? msg('We could not find one of the groups. It may have left the directory.')
            : msg(str`We could not find ${missing} of the groups. They may have left the directory.`)
        }
      </p>`
      : nothing
  }`;
}
