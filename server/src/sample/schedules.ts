import type { RecurrenceRule, Schedule, Weekday as RuleWeekday } from 'peer-directory/schema';
import { recurrenceOf } from 'peer-directory/schedule';

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

/** A rule with words rules cannot say, before or after it (e.g. how mentoring pairs meet): the schedule's note. */
export interface ScheduleSpec {
  rule: ScheduleRule;
  before?: string;
  after?: string;
}

const CODES: readonly RuleWeekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** Every rule's rhythm is counted from this date, so a fortnightly group keeps its weeks whatever `now` is. */
const ANCHOR = '2026-01-01';
const DAY_MS = 86_400_000;

/**
 * A group's schedule as of `now`: the rule as RFC 5545 recurrence, starting
 * at its next meeting, with any words in the note. The words people read
 * are generated from the rule in their own locale.
 */
export function buildSchedule(spec: ScheduleSpec, timeZone: string, now: Date): Schedule {
  const { rule } = spec;
  const note = [spec.before, rule.every === 'arranged' ? rule.description : undefined, spec.after].filter(Boolean).join(' ');
  const rules = rule.every === 'arranged' ? [] : [recurrence(rule, timeZone, now)];
  return { timeZone, rules, exceptions: [], meetings: [], ...(note ? { note } : {}) };
}

function recurrence(rule: Exclude<ScheduleRule, { every: 'arranged' }>, timeZone: string, now: Date): RecurrenceRule {
  const nth = Math.max(-1, Math.min(4, rule.every === 'month' ? rule.nth : 1)) as RecurrenceRule['weekOfMonth'];
  const pattern: RecurrenceRule = {
    frequency: rule.every === 'month' ? 'monthly' : 'weekly',
    interval: rule.every === 'fortnight' ? 2 : 1,
    weekday: CODES[rule.weekday]!,
    ...(rule.every === 'month' ? { weekOfMonth: nth } : {}),
    start: `${ANCHOR}T${rule.start}`,
    durationMinutes: rule.minutes,
  };
  // A course starts at least a week ahead, so people have time to sign up.
  const from = rule.every === 'course' ? now.getTime() + 7 * DAY_MS : now.getTime();
  const first = recurrenceOf(pattern, timeZone).next(new Date(from));
  if (!first) throw new Error(`No meeting after ${now.toISOString()} for ${JSON.stringify(rule)}`);
  const start = first.toPlainDateTime().toString({ smallestUnit: 'minute' });
  if (rule.every !== 'course') return { ...pattern, start };
  // A course ends on its last session's date (UNTIL, which every format carries; the UK HSDS profile has no COUNT).
  const last = recurrenceOf({ ...pattern, start, count: rule.sessions }, timeZone)
    .all()
    .at(-1)!;
  return { ...pattern, start, until: last.toPlainDate().toString() };
}
