/**
 * How to read a `Meeting`: its `start` is a wall-clock time in the schedule's
 * IANA time zone, so the server (calendar files), the schema (is it a real,
 * future time?) and the elements (next meeting) turn it into an instant the
 * same way. The calendar date itself is checked by zod's ISO date-time
 * parser (strict-fields.ts); the zone arithmetic is the platform's own IANA
 * database through `Intl.DateTimeFormat`, which every browser and Node has,
 * rather than a Temporal polyfill (about 20 KB gzip on every page that shows
 * a meeting).
 * @module
 */

/** How a meeting's start is written: a local date and time to the minute, `2026-12-01T18:30`. */
export const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();

// The zone's formatter, built once per zone; throws RangeError for an unknown zone.
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(t: number, timeZone: string): Record<string, number> {
  const p: Record<string, number> = {};
  for (const { type, value } of formatIn(timeZone).formatToParts(t)) p[type] = Number(value);
  return p;
}

// How far the zone's wall clock is ahead of UTC at instant `t`, in ms.
function offsetAt(t: number, timeZone: string): number {
  const p = wallClock(t, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant (ms since the epoch) of a wall-clock time such as
 * `2026-12-01T18:30` in an IANA time zone. The offset is looked up at that
 * date, so summer time is right; a time skipped by a clock change resolves to
 * the instant just after it. An unknown zone is read as UTC rather than failing.
 */
export function meetingInstant(start: string, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = start.split(/\D/).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // Twice: the first guess may fall on the other side of a clock change.
    return wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
  } catch {
    return wall;
  }
}

/**
 * Whether a wall-clock time exists in the zone: false for the hour the
 * clocks skip when summer time starts (01:30 in London on its last Sunday of
 * March), which `meetingInstant` would move to another time.
 */
export function existsInZone(start: string, timeZone: string): boolean {
  return localDateTimeAt(meetingInstant(start, timeZone), timeZone) === start;
}

/** The wall-clock time at instant `t` in the zone, written as a meeting's start is: `2026-12-01T18:30`. */
export function localDateTimeAt(t: number, timeZone: string): string {
  const p = wallClock(t, timeZone);
  const pad = (n: number | undefined, width = 2) => String(n).padStart(width, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
