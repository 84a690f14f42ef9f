/**
 * What the server writes for people (emails, the pages email links open, the
 * calendar's words), in English, Spanish and Welsh.
 * @module
 */
import type { Catalogue, MessageLanguage } from './catalogue.js';
import { cy } from './cy.js';
import { en } from './en.js';
import { es } from './es.js';

export { MESSAGE_LANGUAGES, type Catalogue, type MailText, type MessageLanguage, type PageText } from './catalogue.js';

const catalogues: Record<MessageLanguage, Catalogue> = { en, es, cy };

/** The catalogue for a language (English when there is none for it). */
export function catalogue(language: string | undefined): Catalogue {
  return catalogues[(language ?? 'en').toLowerCase().split('-')[0] as MessageLanguage] ?? en;
}
