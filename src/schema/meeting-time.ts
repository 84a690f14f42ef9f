/**
 * How to read a `Meeting`: its `start` is a wall-clock time in the schedule's
 * IANA time zone, so the server (calendar files) and the elements (next
 * meeting) turn it into an instant the same way.
 * @module
 */

const formats = new Map<string, Intl.DateTimeFormat>();

// How far the zone's wall clock is ahead of UTC at instant `t`, in ms.
function offsetAt(t: number, timeZone: string): number {
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
  const p: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(t)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant (ms since the epoch) of a wall-clock time such as
 * `2026-12-01T18:30` in an IANA time zone. The offset is looked up at that
 * date, so summer time is right; a time skipped by a clock change resolves to
 * the instant just after it. An unknown zone (the schema checks only its
 * shape) is read as UTC rather than failing.
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
