import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { MAX_RADIUS, type Units } from '../../schema/index.js';
import { formatDistance } from '../shared/intl.js';
import { filterPanel, type Filters } from './filters.js';

/** Radius choices offered, in the finder's units. */
export const RADII = [1, 3, 5, 10, 25, 50, 100, MAX_RADIUS];

/** What the search form shows, and where it reports what people do. */
export interface SearchFormOptions {
  /** What is typed in the place field. */
  place: string;
  /** The problem with the place, shown beside it and in the error summary; empty when none. */
  error: string;
  radius: number;
  units: Units;
  filters: Filters;
  /** Filters (and `radius`) the host hides. */
  hidden: Set<string>;
  locale: string;
  onSubmit: (e: SubmitEvent) => void;
  /** A filter or the radius changed. */
  onChange: (e: Event) => void;
  onInput: (place: string) => void;
  onLocate: () => void;
  /** The error summary's link was followed. */
  onErrorLink: (e: Event) => void;
}

/** The search form: the GOV.UK error summary, the place field, the radius, the two ways to search, and the filters. */
export function searchForm(o: SearchFormOptions) {
  const err = o.error;
  return html`<form part="search" novalidate @submit=${o.onSubmit} @change=${o.onChange}>
    ${err
      ? html`<div part="error-summary" class="error-summary" tabindex="-1">
          <h2>${msg('There is a problem')}</h2>
          <ul>
            <li><a href="#place" @click=${o.onErrorLink}>${err}</a></li>
          </ul>
        </div>`
      : nothing}
    <div class="bar">
      <div class="field place">
        <label for="place">${msg('Postcode, ZIP code or town')}</label>
        <p class="hint" id="place-hint">${msg('For example, SW1A 1AA, 10001 or Leeds')}</p>
        ${err
          ? html`<p class="error-message" id="place-error">
              <span class="visually-hidden">${msg('Error:')}</span> ${err}
            </p>`
          : nothing}
        <input
          id="place"
          part="input"
          name="near"
          autocomplete="postal-code"
          spellcheck="false"
          aria-describedby=${err ? 'place-hint place-error' : 'place-hint'}
          aria-invalid=${err ? 'true' : 'false'}
          .value=${o.place}
          @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value)}
        />
      </div>
      ${o.hidden.has('radius') ? nothing : radiusField(o.radius, o.units, o.locale)}
      <button part="submit">${msg('Search')}</button>
      <button type="button" class="secondary" part="locate" @click=${o.onLocate}>
        ${msg('Use my location')}
      </button>
    </div>
    ${filterPanel(o.filters, o.hidden, o.locale)}
  </form>`;
}

function radiusField(chosen: number, units: Units, locale: string) {
  const radii = [...new Set([...RADII, chosen])].sort((a, b) => a - b);
  return html`<div class="field">
    <label for="radius">${msg('Distance')}</label>
    <select id="radius" name="radius">
      ${radii.map(
        (r) =>
          html`<option value=${r} .selected=${r === chosen}>
            ${msg(str`Within ${formatDistance(r, units, locale)}`)}
          </option>`,
      )}
    </select>
  </div>`;
}
