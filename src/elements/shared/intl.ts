import { languageOf } from '../locales/localize.js';
import type { Units } from '../../schema/index.js';

// Countries that measure road distances in miles.
const MILES = ['GB', 'US', 'LR', 'MM'];

/**
 * The units a locale measures distances in: miles where its (likely)
 * region does (`en`, `en-GB`, `cy` → mi), kilometres elsewhere (`es` → km).
 */
export function unitsFor(locale: string): Units {
  try {
    return MILES.includes(new Intl.Locale(locale).maximize().region ?? '') ? 'mi' : 'km';
  } catch {
    return 'mi';
  }
}

/** A distance in words, `1.2 miles`, `12 kilometres`, in the locale's own format. */
export function formatDistance(value: number, units: Units, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units === 'km' ? 'kilometer' : 'mile',
    unitDisplay: 'long',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** `a, b and c` in the locale's words. */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** Whether `n` takes the singular in the locale: choose between two whole messages, never glue words. */
export function isOne(n: number, locale: string): boolean {
  return new Intl.PluralRules(locale).select(n) === 'one';
}

/**
 * The locale an element formats numbers and dates in: its language (see
 * `languageOf`), else the browser's. Never empty: `Intl` rejects `''`, which
 * is what a page with `<html lang="">` or no `lang` at all would give.
 */
export function localeOf(el: Element): string {
  return languageOf(el) || navigator.language || 'en';
}
