import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

type Locale = typeof sourceLocale | (typeof targetLocales)[number];

let localization: ReturnType<typeof configureLocalization> | undefined;

const catalogues = {
  cy: () => import('./generated/cy.js'),
  es: () => import('./generated/es.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<LocaleModule>>;

/** The supported locale closest to a BCP 47 tag (`es-MX` → `es`), or English. */
export function matchLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').toLowerCase().split('-')[0] as Locale;
  return (targetLocales as readonly string[]).includes(primary) ? primary : sourceLocale;
}

/**
 * Switch every peer element on the page to a language. @lit/localize keeps
 * one locale per page, so the first element to ask configures it; elements
 * marked `@localized()` re-render when it changes.
 */
export function useLocale(tag: string | null | undefined): Promise<void> {
  const locale = matchLocale(tag);
  if (!localization) {
    if (locale === sourceLocale) return Promise.resolve();
    localization = configureLocalization({
      sourceLocale,
      targetLocales,
      // Catalogues are small; the CDN build inlines these imports so it stays one file. Each path is
      // written out: bundlers and the test server cannot follow an import built from a variable.
      loadLocale: (l) => catalogues[l as keyof typeof catalogues](),
    });
  }
  return localization.getLocale() === locale ? Promise.resolve() : localization.setLocale(locale);
}

/** The language an element should speak: its own `lang`, else the nearest ancestor's, else the page's. */
export function languageOf(el: Element): string {
  return el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || sourceLocale;
}
