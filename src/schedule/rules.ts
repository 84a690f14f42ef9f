/**
 * A schedule's rules as RFC 5545 recurrences, expanded by rrule-temporal in
 * the group's time zone: the library does the calendar and the clock changes,
 * so "first Wednesday at 18:30" stays 18:30 on the local clock in winter and
 * in summer.
 * @module
 */
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import type { RecurrenceRule } from '../schema/index.js';

/** A local `YYYY-MM-DDTHH:mm` in `timeZone` as a zoned date-time (a time skipped by a clock change moves forward). */
export function zoned(local: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

/** The rule's `BYDAY` value: `WE`, or `1WE` for the first Wednesday of the month, `-1WE` the last. */
export function byDay(rule: RecurrenceRule): string {
  return rule.frequency === 'monthly' && rule.weekOfMonth !== undefined ? `${rule.weekOfMonth}${rule.weekday}` : rule.weekday;
}

/**
 * The rule as an rrule-temporal recurrence starting at `rule.start`, without
 * `excluded` (zoned starts of cancelled or moved meetings).
 */
export function recurrenceOf(
  rule: RecurrenceRule,
  timeZone: string,
  excluded: Temporal.ZonedDateTime[] = [],
): RRuleTemporal<Temporal.ZonedDateTime> {
  return new RRuleTemporal({
    freq: rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY',
    interval: rule.interval,
    byDay: [byDay(rule)],
    ...(rule.count !== undefined ? { count: rule.count } : {}),
    // UNTIL is inclusive: the end of the last local day.
    ...(rule.until !== undefined ? { until: zoned(`${rule.until}T23:59`, timeZone) } : {}),
    dtstart: zoned(rule.start, timeZone),
    tzid: timeZone,
    exDate: excluded,
    temporal: Temporal,
    cache: false,
  });
}

/** The rule's `RRULE` value as the library writes it (RFC 5545), e.g. `FREQ=MONTHLY;BYDAY=1WE`. */
export function rruleText(rule: RecurrenceRule, timeZone: string): string {
  const line = recurrenceOf(rule, timeZone)
    .toString()
    .split('\n')
    .find((l) => l.startsWith('RRULE:'));
  return line!.slice('RRULE:'.length);
}
