import type { Meeting, Schedule } from 'peer-directory/schema';

/** 0 is Sunday, as `Date.getUTCDay` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

interface Session {
  weekday: Weekday;
  /** Local start time, `HH:mm`. */
  start: string;
  minutes: number;
}

/** How often a group meets: the words people read and the meetings calendars get come from this. */
export type ScheduleRule =
  | ({ every: 'week' } & Session)
  | ({ every: 'fortnight' } & Session)
  | ({ every: 'month'; nth: 1 | 2 | 3 | 4 | -1 } & Session)
  | ({ every: 'course'; sessions: number } & Session)
  | { every: 'arranged'; description: string };

/** A rule with words before or after the generated description (e.g. how mentoring pairs meet). */
export interface ScheduleSpec {
  rule: ScheduleRule;
  before?: string;
  after?: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const ORDINALS = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' } as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const HOW_MANY: Record<ScheduleRule['every'], number> = { week: 6, fortnight: 4, month: 4, course: 0, arranged: 0 };

/**
 * A group's schedule as of `now`: a description in plain words and its next
 * meetings, in local time in the group's time zone.
 * @param style `uk` writes 7.30pm, `us` writes 7:30pm
 */
export function buildSchedule(spec: ScheduleSpec, timeZone: string, now: Date, style: 'uk' | 'us'): Schedule {
  const { rule } = spec;
  const meetings = rule.every === 'arranged' ? [] : nextMeetings(rule, timeZone, now);
  const core = rule.every === 'arranged' ? rule.description : describe(rule, meetings, style);
  const description = [spec.before, core, spec.after].filter(Boolean).join(' ');
  return { description, timeZone, meetings };
}

function describe(rule: Exclude<ScheduleRule, { every: 'arranged' }>, meetings: Meeting[], style: 'uk' | 'us'): string {
  const hours = `${clock(rule.start, style)} to ${clock(addMinutes(rule.start, rule.minutes), style)}`;
  const day = DAYS[rule.weekday];
  switch (rule.every) {
    case 'week':
      return `Every ${day}, ${hours}`;
    case 'fortnight':
      return `Every other ${day}, ${hours}`;
    case 'month':
      return `${ORDINALS[rule.nth]} ${day} of the month, ${hours}`;
    case 'course': {
      const first = meetings[0]!.start;
      const month = MONTHS[Number(first.slice(5, 7)) - 1];
      const date = Number(first.slice(8, 10));
      const starts = style === 'uk' ? `${day} ${date} ${month}` : `${day}, ${month} ${date}`;
      return `A course of ${COUNT_WORDS[rule.sessions] ?? rule.sessions} weekly sessions, ${hours}; the next one starts on ${starts}`;
    }
  }
}

/** `19:30` → `7.30pm` (UK) or `7:30pm` (US); whole hours drop the minutes, `12:00` is midday. */
export function clock(time: string, style: 'uk' | 'us'): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return style === 'uk' ? 'midday' : 'noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const minutes = m === 0 ? '' : `${style === 'uk' ? '.' : ':'}${String(m).padStart(2, '0')}`;
  return `${hour12}${minutes}${h < 12 ? 'am' : 'pm'}`;
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The date and time on the clocks of a time zone at an instant, `YYYY-MM-DDTHH:mm`. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// Meetings are planned in local clock time, so the search walks local
// calendar dates (UTC arithmetic on a date is free of time-zone shifts) and
// keeps those that start after the local time now.
function nextMeetings(rule: Exclude<ScheduleRule, { every: 'arranged' }>, timeZone: string, now: Date): Meeting[] {
  const nowLocal = localDateTime(now, timeZone);
  const today = Date.UTC(Number(nowLocal.slice(0, 4)), Number(nowLocal.slice(5, 7)) - 1, Number(nowLocal.slice(8, 10)));
  const wanted = rule.every === 'course' ? rule.sessions : HOW_MANY[rule.every];
  const meetings: Meeting[] = [];
  // A course starts at least a week ahead, so people have time to sign up.
  const firstDay = rule.every === 'course' ? 7 : 0;
  for (let offset = firstDay; meetings.length < wanted && offset < 400; offset += 1) {
    const date = new Date(today + offset * 86_400_000);
    if (date.getUTCDay() !== rule.weekday) continue;
    if (!occurs(rule, date, meetings.length)) continue;
    const start = `${date.toISOString().slice(0, 10)}T${rule.start}`;
    if (start <= nowLocal) continue;
    meetings.push({ start, durationMinutes: rule.minutes });
  }
  return meetings;
}

function occurs(rule: Exclude<ScheduleRule, { every: 'arranged' }>, date: Date, found: number): boolean {
  switch (rule.every) {
    case 'week':
      return true;
    case 'course':
      return found < rule.sessions;
    case 'fortnight':
      // Weeks counted from the Unix epoch: a fixed rhythm whatever `now` is.
      return Math.floor(date.getTime() / (7 * 86_400_000)) % 2 === 0;
    case 'month': {
      const day = date.getUTCDate();
      if (rule.nth === -1) return new Date(date.getTime() + 7 * 86_400_000).getUTCMonth() !== date.getUTCMonth();
      return Math.ceil(day / 7) === rule.nth;
    }
  }
}
