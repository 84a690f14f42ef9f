import type { Schedule } from '../../schema/index.js';

/** A meeting as instants: milliseconds since the epoch. */
export interface MeetingTimes {
  start: number;
  end: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

// How far `timeZone`'s wall clock is ahead of UTC at instant `t`, in ms.
function offset(t: number, timeZone: string): number {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(t)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a meeting starts. Meetings are written as wall-clock times
 * (`2026-12-01T18:30`) in the schedule's IANA time zone, so the offset is
 * looked up for that date: summer and winter times differ.
 */
export function meetingInstant(start: string, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = start.split(/\D/).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // Twice: the first guess may sit on the other side of a clock change.
    return wall - offset(wall - offset(wall, timeZone), timeZone);
  } catch {
    return wall; // an unknown zone: read the time as UTC rather than fail
  }
}

/** Meetings that have not yet ended, soonest first. */
export function upcomingMeetings(schedule: Schedule, now = Date.now()): MeetingTimes[] {
  return schedule.meetings
    .map((m) => {
      const start = meetingInstant(m.start, schedule.timeZone);
      return { start, end: start + m.durationMinutes * 60_000 };
    })
    .filter((m) => m.end > now)
    .sort((a, b) => a.start - b.start);
}

/**
 * A meeting in words, in the group's own time zone (`Tuesday 1 December
 * 2026, 18:30–20:00`), naming the zone when the reader's clock differs.
 */
export function formatMeeting(m: MeetingTimes, timeZone: string, locale: string): string {
  let zone: string | undefined;
  try {
    zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    new Intl.DateTimeFormat(locale, { timeZone });
  } catch {
    timeZone = 'UTC';
  }
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: zone === timeZone ? undefined : 'short',
  }).formatRange(m.start, m.end);
}
