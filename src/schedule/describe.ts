/**
 * A schedule in words, generated from its rules in any locale: "First
 * Wednesday of the month, 6:30 pm to 8:30 pm". Each locale supplies whole
 * phrases with placeholders (elements through @lit/localize `msg()`, the
 * server's email catalogue its own), because word order, ordinals and
 * agreement differ between languages; weekday names and clock times come
 * from `Intl`. No recurrence library: pages that only show the words stay small.
 * @module
 */
import type { RecurrenceRule, Schedule } from '../schema/index.js';
// The leaf module, not the schema's index: the words must not bring zod along.
import { WEEKDAYS, type Weekday, type WeekOfMonth } from '../schema/weekdays.js';

/** The phrases one locale builds schedule sentences from. Each returns a whole phrase. */
export interface SchedulePhrases {
  /** "Every Wednesday" */
  weekly(weekday: string): string;
  /** "Every 2 weeks on Wednesday" (`n` ≥ 2; "Every other Wednesday" where a language says so for 2) */
  everyWeeks(weekday: string, n: number): string;
  /** "First Wednesday of the month" (`nth` 1–4, -1 for the last) */
  monthly(weekday: string, nth: WeekOfMonth): string;
  /** "First Wednesday of every 3 months" (`n` ≥ 2) */
  everyMonths(weekday: string, nth: WeekOfMonth, n: number): string;
  /** "First Wednesday of the month, 6:30 pm to 8:30 pm" */
  withTimes(pattern: string, from: string, to: string): string;
  /** "…, 6 meetings in all" */
  count(sentence: string, n: number): string;
  /** "…, until 30 June 2027" */
  until(sentence: string, lastDate: string): string;
  /**
   * Writes a date or clock time, where `Intl` may lack the locale's words for them (Chromium has no Welsh):
   * as `Intl.DateTimeFormat(locale, options).format(at)` by default.
   */
  date?(locale: string, options: Intl.DateTimeFormatOptions, at: number): string;
}

const intlDate = (locale: string, options: Intl.DateTimeFormatOptions, at: number) => new Intl.DateTimeFormat(locale, options).format(at);

// 1 January 2024 was a Monday: day i of that week is WEEKDAYS[i].
const weekdayDate = (day: Weekday) => Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day));

/** The weekday's name in a locale: "Wednesday", "miércoles", "Dydd Mercher". */
export function weekdayName(day: Weekday, locale: string, date: SchedulePhrases['date'] = intlDate): string {
  return date(locale, { weekday: 'long', timeZone: 'UTC' }, weekdayDate(day));
}

/** A local `HH:mm` as the locale writes clock times: "6:30 pm", "18:30". */
export function clockTime(hhmm: string, locale: string, date: SchedulePhrases['date'] = intlDate): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return date(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }, Date.UTC(2000, 0, 1, h, m));
}

function endTime(start: string, minutes: number): string {
  const [h = 0, m = 0] = start.slice(11, 16).split(':').map(Number);
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** One rule in words, with its times and any end. */
export function describeRule(rule: RecurrenceRule, locale: string, phrases: SchedulePhrases): string {
  const date = phrases.date ?? intlDate;
  const day = weekdayName(rule.weekday, locale, date);
  const nth = rule.weekOfMonth ?? 1;
  const pattern =
    rule.frequency === 'weekly'
      ? rule.interval === 1
        ? phrases.weekly(day)
        : phrases.everyWeeks(day, rule.interval)
      : rule.interval === 1
        ? phrases.monthly(day, nth)
        : phrases.everyMonths(day, nth, rule.interval);
  const time = rule.start.slice(11, 16);
  let sentence = phrases.withTimes(
    pattern,
    clockTime(time, locale, date),
    clockTime(endTime(rule.start, rule.durationMinutes), locale, date),
  );
  if (rule.count !== undefined) sentence = phrases.count(sentence, rule.count);
  if (rule.until !== undefined) {
    const [y = 0, mo = 1, d = 1] = rule.until.split('-').map(Number);
    const last = date(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, Date.UTC(y, mo - 1, d));
    sentence = phrases.until(sentence, last);
  }
  return sentence;
}

/**
 * The schedule in words: one sentence per rule, then the group's note. Empty
 * when the group has neither (it lists one-off meetings only, or none).
 */
export function describeSchedule(schedule: Pick<Schedule, 'rules' | 'note'>, locale: string, phrases: SchedulePhrases): string[] {
  const lines = schedule.rules.map((rule) => describeRule(rule, locale, phrases));
  if (schedule.note) lines.push(schedule.note);
  return lines;
}
