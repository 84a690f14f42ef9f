/**
 * What the server writes for people (emails, the pages email links open, the
 * calendar's words), in English, Spanish and Welsh.
 * @module
 */
import type { Catalogue } from './catalogue.js';
import { cy } from './cy.js';
import { en } from './en.js';
import { es } from './es.js';

export { MESSAGE_LANGUAGES, type Catalogue, type MailText, type MessageLanguage, type PageText } from './catalogue.js';

// A Map, not an object: a language read from a URL (`lang=__proto__`) must not reach Object.prototype.
const catalogues = new Map<string, Catalogue>([en, es, cy].map((c) => [c.language, c]));

/**
 * How dates and times are written for a group's readers: their language with
 * the conventions of the group's country (en-GB in Leeds, en-US in Queens).
 */
export function localeFor(language: string, group: { location?: { country: string } | undefined; schedule: { timeZone: string } }): string {
  const region = group.location?.country ?? (group.schedule.timeZone.startsWith('America/') ? 'US' : 'GB');
  return `${language}-${region}`;
}

/** The catalogue for a language (English when there is none for it). */
export function catalogue(language: string | undefined): Catalogue {
  return catalogues.get((language ?? 'en').toLowerCase().split('-')[0]!) ?? en;
}
