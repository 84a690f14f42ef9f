import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { AUDIENCES, CONDITIONS, FORMATS, MODELS, type SearchQuery } from '../../schema/index.js';
import { audienceLabel, conditionLabel, formatLabel, languageName, modelLabel } from '../shared/terms.js';

/** The finder's filters, named as the API's query parameters. */
export interface Filters {
  condition: string[];
  audience: string[];
  format: string[];
  model: string[];
  free: boolean;
  family: boolean;
  language: string;
}

type ListFilter = 'condition' | 'audience' | 'format' | 'model';

const LISTS: [ListFilter, readonly { code: string }[], (code: string) => string, () => string][] = [
  ['condition', CONDITIONS, conditionLabel, () => msg('Type of diabetes')],
  ['audience', AUDIENCES, audienceLabel, () => msg('Who it is for')],
  ['format', FORMATS, formatLabel, () => msg('How it meets')],
  ['model', MODELS, modelLabel, () => msg('Kind of support')],
];

/** Languages offered in the language filter (the directory's groups may list others). */
const LANGUAGES = ['en', 'cy', 'gd', 'ga', 'es', 'pl', 'pa', 'ur', 'bn', 'gu', 'ar', 'so', 'zh', 'pt', 'ro'];

const split = (s: string | null, codes?: readonly { code: string }[]) =>
  (s ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && (!codes || codes.some((t) => t.code === c)));

/**
 * Filters from attribute-style text: lists comma-separated (`type1,type2`),
 * booleans present or `true`. Unknown codes are dropped.
 */
export function parseFilters(get: (name: keyof Filters) => string | null | boolean | undefined): Filters {
  const list = (name: ListFilter) => split(get(name) as string | null, LISTS.find((l) => l[0] === name)![1]);
  const flag = (name: 'free' | 'family') => {
    const v = get(name);
    return v === true || v === '' || v === 'true';
  };
  return {
    condition: list('condition'),
    audience: list('audience'),
    format: list('format'),
    model: list('model'),
    free: flag('free'),
    family: flag('family'),
    language: ((get('language') as string | null) ?? '').trim().toLowerCase(),
  };
}

/** The filters a form holds; filters not shown keep their preset values. */
export function readFilters(form: HTMLFormElement, presets: Filters, hidden: Set<string>): Filters {
  const data = new FormData(form);
  return parseFilters((name) =>
    hidden.has(name)
      ? (presets[name] as string[] | string | boolean).toString()
      : name === 'free' || name === 'family'
        ? data.has(name)
        : data.getAll(name).join(','),
  );
}

/** The filters as search query fields (only those that narrow the search). */
export function filterQuery(f: Filters): Partial<SearchQuery> {
  return {
    condition: f.condition,
    audience: f.audience,
    format: f.format,
    model: f.model,
    free: f.free || undefined,
    family: f.family || undefined,
    language: f.language || undefined,
  } as Partial<SearchQuery>;
}

/** How many filters narrow the search, counting only those people can see and change. */
export function countFilters(f: Filters, hidden: Set<string>): number {
  const counts: Record<keyof Filters, number> = {
    condition: f.condition.length,
    audience: f.audience.length,
    format: f.format.length,
    model: f.model.length,
    free: +f.free,
    family: +f.family,
    language: +!!f.language,
  };
  return Object.entries(counts).reduce((n, [k, v]) => (hidden.has(k) ? n : n + v), 0);
}

/** The filter panel: a disclosure of fieldsets, short enough for a phone. */
export function filterPanel(f: Filters, hidden: Set<string>, locale: string) {
  const lists = LISTS.filter(([name]) => !hidden.has(name));
  const flags = (['free', 'family'] as const).filter((name) => !hidden.has(name));
  const showLanguage = !hidden.has('language');
  if (!lists.length && !flags.length && !showLanguage) return nothing;
  const n = countFilters(f, hidden);
  const languages = [...new Set([...LANGUAGES, f.language].filter(Boolean))]
    .map((code) => [code, languageName(code, locale)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], locale));
  const box = (name: string, value: string, checked: boolean, label: string) =>
    html`<label class="check"><input type="checkbox" name=${name} value=${value} .checked=${checked} />${label}</label>`;

  return html`<details part="filters" class="filters">
    <summary>${n ? msg(str`Filters (${n} chosen)`) : msg('Filters')}</summary>
    <div class="filter-grid">
      ${lists.map(
        ([name, terms, label, legend]) => html`<fieldset>
          <legend>${legend()}</legend>
          ${terms.map(({ code }) => box(name, code, f[name].includes(code), label(code)))}
        </fieldset>`,
      )}
      ${flags.length || showLanguage
        ? html`<fieldset>
            <legend>${msg('More options')}</legend>
            ${flags.includes('free') ? box('free', 'true', f.free, msg('Free groups only')) : nothing}
            ${flags.includes('family') ? box('family', 'true', f.family, msg('Family members welcome')) : nothing}
            ${showLanguage
              ? html`<label for="language">${msg('Language spoken')}</label>
                  <select id="language" name="language">
                    <option value="" .selected=${!f.language}>${msg('Any language')}</option>
                    ${languages.map(([code, name]) => html`<option value=${code} .selected=${f.language === code}>${name}</option>`)}
                  </select>`
              : nothing}
          </fieldset>`
        : nothing}
    </div>
  </details>`;
}
