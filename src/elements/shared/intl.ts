import { msg, str } from '@lit/localize';
import { languageOf } from '../locales/localize.js';
import type { Units } from '../../schema/index.js';

/**
 * A distance in words. The number is the locale's (`Intl`); the unit's name
 * comes from the catalogue, one whole message for the singular and one for
 * the rest, because browsers do not all carry unit names for every language
 * (Chromium writes "25 miles" on a Welsh page).
 */
function inWords(value: number, units: Units, locale: string, digits: number): string {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  const n = new Intl.NumberFormat(locale, options).format(value);
  const one = new Intl.PluralRules(locale, options).select(value) === 'one';
  if (units === 'km') return one ? msg(str`${n} kilometre`) : msg(str`${n} kilometres`);
  return one ? msg(str`${n} mile`) : msg(str`${n} miles`);
}

/**
 * How far away a group is, `2.0 miles`, `2.8 miles`, `12 miles`: one
 * decimal under 10 for every distance alike, so a list reads evenly.
 */
export function formatDistance(value: number, units: Units, locale: string): string {
  return inWords(value, units, locale, value < 9.95 ? 1 : 0);
}

/** A search radius as chosen, `1 mile`, `25 miles`, `0.5 kilometres`: as precise as the number itself. */
export function formatRadius(value: number, units: Units, locale: string): string {
  return inWords(value, units, locale, Number.isInteger(value) ? 0 : 1);
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

/** When to try again after a 429, as the locale says it: "in 5 minutes", "in 24 hours" (an hour when not told). */
export function retryIn(retryAfterSeconds: number | undefined, locale: string): string {
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60 * 60) / 60));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return minutes > 90 ? format.format(Math.ceil(minutes / 60), 'hour') : format.format(minutes, 'minute');
}
