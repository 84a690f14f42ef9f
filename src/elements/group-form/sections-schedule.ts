import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { WEEKDAYS, WEEKS_OF_MONTH, type RecurrenceRule, type Weekday } from '../../schema/index.js';
import { ruleFromDraft } from '../../schema/registration-form.js';
import { weekdayName } from '../../schedule/describe.js';
import { previewDates, type PreviewState } from '../shared/schedule-preview.js';
import { scheduleText } from '../shared/schedule-text.js';
import type { DraftException, DraftRule } from './draft.js';
import { errorMessage, type Option } from './fields.js';
import type { SectionContext } from './sections-group.js';
import { exceptionId, ruleId, type RulePart } from './validation.js';

/** What the schedule's inputs need besides the rest of the form's. */
export interface ScheduleContext extends SectionContext {
  /** The next dates the directory gives the schedule as it stands. */
  readonly preview: PreviewState;
  /** How long a meeting lasts, as options for a `<select>` holding `current`. */
  durations(current: string): Option[];
}

const MAX_RULES = 7;
const MAX_DAYS_OFF = 100;

/** The ways of repeating the form offers; a published group's other one is offered too, as it is. */
function repeatOptions(current: string): Option[] {
  const offered: Option[] = [
    { value: 'weekly-1', label: msg('Every week') },
    { value: 'weekly-2', label: msg('Every 2 weeks') },
    { value: 'monthly-1', label: msg('Once a month') },
  ];
  const [frequency, interval = ''] = current.split('-');
  if (current === '' || offered.some((o) => o.value === current)) return offered;
  const label = frequency === 'monthly' ? msg(str`Every ${interval} months`) : msg(str`Every ${interval} weeks`);
  return [...offered, { value: current, label }];
}

function weekOfMonthLabel(nth: (typeof WEEKS_OF_MONTH)[number]): string {
  switch (nth) {
    case 1:
      return msg('The first');
    case 2:
      return msg('The second');
    case 3:
      return msg('The third');
    case 4:
      return msg('The fourth');
    case -1:
      return msg('The last');
  }
}

/** A `<select>` that starts on "Choose" until answered. */
function choice(value: string, options: readonly Option[]) {
  return html`${value === '' ? html`<option value="" selected>${msg('Choose')}</option>` : nothing}
  ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}`;
}

/** One input of a list item: its label, its error and the control, described by both. */
function control(
  ctx: SectionContext,
  id: string,
  label: string,
  input: (describedBy: string | undefined, invalid: boolean) => TemplateResult,
  hint?: string,
) {
  const error = ctx.error(id);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return html`<div class="field" ?data-error=${!!error}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${errorMessage(id, error)}
    ${input(describedBy, !!error)}
  </div>`;
}

function ruleFields(ctx: ScheduleContext, index: number): TemplateResult {
  const rule = ctx.draft.scheduleRules[index]!;
  const id = (part: RulePart) => ruleId(index, part);
  const set = (patch: Partial<DraftRule>) => ctx.changeItem('scheduleRules', index, patch);
  const monthly = rule.repeat.startsWith('monthly');
  const many = ctx.draft.scheduleRules.length > 1;
  const n = new Intl.NumberFormat(ctx.locale).format(index + 1);
  const selectOf =
    (part: RulePart, value: string, options: Option[], patch: (v: string) => Partial<DraftRule>) =>
    (describedBy: string | undefined, invalid: boolean) =>
      html`<select
        id=${id(part)}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => set(patch((e.target as HTMLSelectElement).value))}
      >
        ${choice(value, options)}
      </select>`;
  const inputOf =
    (part: RulePart, type: 'date' | 'time', value: string, patch: (v: string) => Partial<DraftRule>) =>
    (describedBy: string | undefined, invalid: boolean) =>
      html`<input
        id=${id(part)}
        type=${type}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(value)}
        @input=${(e: Event) => set(patch((e.target as HTMLInputElement).value))}
      />`;
  const days: Option[] = WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d as Weekday, ctx.locale) }));
  const weeks: Option[] = WEEKS_OF_MONTH.map((w) => ({ value: String(w), label: weekOfMonthLabel(w) }));
  return html`<fieldset class="field meeting" part="rule">
    <legend>${many ? msg(str`Regular meeting ${n}`) : msg('Regular meeting')}</legend>
    <div class="date-time">
      ${control(
        ctx,
        id('repeat'),
        msg('How often'),
        selectOf('repeat', rule.repeat, repeatOptions(rule.repeat), (repeat) => ({ repeat })),
      )}
      ${
        monthly
          ? control(
              ctx,
              id('week'),
              msg('Which week of the month'),
              selectOf('week', rule.weekOfMonth, weeks, (weekOfMonth) => ({ weekOfMonth })),
            )
          : nothing
      }
      ${control(
        ctx,
        id('weekday'),
        msg('Day'),
        selectOf('weekday', rule.weekday, days, (weekday) => ({ weekday })),
      )}
    </div>
    <div class="date-time">
      ${control(
        ctx,
        id('date'),
        msg('First meeting'),
        inputOf('date', 'date', rule.date, (date) => ({ date })),
      )}
      ${control(
        ctx,
        id('time'),
        msg('Start time'),
        inputOf('time', 'time', rule.time, (time) => ({ time })),
      )}
      ${control(
        ctx,
        id('duration'),
        msg('How long it lasts'),
        selectOf('duration', rule.durationMinutes, ctx.durations(rule.durationMinutes), (durationMinutes) => ({ durationMinutes })),
      )}
    </div>
    ${control(
      ctx,
      id('until'),
      msg('Last meeting (optional)'),
      inputOf('until', 'date', rule.until, (until) => ({ until, count: '' })),
      msg('Leave this empty if the group carries on.'),
    )}
    <button type="button" class="secondary small" id=${id('remove')} @click=${() => ctx.removeItem('scheduleRules', index, 'add-rule', (i) => ruleId(i, 'repeat'))}>
      ${many ? msg(str`Remove regular meeting ${n}`) : msg('Remove this regular meeting')}
    </button>
  </fieldset>`;
}

/** A date off: the meeting the rules give that day is cancelled. A moved meeting kept from the group is listed as it is. */
function dayOffFields(ctx: SectionContext, index: number, x: DraftException): TemplateResult {
  const set = (patch: Partial<DraftException>) => ctx.changeItem('scheduleExceptions', index, patch);
  const remove = html`<button
    type="button"
    class="secondary small"
    id=${exceptionId(index, 'remove')}
    @click=${() => ctx.removeItem('scheduleExceptions', index, 'add-day-off', (i) => exceptionId(i, 'date'))}
  >
    ${msg('Remove this date')}
  </button>`;
  if (x.start !== undefined) {
    const moved = `${x.start.slice(0, 10)} ${x.start.slice(11, 16)}`;
    return html`<div class="field meeting" part="day-off">
      <p>${msg(str`The meeting of ${x.date} moves to ${moved}.`)}</p>
      ${remove}
    </div>`;
  }
  const input =
    (part: 'date' | 'note', type: 'date' | 'text', value: string, patch: (v: string) => Partial<DraftException>) =>
    (describedBy: string | undefined, invalid: boolean) =>
      html`<input
        id=${exceptionId(index, part)}
        type=${type}
        class=${type === 'text' ? 'wide' : ''}
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(value)}
        @input=${(e: Event) => set(patch((e.target as HTMLInputElement).value))}
      />`;
  return html`<div class="field meeting" part="day-off">
    ${control(
      ctx,
      exceptionId(index, 'date'),
      msg('Date with no meeting'),
      input('date', 'date', x.date, (date) => ({ date })),
    )}
    ${control(
      ctx,
      exceptionId(index, 'note'),
      msg('Why (optional)'),
      input('note', 'text', x.note ?? '', (note) => ({ note })),
      msg('For example, the hall is closed for the holidays.'),
    )}
    ${remove}
  </div>`;
}

/** The regular meetings, their dates off, and the check of the next dates they give. */
export function regularMeetings(ctx: ScheduleContext): TemplateResult {
  const d = ctx.draft;
  const rulesError = ctx.error('add-rule');
  const daysOffError = ctx.error('add-day-off');
  return html`<fieldset class="field group" part="rules">
      <legend>${msg('Regular meetings')}</legend>
      <p class="hint">
        ${msg('For example, every week on Tuesday, or the first Wednesday of the month. Times are in the time zone above.')}
      </p>
      ${errorMessage('add-rule', rulesError)} ${d.scheduleRules.map((_, i) => ruleFields(ctx, i))}
      ${
        d.scheduleRules.length < MAX_RULES
          ? html`<button
            type="button"
            class="secondary"
            id="add-rule"
            @click=${() =>
              ctx.addItem(
                'scheduleRules',
                { repeat: '', weekday: '', weekOfMonth: '', date: '', time: '', durationMinutes: '90', until: '', count: '' },
                ruleId(d.scheduleRules.length, 'repeat'),
              )}
          >
            ${d.scheduleRules.length === 0 ? msg('Add a regular meeting') : msg('Add another regular meeting')}
          </button>`
          : nothing
      }
    </fieldset>
    ${
      d.scheduleRules.length > 0 || d.scheduleExceptions.length > 0
        ? html`<fieldset class="field group" part="days-off">
          <legend>${msg('Dates with no meeting (optional)')}</legend>
          <p class="hint">${msg('A date when a regular meeting does not happen, such as a holiday.')}</p>
          ${errorMessage('add-day-off', daysOffError)} ${d.scheduleExceptions.map((x, i) => dayOffFields(ctx, i, x))}
          ${
            d.scheduleExceptions.length < MAX_DAYS_OFF
              ? html`<button
                type="button"
                class="secondary"
                id="add-day-off"
                @click=${() => ctx.addItem('scheduleExceptions', { date: '', note: '' }, exceptionId(d.scheduleExceptions.length, 'date'))}
              >
                ${msg('Add a date with no meeting')}
              </button>`
              : nothing
          }
        </fieldset>`
        : nothing
    }`;
}

/** "The next three dates": what the directory will publish, for the leader to check. */
export function schedulePreview(ctx: ScheduleContext): TemplateResult | typeof nothing {
  if (ctx.preview.kind === 'none') return nothing;
  // Words only for rules the directory accepted: the dates came back.
  const words =
    ctx.preview.kind === 'dates'
      ? scheduleText({ rules: ctx.draft.scheduleRules.map((r) => ruleFromDraft(r) as RecurrenceRule) }, ctx.locale)
      : [];
  return html`<section class="field preview" part="schedule-preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${msg('Check the next dates')}</h3>
    <p class="hint">${msg('The directory will publish these dates. If they are wrong, change the meetings above.')}</p>
    ${words.length > 0 ? html`<p class="words">${words.map((line, i) => (i ? html`<br />${line}` : line))}</p>` : nothing}
    ${previewDates(ctx.preview, ctx.locale, {
      incomplete: msg('The dates will show here once every regular meeting above is complete, with a first date still to come.'),
      failed: msg('We could not work out the dates just now. They will be checked when you send the form.'),
    })}
  </section>`;
}
