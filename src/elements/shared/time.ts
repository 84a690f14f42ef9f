import { meetingInstant, type Schedule } from '../../schema/index.js';
import { formatDate } from './dates.js';

export { meetingInstant };

/** A meeting as instants: milliseconds since the epoch. */
export interface MeetingTimes {
  start: number;
  end: number;
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
  const options = {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: zone === timeZone ? undefined : 'short',
  } as const;
  return formatDate(locale, options, m.start, m.end);
}
