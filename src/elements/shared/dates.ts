import { msg } from '@lit/localize';

/**
 * Dates in words in a language the browser may have no date words for:
 * Chromium's `Intl` has none for Welsh, and writes `Tuesday, December 1,
 * 2026, 6:30 – 8:00 PM` on a Welsh page. There, the date is laid out as
 * British English lays it out (the order, numbers and 24-hour clock of the
 * UK, where Welsh is spoken), and the weekday and month names, the only words
 * in it, come from the element catalogue. `Intl` still works out every part.
 * @module
 */

// Monday first, as 1 January 2024 (a Monday) begins the week the names are matched against.
const weekdays = () => [
  msg('Monday', { id: 'weekday-1', desc: 'Weekday name in dates' }),
  msg('Tuesday', { id: 'weekday-2', desc: 'Weekday name in dates' }),
  msg('Wednesday', { id: 'weekday-3', desc: 'Weekday name in dates' }),
  msg('Thursday', { id: 'weekday-4', desc: 'Weekday name in dates' }),
  msg('Friday', { id: 'weekday-5', desc: 'Weekday name in dates' }),
  msg('Saturday', { id: 'weekday-6', desc: 'Weekday name in dates' }),
  msg('Sunday', { id: 'weekday-7', desc: 'Weekday name in dates' }),
];

const months = () => [
  msg('January', { id: 'month-1', desc: 'Month name in dates' }),
  msg('February', { id: 'month-2', desc: 'Month name in dates' }),
  msg('March', { id: 'month-3', desc: 'Month name in dates' }),
  msg('April', { id: 'month-4', desc: 'Month name in dates' }),
  msg('May', { id: 'month-5', desc: 'Month name in dates' }),
  msg('June', { id: 'month-6', desc: 'Month name in dates' }),
  msg('July', { id: 'month-7', desc: 'Month name in dates' }),
  msg('August', { id: 'month-8', desc: 'Month name in dates' }),
  msg('September', { id: 'month-9', desc: 'Month name in dates' }),
  msg('October', { id: 'month-10', desc: 'Month name in dates' }),
  msg('November', { id: 'month-11', desc: 'Month name in dates' }),
  msg('December', { id: 'month-12', desc: 'Month name in dates' }),
];

const shortMonths = () => [
  msg('Jan', { id: 'month-short-1', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Feb', { id: 'month-short-2', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Mar', { id: 'month-short-3', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Apr', { id: 'month-short-4', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('May', { id: 'month-short-5', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Jun', { id: 'month-short-6', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Jul', { id: 'month-short-7', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Aug', { id: 'month-short-8', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Sept', { id: 'month-short-9', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Oct', { id: 'month-short-10', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Nov', { id: 'month-short-11', desc: 'Short month name in dates ("1 Jan 2027")' }),
  msg('Dec', { id: 'month-short-12', desc: 'Short month name in dates ("1 Jan 2027")' }),
];

/** The layout borrowed for a language the browser has no date words for. */
const LAYOUT = 'en-GB';

/** `Intl`'s own names in the borrowed layout, for each style, to know which weekday or month a part names. */
const names = new Map<string, string[]>();
function layoutNames(type: 'weekday' | 'month', style: 'long' | 'short'): string[] {
  const key = `${type} ${style}`;
  let list = names.get(key);
  if (!list) {
    const format = new Intl.DateTimeFormat(LAYOUT, { [type]: style, timeZone: 'UTC' });
    list =
      type === 'weekday'
        ? Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)))
        : Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2024, i, 1)));
    names.set(key, list);
  }
  return list;
}

/** The catalogue's word for a weekday or month part; an unknown part (a narrow style) as `Intl` wrote it. */
function word(part: Intl.DateTimeFormatPart): string {
  const lists =
    part.type === 'weekday'
      ? ([['long', weekdays]] as const)
      : part.type === 'month'
        ? ([
            ['long', months],
            ['short', shortMonths],
          ] as const)
        : [];
  for (const [style, words] of lists) {
    const i = layoutNames(part.type as 'weekday' | 'month', style).indexOf(part.value);
    if (i >= 0) return words()[i]!;
  }
  return part.value;
}

/** Whether `Intl` has date words for the locale's language, rather than falling back to another's. */
export function hasDateWords(locale: string): boolean {
  const language = (tag: string) => tag.toLowerCase().split('-')[0];
  return language(new Intl.DateTimeFormat(locale).resolvedOptions().locale) === language(locale);
}

/**
 * A date, or a range from `start` to `end`, in words in `locale`, as
 * `Intl.DateTimeFormat` with `options` writes it; in a language it has no
 * date words for, with the catalogue's weekday and month names (see above).
 */
export function formatDate(locale: string, options: Intl.DateTimeFormatOptions, start: number, end?: number): string {
  if (hasDateWords(locale)) {
    const format = new Intl.DateTimeFormat(locale, options);
    return end === undefined ? format.format(start) : format.formatRange(start, end);
  }
  const format = new Intl.DateTimeFormat(LAYOUT, options);
  const parts = end === undefined ? format.formatToParts(start) : format.formatRangeToParts(start, end);
  return parts.map(word).join('');
}
