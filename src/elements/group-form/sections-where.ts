import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { COUNTRIES, FORMATS, TIME_ZONES } from '../../schema/index.js';
import { countryLabel, formatLabel } from '../shared/terms.js';
import { meetsInPerson, meetsRemotely } from './draft.js';
import { errorMessage, radios, checkboxes, select, textInput, type Option } from './fields.js';
import { section, type SectionContext } from './sections-group.js';
import { regularMeetings, schedulePreview, type ScheduleContext } from './sections-schedule.js';
import { meetingId } from './validation.js';

/** Time zones of the places the directory covers (the UK and the US). */
const ZONES = Object.values(TIME_ZONES).flat();

const DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240];
const DEFAULT_DURATION = '90';
const MAX_MEETINGS = 52;

/** "Pacific Time (America/Los_Angeles)", in the reader's language. */
function timeZoneLabel(zone: string, locale: string): string {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    return name ? `${name} (${zone})` : zone;
  } catch {
    return zone;
  }
}

/** "1.5 hours", "45 minutes". */
function durationLabel(minutes: number, locale: string): string {
  return minutes < 60
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 2 }).format(minutes / 60);
}

/** The lengths a meeting may have, and `current` if a published group has another. */
export function durationOptions(current: string, locale: string): Option[] {
  const durations = DURATIONS.map(String).includes(current)
    ? DURATIONS
    : [...DURATIONS, Number(current)].filter((n) => n > 0).sort((a, b) => a - b);
  return durations.map((n) => ({ value: String(n), label: durationLabel(n, locale) }));
}

function locationFields(ctx: SectionContext): TemplateResult {
  const us = ctx.draft.country === 'US';
  return html`<fieldset class="field group" part="location">
    <legend>${msg('Where does the group meet?')}</legend>
    ${textInput(ctx, 'venue', { label: msg('Name of the venue (optional)'), hint: msg('For example, St Mark’s Community Centre.') })}
    ${textInput(ctx, 'address', { label: msg('Street address (optional)'), autocomplete: 'street-address' })}
    ${textInput(ctx, 'town', { label: msg('Town or city'), autocomplete: 'address-level2' })}
    ${textInput(ctx, 'region', {
      label: us ? msg('State (optional)') : msg('County (optional)'),
      autocomplete: 'address-level1',
    })}
    ${select(ctx, 'country', {
      label: msg('Country'),
      autocomplete: 'country',
      options: COUNTRIES.map((c) => ({ value: c.code, label: countryLabel(c.code) })),
    })}
    ${textInput(ctx, 'postcode', {
      label: us ? msg('ZIP code') : msg('Postcode'),
      hint: msg('People find groups by distance from their own postcode or ZIP code. It is used to place the group on a map.'),
      autocomplete: 'postal-code',
      short: true,
      spellcheck: false,
      onBlur: (value) => ctx.normalisePostcode(value),
    })}
  </fieldset>`;
}

function remoteFields(ctx: SectionContext): TemplateResult {
  return radios(ctx, 'servesEverywhere', {
    legend: msg('Can people join online or by phone from anywhere?'),
    options: [
      { value: 'yes', label: msg('Yes, people can join from anywhere') },
      { value: 'no', label: msg('No, only people from a certain area') },
    ],
    reveal: (value) =>
      value === 'no'
        ? html`<div class="reveal">
            ${textInput(ctx, 'serviceArea', {
              label: msg('Which area does the group take people from? (optional)'),
              hint: msg('For example, Greater Manchester, or patients of Riverside surgery.'),
            })}
          </div>`
        : nothing,
  });
}

function meetingFields(ctx: ScheduleContext, index: number): TemplateResult {
  const m = ctx.draft.meetings[index]!;
  const dateError = ctx.error(meetingId(index, 'date'));
  const durationError = ctx.error(meetingId(index, 'duration'));
  const durations = ctx.durations(m.durationMinutes);
  const n = new Intl.NumberFormat(ctx.locale).format(index + 1);
  const errorId = dateError ? `${meetingId(index, 'date')}-error` : undefined;
  return html`<fieldset class="field meeting" part="meeting">
    <legend>${msg(str`Meeting ${n}`)}</legend>
    ${errorMessage(meetingId(index, 'date'), dateError)}
    <div class="date-time">
      <div class="field">
        <label for=${meetingId(index, 'date')}>${msg('Date')}</label>
        <input
          id=${meetingId(index, 'date')}
          type="date"
          aria-describedby=${ifDefined(errorId)}
          aria-invalid=${dateError ? 'true' : 'false'}
          .value=${live(m.date)}
          @input=${(e: Event) => ctx.changeItem('meetings', index, { date: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for=${meetingId(index, 'time')}>${msg('Start time')}</label>
        <input
          id=${meetingId(index, 'time')}
          type="time"
          aria-describedby=${ifDefined(errorId)}
          aria-invalid=${dateError ? 'true' : 'false'}
          .value=${live(m.time)}
          @input=${(e: Event) => ctx.changeItem('meetings', index, { time: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for=${meetingId(index, 'duration')}>${msg('How long it lasts')}</label>
        ${errorMessage(meetingId(index, 'duration'), durationError)}
        <select
          id=${meetingId(index, 'duration')}
          aria-describedby=${ifDefined(durationError ? `${meetingId(index, 'duration')}-error` : undefined)}
          aria-invalid=${durationError ? 'true' : 'false'}
          @change=${(e: Event) => ctx.changeItem('meetings', index, { durationMinutes: (e.target as HTMLSelectElement).value })}
        >
          ${durations.map((o) => html`<option value=${o.value} ?selected=${o.value === m.durationMinutes}>${o.label}</option>`)}
        </select>
      </div>
    </div>
    <button type="button" class="secondary small" id=${meetingId(index, 'remove')} @click=${() => ctx.removeItem('meetings', index, 'add-meeting', (i) => meetingId(i, 'date'))}>
      ${msg(str`Remove meeting ${n}`)}
    </button>
  </fieldset>`;
}

export function whereSection(ctx: ScheduleContext): TemplateResult {
  const d = ctx.draft;
  const zones = ZONES.includes(d.timeZone) ? ZONES : [d.timeZone, ...ZONES];
  const meetingsError = ctx.error('add-meeting');
  return section(
    'where',
    msg('Where and when'),
    nothing,
    html`
      ${checkboxes(ctx, 'formats', {
        legend: msg('How does the group meet?'),
        hint: msg('Select all that apply.'),
        options: FORMATS.map((f) => ({ value: f.code, label: formatLabel(f.code) })),
      })}
      ${meetsInPerson(d) ? locationFields(ctx) : nothing} ${meetsRemotely(d) ? remoteFields(ctx) : nothing}
      ${select(ctx, 'timeZone', {
        label: msg('Time zone'),
        options: zones.map((z) => ({ value: z, label: timeZoneLabel(z, ctx.locale) })),
      })}
      ${regularMeetings(ctx)}
      <fieldset class="field group" part="meetings">
        <legend>${msg('One-off meetings (optional)')}</legend>
        <p class="hint">${msg('Meetings that are not regular, such as a summer picnic. Times are in the time zone above.')}</p>
        ${errorMessage('add-meeting', meetingsError)}
        ${d.meetings.map((_, i) => meetingFields(ctx, i))}
        ${
          d.meetings.length < MAX_MEETINGS
            ? html`<button type="button" class="secondary" id="add-meeting" @click=${() =>
                ctx.addItem('meetings', { date: '', time: '', durationMinutes: DEFAULT_DURATION }, meetingId(d.meetings.length, 'date'))}>
              ${d.meetings.length === 0 ? msg('Add a meeting') : msg('Add another meeting')}
            </button>`
            : nothing
        }
      </fieldset>
      ${textInput(ctx, 'scheduleDescription', {
        label: msg('Anything else about when the group meets? (optional)'),
        hint: msg('For example, tea and coffee from 6pm, or by arrangement in August.'),
      })}
      ${schedulePreview(ctx)}
    `,
  );
}
