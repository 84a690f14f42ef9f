/**
 * The content checks of a schedule: real dates (zod's ISO formats, which
 * know month lengths and leap years), known time zones (Intl), a rule's
 * first meeting falling on the rule, and nothing submitted in the past.
 * Built-ins only: every page that submits a group loads these, and through
 * the shared CDN chunk every page, so a date library here (the Temporal
 * polyfill is 19 KB gzip) would cost them all.
 * @module
 */
import { z } from 'zod/mini';
import type { ScheduleParts } from './fields.js';
import { WEEKDAYS } from './weekdays.js';
import { existsInZone, LOCAL_MINUTE, localDateTimeAt } from './meeting-time.js';

const REAL_DATE_TIME = 'Enter a real date and time, like 2027-03-14T18:30';

/** A calendar date's weekday (0 Monday … 6 Sunday), day of month and month length; `text` is checked already. */
function dateParts(text: string): { weekday: number; day: number; daysInMonth: number } {
  const [y = 0, m = 1, d = 1] = text.slice(0, 10).split('-').map(Number);
  return {
    weekday: (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7,
    day: d,
    daysInMonth: new Date(Date.UTC(y, m, 0)).getUTCDate(),
  };
}

/** `YYYY-MM-DDTHH:mm` naming a real date and time. */
// zod's ISO parser also takes a trailing Z, which a wall-clock time must not have.
export const localDateTime = () =>
  z.iso.datetime({ local: true, precision: -1, error: REAL_DATE_TIME }).check(z.regex(LOCAL_MINUTE, REAL_DATE_TIME));

/** `YYYY-MM-DD` naming a real date. */
export const localDate = () => z.iso.date({ error: 'Enter a real date' });

const isDate = (text: string) => z.safeParse(localDate(), text.slice(0, 10)).success;

/** Whether the runtime knows an IANA time zone (Intl throws a RangeError for one it does not). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** A known IANA time zone. */
export const timeZone = () => z.string().check(z.refine(isTimeZone, 'Choose a time zone, such as Europe/London'));

/** Which check a rule failed, so that a form can say it in its own words. */
export type RuleProblem = 'week-of-month' | 'not-monthly' | 'both-ends' | 'weekday' | 'week' | 'until-before' | 'past';

/** `params` lets a form say it in its own words. */
type Issue = {
  path: (string | number)[];
  message: string;
  params?: { meeting: 'past' | 'clock-change' } | { rule: RuleProblem };
};

/** Local times the clocks skip in the group's zone (01:30 in London on the last Sunday of March). */
function clockChangeIssues(schedule: ScheduleParts): Issue[] {
  if (!isTimeZone(schedule.timeZone)) return [];
  const issues: Issue[] = [];
  const check = (start: string | undefined, path: (string | number)[]) => {
    // A date that does not exist has its own message already.
    if (start === undefined || !z.safeParse(localDateTime(), start).success || existsInZone(start, schedule.timeZone)) return;
    issues.push({
      path,
      message: `The clocks change at that time in ${schedule.timeZone}, so it does not happen there: choose another time`,
      params: { meeting: 'clock-change' },
    });
  };
  schedule.rules.forEach((r, i) => check(r.start, ['rules', i, 'start']));
  schedule.meetings.forEach((m, i) => check(m.start, ['meetings', i, 'start']));
  schedule.exceptions.forEach((e, i) => check(e.start, ['exceptions', i, 'start']));
  return issues;
}

/** Problems with how a rule's parts fit together and with its first date. */
function ruleIssues(schedule: ScheduleParts): Issue[] {
  const issues: Issue[] = [];
  schedule.rules.forEach((rule, i) => {
    const at = (field: string, rule: RuleProblem, message: string) => issues.push({ path: ['rules', i, field], message, params: { rule } });
    const first = isDate(rule.start) ? dateParts(rule.start) : undefined;
    if (rule.frequency === 'monthly' && rule.weekOfMonth === undefined)
      at('weekOfMonth', 'week-of-month', 'Choose which week of the month');
    if (rule.frequency === 'weekly' && rule.weekOfMonth !== undefined) {
      at('weekOfMonth', 'not-monthly', 'Only monthly meetings have a week of the month');
    }
    if (rule.count !== undefined && rule.until !== undefined)
      at('until', 'both-ends', 'Give the number of meetings or the last date, not both');
    if (!first) return;
    if (WEEKDAYS[first.weekday] !== rule.weekday) at('start', 'weekday', 'The first meeting must fall on the day the group meets');
    else if (rule.frequency === 'monthly' && rule.weekOfMonth !== undefined) {
      const nth = rule.weekOfMonth === -1 ? (first.day + 7 > first.daysInMonth ? -1 : 0) : Math.ceil(first.day / 7);
      if (nth !== rule.weekOfMonth) at('start', 'week', 'The first meeting must fall in the week of the month the group meets');
    }
    // ISO dates compare as text.
    if (rule.until !== undefined && rule.until < rule.start.slice(0, 10)) {
      at('until', 'until-before', 'The last date must be on or after the first meeting');
    }
  });
  return issues;
}

/** The schedule checks every strict schema runs (see `Fields.scheduleChecks`). */
export function scheduleChecks(): z.core.$ZodCheck<ScheduleParts>[] {
  return [
    z.superRefine((schedule: ScheduleParts, ctx) => {
      for (const { path, message, params } of [...ruleIssues(schedule), ...clockChangeIssues(schedule)]) {
        ctx.addIssue({ code: 'custom', path, message, input: schedule, ...(params ? { params } : {}) });
      }
    }),
  ];
}

const PAST = 'This meeting is in the past: enter a date still to come';

/** Local date and time now in `zone` (UTC for a zone the platform does not know), comparable as text with meeting starts. */
export function localNow(zone: string, now: number = Date.now()): string {
  return localDateTimeAt(now, isTimeZone(zone) ? zone : 'UTC');
}

/**
 * Past dates are refused in what people submit: one-off meetings and moved
 * meetings always, and a rule's first meeting when `firstDates` (a new
 * group: an existing group's rules began when they began).
 */
export function pastDateIssues(schedule: ScheduleParts, firstDates: boolean, now: number = Date.now()): Issue[] {
  if (!isTimeZone(schedule.timeZone)) return [];
  const local = localNow(schedule.timeZone, now);
  const issues: Issue[] = [];
  schedule.meetings.forEach((m, i) => {
    if (m.start <= local) issues.push({ path: ['meetings', i, 'start'], message: PAST, params: { meeting: 'past' } });
  });
  schedule.exceptions.forEach((e, i) => {
    if (e.start !== undefined && e.start <= local)
      issues.push({ path: ['exceptions', i, 'start'], message: PAST, params: { meeting: 'past' } });
  });
  if (firstDates) {
    schedule.rules.forEach((r, i) => {
      if (r.start <= local) {
        issues.push({ path: ['rules', i, 'start'], message: 'The first meeting must be in the future', params: { rule: 'past' } });
      }
    });
  }
  return issues;
}

/** `pastDateIssues` as a check on a value holding a schedule at `at` (e.g. `['group', 'schedule']`). */
export function notInThePast<T>(scheduleOf: (value: T) => ScheduleParts, at: string[], firstDates: (value: T) => boolean) {
  return z.superRefine((value: T, ctx) => {
    for (const { path, message, params } of pastDateIssues(scheduleOf(value), firstDates(value))) {
      ctx.addIssue({ code: 'custom', path: [...at, ...path], message, input: value, ...(params ? { params } : {}) });
    }
  });
}
