/**
 * When a group meets, as HSDS schedules, and back. The one place that knows
 * both shapes.
 *
 * Each recurrence rule is one recurring HSDS schedule with the same RFC 5545
 * parts (`freq`, `interval`, `byday` such as `1WE`, `dtstart`; an end as
 * `valid_to`, since the UK profile drops `until` and `count`) and its local
 * opening and closing times, given with the UTC
 * offset of its first meeting (the schedule's time-zone attribute names the
 * zone whose clock they keep). Each one-off or moved meeting is a one-off
 * schedule (`dtstart` with no `freq`), valid on that day only, with the
 * offset of that day.
 * @module
 */
import {
  meetingInstant,
  type Country,
  type Group,
  type RecurrenceRule,
  type Schedule,
  type WeekOfMonth,
  TIME_ZONES,
} from 'peer-directory/schema';
import { describeSchedule, recurrenceOf, ruleOn } from 'peer-directory/schedule';
import { catalogue, localeFor } from '../messages/index.js';
import type { HsdsSchedule } from './hsds.js';
import { hsdsId } from './ids.js';

/** The group's schedule as HSDS schedules: one per rule and per one-off or moved meeting, or one holding only the words. */
export function toHsdsSchedules(group: Group, serviceId: string): HsdsSchedule[] {
  const { timeZone, rules, exceptions, meetings, note } = group.schedule;
  const words = describeSchedule(group.schedule, localeFor('en', group), catalogue('en').schedule).join('. ');
  const description = words || 'Ask the group when it meets';
  const times = (start: string, minutes: number) => {
    // How far the zone's clock is ahead of UTC as the meeting starts; the meeting keeps it to the end.
    const starts = meetingInstant(start, timeZone);
    const offset = Date.parse(`${start}:00Z`) - starts;
    return { opens_at: withOffset(starts, offset), closes_at: withOffset(starts + minutes * 60_000, offset) };
  };
  const recurring: HsdsSchedule[] = rules.map((rule, n) => ({
    id: hsdsId('schedule', group.id, n),
    service_id: serviceId,
    freq: rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY',
    interval: rule.interval,
    byday: rule.frequency === 'monthly' && rule.weekOfMonth !== undefined ? `${rule.weekOfMonth}${rule.weekday}` : rule.weekday,
    dtstart: rule.start.slice(0, 10),
    valid_from: rule.start.slice(0, 10),
    // The UK profile has neither `until` nor `count`: a rule that ends is valid to its last meeting's date.
    ...((last) => (last ? { valid_to: last } : {}))(lastDate(rule, timeZone)),
    ...times(rule.start, rule.durationMinutes),
    description,
    ...(note ? { notes: note } : {}),
  }));
  // A moved meeting is a one-off at its new time; a cancelled one simply does not happen (HSDS has no EXDATE).
  const moved = exceptions.flatMap((x) => {
    const rule = x.start === undefined ? undefined : ruleOn(group.schedule, x.date);
    return rule === undefined ? [] : [{ start: x.start!, durationMinutes: x.durationMinutes ?? rules[rule]!.durationMinutes }];
  });
  const oneOffs: HsdsSchedule[] = [...meetings, ...moved].map((meeting, i) => {
    const day = meeting.start.slice(0, 10);
    return {
      id: hsdsId('schedule', group.id, rules.length + i),
      service_id: serviceId,
      dtstart: day,
      valid_from: day,
      valid_to: day,
      ...times(meeting.start, meeting.durationMinutes),
      description,
      ...(note ? { notes: note } : {}),
    };
  });
  const all = [...recurring, ...oneOffs];
  return all.length > 0 ? all : [{ id: hsdsId('schedule', group.id, 0), service_id: serviceId, description: note ?? description }];
}

/** The local date a rule ends on: its `until`, or its last meeting's when it has a `count`. */
function lastDate(rule: RecurrenceRule, timeZone: string): string | undefined {
  if (rule.until) return rule.until;
  if (rule.count === undefined) return undefined;
  return recurrenceOf(rule, timeZone).all().at(-1)?.toPlainDate().toString();
}

/** What an import reads of an HSDS schedule (from any directory, so `freq` may be any rule). */
export type ScheduleFields = Partial<
  Pick<HsdsSchedule, 'dtstart' | 'valid_from' | 'valid_to' | 'opens_at' | 'closes_at' | 'description' | 'notes'>
> & {
  freq?: string | undefined;
  interval?: number | string | undefined;
  byday?: string | undefined;
  until?: string | undefined;
  count?: number | string | undefined;
};

/** What an import learned from a service's schedules, with what it could not keep. */
export interface ScheduleReading {
  schedule: Schedule;
  warnings: string[];
}

/**
 * A group's schedule from HSDS schedules. One-off schedules become
 * meetings; a weekly or monthly one on given weekdays (`byday` `TU`, `TU,TH`,
 * `2TU`, `-1FR`) becomes one rule per weekday, starting at its first meeting
 * on or after `dtstart`; anything else (`bymonthday`, several ordinals) is
 * kept as words, with a warning.
 * @param zone the group's time zone: `timeZone` when the operator named one;
 *   otherwise the first zone of `country` whose UTC offsets match every
 *   meeting's (times without an offset are read as local time there)
 */
export function fromHsdsSchedules(schedules: readonly ScheduleFields[], zone: { timeZone?: string; country?: string }): ScheduleReading {
  // HSDS gives times with UTC offsets, not zones: a zone is guessed among the country's, most likely first.
  const countryZones = Object.hasOwn(TIME_ZONES, zone.country ?? '') ? TIME_ZONES[zone.country as Country] : TIME_ZONES.GB;
  const timeZone = zone.timeZone ?? zoneOf(schedules, countryZones);
  const warnings: string[] = [];
  const meetings: Schedule['meetings'] = [];
  const rules: RecurrenceRule[] = [];
  const words = new Set<string>();
  // The group's own words travel in `notes` (this server writes them there); `description` may be generated.
  const notes = schedules.find((s) => s.notes?.trim())?.notes?.trim();
  for (const s of schedules) {
    const day = s.dtstart ?? s.valid_from;
    const opens = s.opens_at && localTime(s.opens_at);
    const closes = s.closes_at && localTime(s.closes_at);
    const minutes = opens && closes ? minutesOf(closes) - minutesOf(opens) : 60;
    const durationMinutes = minutes > 0 ? minutes : minutes + 24 * 60;
    if (s.freq) {
      const read = day && opens ? rulesOf(s, `${day.slice(0, 10)}T${opens}`, durationMinutes, timeZone) : undefined;
      if (!read) {
        if (s.description) words.add(s.description.trim());
        warnings.push(
          `a ${s.freq.toLowerCase()} schedule${s.byday ? ` on ${s.byday}` : ''} is kept as words only: the directory's rules are every n weeks on a weekday, or a weekday of the month`,
        );
        continue;
      }
      rules.push(...read);
      continue;
    }
    if (s.description) words.add(s.description.trim());
    if (!day || !opens) continue;
    meetings.push({ start: `${day.slice(0, 10)}T${opens}`, durationMinutes });
  }
  meetings.sort((a, b) => (a.start < b.start ? -1 : 1));
  // Words that only repeat what the rules say are not kept: the directory writes those itself.
  const note = notes ?? (rules.length > 0 ? undefined : [...words].join(' ') || undefined);
  const schedule: Schedule = {
    timeZone,
    rules: rules.slice(0, 7),
    exceptions: [],
    meetings: meetings.slice(0, 52),
    ...(note ? { note: note.slice(0, 300) } : {}),
  };
  return { schedule, warnings };
}

/** One rule per weekday of a recurring HSDS schedule, or undefined when it is not one the directory can hold. */
function rulesOf(s: ScheduleFields, start: string, durationMinutes: number, timeZone: string): RecurrenceRule[] | undefined {
  const frequency = s.freq === 'WEEKLY' ? 'weekly' : s.freq === 'MONTHLY' ? 'monthly' : undefined;
  const days = (s.byday ?? '').split(',').map((d) => /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d.trim()));
  if (!frequency || days.length === 0 || days.some((d) => !d)) return undefined;
  const interval = Math.max(1, Math.min(12, Number(s.interval ?? 1) || 1));
  const count = s.count === undefined ? undefined : Number(s.count);
  const until = (s.until ?? s.valid_to)?.slice(0, 10) || undefined;
  const rules: RecurrenceRule[] = [];
  for (const d of days) {
    const nth = d![1] === undefined ? undefined : (Number(d![1]) as WeekOfMonth);
    if ((frequency === 'monthly') !== (nth !== undefined) || (nth !== undefined && ![1, 2, 3, 4, -1].includes(nth))) return undefined;
    const weekday = d![2] as RecurrenceRule['weekday'];
    const pattern: RecurrenceRule = {
      frequency,
      interval,
      weekday,
      ...(nth !== undefined ? { weekOfMonth: nth } : {}),
      start,
      durationMinutes,
      ...(count !== undefined && Number.isInteger(count) && count > 0 ? { count } : until ? { until } : {}),
    };
    // The first meeting is the rule's first on or after `dtstart`, which HSDS does not require to fall on it.
    const [first] = recurrenceOf({ ...pattern, count: undefined, until: undefined }, timeZone).all((_, i) => i < 1);
    if (!first) return undefined;
    rules.push({ ...pattern, start: first.toPlainDateTime().toString({ smallestUnit: 'minute' }) });
  }
  return rules;
}

// `18:30+01:00`: the wall-clock time at an instant, `offset` ms ahead of UTC, and that offset.
function withOffset(instant: number, offset: number): string {
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  return `${new Date(instant + offset).toISOString().slice(11, 16)}${sign}${hhmm(minutes)}`;
}

// The first zone in which every time given with an offset is that instant on its day.
function zoneOf(schedules: readonly ScheduleFields[], candidates: readonly string[]): string {
  const timed = schedules.flatMap((s) => {
    const day = s.dtstart ?? s.valid_from;
    const match = s.opens_at && /^(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(s.opens_at.trim());
    return day && match
      ? [{ wall: `${day.slice(0, 10)}T${match[1]}`, instant: Date.parse(`${day.slice(0, 10)}T${match[1]}:00${match[2]}`) }]
      : [];
  });
  return candidates.find((zone) => timed.every((t) => meetingInstant(t.wall, zone) === t.instant)) ?? candidates[0]!;
}

// `HH:MM` from an HSDS time (`18:30`, `18:30:00`, `18:30+01:00`, `18:30Z`); the offset is the zone's own.
function localTime(time: string): string | undefined {
  const match = /^(\d{2}):(\d{2})/.exec(time.trim());
  return match ? `${match[1]}:${match[2]}` : undefined;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
