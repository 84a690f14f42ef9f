/**
 * The meetings a schedule gives: its rules expanded (rules.ts), exceptions
 * applied, one-off meetings added, soonest first.
 * @module
 */
import { Temporal } from 'temporal-polyfill';
import type { MeetingOccurrence, Schedule } from '../schema/index.js';
import { recurrenceOf, zoned } from './rules.js';

/** Which meetings {@link meetingsOf} returns. */
export interface MeetingQuery {
  /** Only meetings that have not ended by this instant (ms since the epoch); default now. */
  after?: number;
  /** Only meetings that start before this instant. */
  before?: number;
  /** At most this many (default 3). */
  limit?: number;
  /** Also list cancelled meetings, marked `cancelled` (default false). */
  includeCancelled?: boolean;
}

/** Rule meetings looked at beyond `limit`, so exceptions that move or cancel some still leave enough. */
const SLACK = 8;

function occurrence(start: Temporal.ZonedDateTime, durationMinutes: number, extra: Partial<MeetingOccurrence> = {}): MeetingOccurrence {
  const end = start.add({ minutes: durationMinutes });
  return {
    start: start.toPlainDateTime().toString({ smallestUnit: 'minute' }),
    durationMinutes,
    startsAt: start.toInstant().toString(),
    endsAt: end.toInstant().toString(),
    ...extra,
  };
}

/**
 * The schedule's meetings that have not ended by `after`, soonest first: the
 * next N dates a group will meet on, correct across clock changes because
 * rules are expanded on the group's local clock.
 * @example
 * ```ts
 * meetingsOf(group.schedule, { limit: 3 }).map((m) => m.start);
 * // ['2026-12-02T18:30', '2027-01-06T18:30', '2027-02-03T18:30']
 * ```
 */
export function meetingsOf(schedule: Schedule, query: MeetingQuery = {}): MeetingOccurrence[] {
  const { after = Date.now(), before = Infinity, limit = 3, includeCancelled = false } = query;
  const { timeZone } = schedule;
  const exceptions = new Map(schedule.exceptions.map((e) => [e.date, e]));
  const found: MeetingOccurrence[] = [];
  const ended = (m: MeetingOccurrence) => Date.parse(m.endsAt) <= after;
  const wanted = limit + schedule.exceptions.length + SLACK;

  schedule.rules.forEach((rule, index) => {
    let kept = 0;
    // all() walks from the first meeting; the iterator stops it once enough are found.
    recurrenceOf(rule, timeZone).all((start) => {
      if (start.epochMilliseconds >= before && kept > 0) return false;
      const date = start.toPlainDate().toString();
      const exception = exceptions.get(date);
      let m: MeetingOccurrence;
      if (!exception) m = occurrence(start, rule.durationMinutes, { rule: index });
      else if (exception.start === undefined) {
        if (!includeCancelled) return true;
        m = occurrence(start, rule.durationMinutes, { rule: index, cancelled: true, ...(exception.note ? { note: exception.note } : {}) });
      } else {
        m = occurrence(zoned(exception.start, timeZone), exception.durationMinutes ?? rule.durationMinutes, {
          rule: index,
          movedFrom: date,
          ...(exception.note ? { note: exception.note } : {}),
        });
      }
      if (!ended(m)) {
        found.push(m);
        kept += 1;
      }
      return kept < wanted;
    });
  });
  for (const meeting of schedule.meetings) {
    const m = occurrence(zoned(meeting.start, timeZone), meeting.durationMinutes);
    if (!ended(m)) found.push(m);
  }
  return found
    .filter((m) => Date.parse(m.startsAt) < before)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, limit);
}

/** The meeting that starts at a local `YYYY-MM-DDTHH:mm`, if the schedule gives one (cancelled included). */
export function meetingAt(schedule: Schedule, start: string): MeetingOccurrence | undefined {
  const instant = zoned(start, schedule.timeZone).epochMilliseconds;
  return meetingsOf(schedule, { after: instant, limit: 20, includeCancelled: true }).find((m) => m.start === start);
}

/** The index of the rule that gives a meeting on a local date (`YYYY-MM-DD`), if one does. */
export function ruleOn(schedule: Schedule, date: string): number | undefined {
  const from = zoned(`${date}T00:00`, schedule.timeZone);
  const to = from.add({ days: 1 });
  const index = schedule.rules.findIndex((rule) => recurrenceOf(rule, schedule.timeZone).between(from, to, true).length > 0);
  return index < 0 ? undefined : index;
}

/** Local dates of the meetings `after` cancels that `before` did not: whom to tell. */
export function newlyCancelled(before: Schedule | undefined, after: Schedule): string[] {
  const was = new Set((before?.exceptions ?? []).filter((e) => e.start === undefined).map((e) => e.date));
  return after.exceptions.filter((e) => e.start === undefined && !was.has(e.date)).map((e) => e.date);
}
