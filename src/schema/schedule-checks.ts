/**
 * The content checks of a schedule that need a calendar: real dates, known
 * time zones, a rule's first meeting falling on the rule, and nothing
 * submitted in the past. Only strict schemas (what people submit and the
 * server stores) use them, so pages that only read groups never load the
 * Temporal polyfill.
 * @module
 */
import { z } from 'zod/mini';
import { Temporal } from 'temporal-polyfill';
import type { ScheduleParts } from './fields.js';
import { WEEKDAYS } from './group-shape.js';

/** The calendar date of a `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, or undefined when there is no such date. */
export function calendarDate(text: string): Temporal.PlainDate | undefined {
  try {
    return Temporal.PlainDate.from(text.slice(0, 10), { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

const onCalendar = (pattern: RegExp) => (s: string) => pattern.test(s) && calendarDate(s) !== undefined;

/** `YYYY-MM-DDTHH:mm` naming a real date and time. */
export const localDateTime = () =>
  z.string().check(
    z.refine(onCalendar(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/), 'Enter a real date and time'),
  );

/** `YYYY-MM-DD` naming a real date. */
export const localDate = () => z.string().check(z.refine(onCalendar(/^\d{4}-\d{2}-\d{2}$/), 'Enter a real date'));

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

type Issue = { path: (string | number)[]; message: string };

/** Problems with how a rule's parts fit together and with its first date. */
function ruleIssues(schedule: ScheduleParts): Issue[] {
  const issues: Issue[] = [];
  schedule.rules.forEach((rule, i) => {
    const at = (field: string, message: string) => issues.push({ path: ['rules', i, field], message });
    const first = calendarDate(rule.start);
    if (rule.frequency === 'monthly' && rule.weekOfMonth === undefined) at('weekOfMonth', 'Choose which week of the month');
    if (rule.frequency === 'weekly' && rule.weekOfMonth !== undefined) at('weekOfMonth', 'Only monthly meetings have a week of the month');
    if (rule.count !== undefined && rule.until !== undefined) at('until', 'Give the number of meetings or the last date, not both');
    if (!first) return;
    if (WEEKDAYS[first.dayOfWeek - 1] !== rule.weekday) at('start', 'The first meeting must fall on the day the group meets');
    else if (rule.frequency === 'monthly' && rule.weekOfMonth !== undefined) {
      const nth = rule.weekOfMonth === -1 ? (first.day + 7 > first.daysInMonth ? -1 : 0) : Math.ceil(first.day / 7);
      if (nth !== rule.weekOfMonth) at('start', 'The first meeting must fall in the week of the month the group meets');
    }
    const until = rule.until === undefined ? undefined : calendarDate(rule.until);
    if (until && Temporal.PlainDate.compare(until, first) < 0) at('until', 'The last date must be on or after the first meeting');
  });
  return issues;
}

/** The schedule checks every strict schema runs (see `Fields.scheduleChecks`). */
export function scheduleChecks(): z.core.$ZodCheck<ScheduleParts>[] {
  return [
    z.superRefine((schedule: ScheduleParts, ctx) => {
      for (const { path, message } of ruleIssues(schedule)) ctx.addIssue({ code: 'custom', path, message, input: schedule });
    }),
  ];
}

/** Local date and time now in `zone`, `YYYY-MM-DDTHH:mm`, comparable as text with meeting starts. */
export function localNow(zone: string, now: number = Date.now()): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(isTimeZone(zone) ? zone : 'UTC');
  return zoned.toPlainDateTime().toString({ smallestUnit: 'minute' });
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
    if (m.start <= local) issues.push({ path: ['meetings', i, 'start'], message: 'Enter a date in the future' });
  });
  schedule.exceptions.forEach((e, i) => {
    if (e.start !== undefined && e.start <= local) issues.push({ path: ['exceptions', i, 'start'], message: 'Enter a date in the future' });
  });
  if (firstDates) {
    schedule.rules.forEach((r, i) => {
      if (r.start <= local) issues.push({ path: ['rules', i, 'start'], message: 'The first meeting must be in the future' });
    });
  }
  return issues;
}

/** `pastDateIssues` as a check on a value holding a schedule at `at` (e.g. `['group', 'schedule']`). */
export function notInThePast<T>(scheduleOf: (value: T) => ScheduleParts, at: string[], firstDates: (value: T) => boolean) {
  return z.superRefine((value: T, ctx) => {
    for (const { path, message } of pastDateIssues(scheduleOf(value), firstDates(value))) {
      ctx.addIssue({ code: 'custom', path: [...at, ...path], message, input: value });
    }
  });
}
