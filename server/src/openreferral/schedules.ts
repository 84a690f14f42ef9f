/**
 * When a group meets, as HSDS schedules, and back. The one place that knows
 * both shapes, so the move from explicit meeting dates to RFC 5545
 * recurrence rules (issue 14) changes this module only.
 *
 * Today a group's schedule is words plus explicit meetings: each meeting is
 * a one-off HSDS schedule (`dtstart` with no `freq`, which RFC 5545 reads as
 * a single occurrence), valid on that day only, with its opening and closing
 * times carrying the UTC offset of the group's time zone on that day.
 * @module
 */
import { meetingInstant, type Group, type Schedule } from 'peer-directory/schema';
import type { HsdsSchedule } from './hsds.js';
import { hsdsId } from './ids.js';

/** The group's schedule as HSDS schedules: one per meeting, or one holding only the words. */
export function toHsdsSchedules(group: Group, serviceId: string): HsdsSchedule[] {
  const { description, timeZone, meetings } = group.schedule;
  if (meetings.length === 0) return [{ id: hsdsId('schedule', group.id, 0), service_id: serviceId, description }];
  return meetings.map((meeting, n) => {
    const day = meeting.start.slice(0, 10);
    // How far the zone's clock is ahead of UTC as the meeting starts; the meeting keeps it to the end.
    const starts = meetingInstant(meeting.start, timeZone);
    const offset = Date.parse(`${meeting.start}:00Z`) - starts;
    const ends = starts + meeting.durationMinutes * 60_000;
    return {
      id: hsdsId('schedule', group.id, n),
      service_id: serviceId,
      dtstart: day,
      valid_from: day,
      valid_to: day,
      opens_at: withOffset(starts, offset),
      closes_at: withOffset(ends, offset),
      description,
    };
  });
}

/** What an import reads of an HSDS schedule (from any directory, so `freq` may be any rule). */
export type ScheduleFields = Partial<Pick<HsdsSchedule, 'dtstart' | 'valid_from' | 'opens_at' | 'closes_at' | 'description'>> & {
  freq?: string | undefined;
};

/** What an import learned from a service's schedules, with what it could not keep. */
export interface ScheduleReading {
  schedule: Schedule;
  warnings: string[];
}

/** Zones a group may meet in, by country, most likely first: HSDS gives times with UTC offsets, not zones. */
const ZONES: Record<string, readonly string[]> = {
  GB: ['Europe/London'],
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'],
};

/**
 * A group's schedule from HSDS schedules. One-off schedules become
 * meetings; a recurring one (`freq`) is kept as its words until schedules
 * carry recurrence rules.
 * @param zone the group's time zone: `timeZone` when the operator named one;
 *   otherwise the first zone of `country` whose UTC offsets match every
 *   meeting's (times without an offset are read as local time there)
 */
export function fromHsdsSchedules(schedules: readonly ScheduleFields[], zone: { timeZone?: string; country?: string }): ScheduleReading {
  const timeZone = zone.timeZone ?? zoneOf(schedules, ZONES[zone.country ?? 'GB'] ?? ZONES.GB!);
  const warnings: string[] = [];
  const meetings: Schedule['meetings'] = [];
  const words = new Set<string>();
  for (const s of schedules) {
    if (s.description) words.add(s.description.trim());
    if (s.freq) {
      warnings.push(`a ${s.freq.toLowerCase()} schedule is kept as words only: recurring meetings are not yet imported`);
      continue;
    }
    const day = s.dtstart ?? s.valid_from;
    const opens = s.opens_at && localTime(s.opens_at);
    if (!day || !opens) continue;
    const closes = s.closes_at && localTime(s.closes_at);
    const minutes = closes ? minutesOf(closes) - minutesOf(opens) : 60;
    meetings.push({ start: `${day.slice(0, 10)}T${opens}`, durationMinutes: minutes > 0 ? minutes : minutes + 24 * 60 });
  }
  meetings.sort((a, b) => (a.start < b.start ? -1 : 1));
  const description = [...words].join(' ') || describeMeetings(meetings);
  return { schedule: { description, timeZone, meetings: meetings.slice(0, 52) }, warnings };
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
    return day && match ? [{ wall: `${day.slice(0, 10)}T${match[1]}`, instant: Date.parse(`${day.slice(0, 10)}T${match[1]}:00${match[2]}`) }] : [];
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

function describeMeetings(meetings: Schedule['meetings']): string {
  if (meetings.length === 0) return 'Ask the group when it meets';
  return `Next meets ${meetings[0]!.start.replace('T', ' at ')}`;
}
