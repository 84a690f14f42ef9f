import { msg, str } from '@lit/localize';
import type { Schedule, WeekOfMonth } from '../../schema/index.js';
import { describeSchedule, type SchedulePhrases } from '../../schedule/describe.js';
import { formatDate } from './dates.js';

const monthly = (day: string, nth: WeekOfMonth): string => {
  switch (nth) {
    case 1:
      return msg(str`First ${day} of the month`);
    case 2:
      return msg(str`Second ${day} of the month`);
    case 3:
      return msg(str`Third ${day} of the month`);
    case 4:
      return msg(str`Fourth ${day} of the month`);
    case -1:
      return msg(str`Last ${day} of the month`);
  }
};

const everyMonths = (day: string, nth: WeekOfMonth, n: number): string => {
  switch (nth) {
    case 1:
      return msg(str`First ${day} of every ${n} months`);
    case 2:
      return msg(str`Second ${day} of every ${n} months`);
    case 3:
      return msg(str`Third ${day} of every ${n} months`);
    case 4:
      return msg(str`Fourth ${day} of every ${n} months`);
    case -1:
      return msg(str`Last ${day} of every ${n} months`);
  }
};

/** Schedule phrases from the element catalogue (`msg()`), for `describeSchedule`. */
export const schedulePhrases: SchedulePhrases = {
  weekly: (day) => msg(str`Every ${day}`),
  everyWeeks: (day, n) => (n === 2 ? msg(str`Every other ${day}`) : msg(str`Every ${n} weeks on ${day}`)),
  monthly,
  everyMonths,
  withTimes: (pattern, from, to) => msg(str`${pattern}, ${from} to ${to}`),
  count: (sentence, n) => msg(str`${sentence}, ${n} meetings in all`),
  until: (sentence, last) => msg(str`${sentence}, until ${last}`),
  date: (locale, options, at) => formatDate(locale, options, at),
};

/** The schedule in words in the page's language: one line per rule, then the group's note. */
export function scheduleText(schedule: Pick<Schedule, 'rules' | 'note'>, locale: string): string[] {
  return describeSchedule(schedule, locale, schedulePhrases);
}
