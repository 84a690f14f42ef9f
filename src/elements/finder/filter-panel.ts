import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { AUDIENCES, CONDITIONS, FORMATS, LANGUAGES, MODELS, UNITS, type SearchFilters, type Units } from '../../schema/index.js';
import { audienceLabel, conditionLabel, formatLabel, languageName, modelLabel } from '../shared/terms.js';
import { isChosen } from './filters.js';

type ListFilter = 'condition' | 'audience' | 'format' | 'model';

const LISTS: [ListFilter, readonly { code: string }[], (code: string) => string, () => string][] = [
  ['condition', CONDITIONS, conditionLabel, () => msg('Type of diabetes')],
  ['audience', AUDIENCES, audienceLabel, () => msg('Who it is for')],
  ['format', FORMATS, formatLabel, () => msg('How it meets')],
  ['model', MODELS, modelLabel, () => msg('Kind of support')],
];

const unitName = (u: Units) => (u === 'km' ? msg('Kilometres') : msg('Miles'));

/**
 * The filter panel's fieldsets, and the choice of miles or kilometres
 * (`units` in `hidden` hides it). Loaded after the finder first shows: the
 * first search needs none of it (see `filtersDisclosure` in search-form.ts).
 */
export function filterFields(f: SearchFilters, units: Units, hidden: ReadonlySet<string>, locale: string) {
  const lists = LISTS.filter(([name]) => !hidden.has(name));
  const flags = (['free', 'family'] as const).filter((name) => !hidden.has(name));
  const showLanguage = !hidden.has('language');
  const showUnits = !hidden.has('units');
  const languages = [...new Set([...LANGUAGES.map((l) => l.code as string), f.language ?? ''].filter(Boolean))]
    .map((code) => [code, languageName(code, locale)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], locale));
  const box = (name: string, value: string, checked: boolean, label: string) =>
    html`<label class="check"><input type="checkbox" name=${name} value=${value} .checked=${checked} />${label}</label>`;

  return html`<div class="filter-grid">
    ${lists.map(
      ([name, terms, label, legend]) => html`<fieldset>
        <legend>${legend()}</legend>
        ${terms.map(({ code }) => box(name, code, isChosen(f, name, code), label(code)))}
      </fieldset>`,
    )}
    ${
      flags.length || showLanguage
        ? html`<fieldset>
          <legend>${msg('More options')}</legend>
          ${flags.includes('free') ? box('free', 'true', isChosen(f, 'free'), msg('Free groups only')) : nothing}
          ${flags.includes('family') ? box('family', 'true', isChosen(f, 'family'), msg('Family members welcome')) : nothing}
          ${
            showLanguage
              ? html`<label for="language">${msg('Language spoken')}</label>
                <select id="language" name="language">
                  <option value="" .selected=${!f.language}>${msg('Any language')}</option>
                  ${languages.map(([code, name]) => html`<option value=${code} .selected=${f.language === code}>${name}</option>`)}
                </select>`
              : nothing
          }
        </fieldset>`
        : nothing
    }
    ${
      showUnits
        ? html`<fieldset>
          <legend>${msg('Show distances in')}</legend>
          ${UNITS.map(
            (u) =>
              html`<label class="check"
                ><input type="radio" name="units" value=${u} .checked=${u === units} />${unitName(u)}</label
              >`,
          )}
        </fieldset>`
        : nothing
    }
  </div>`;
}
