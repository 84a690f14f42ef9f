import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { FILTER_KEYS, MAX_RADIUS, type SearchFilters, type Units } from '../../schema/index.js';
import { errorMessage } from '../shared/error-message.js';
import { errorSummary } from '../shared/error-summary.js';
import { formatRadius } from '../shared/intl.js';
import { countFilters } from './filters.js';
import type { filterFields } from './filter-panel.js';

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
  filters: SearchFilters;
  /** Filters (and `radius`, `units`) the host hides. */
  hidden: ReadonlySet<string>;
  locale: string;
  onSubmit: (e: SubmitEvent) => void;
  /** A filter, the radius or the units changed. */
  onChange: (e: Event) => void;
  /** A key was pressed in the Distance list (its changes then wait for Enter or leaving the list). */
  onRadiusKey: (e: KeyboardEvent) => void;
  /** Focus left the Distance list. */
  onRadiusLeave: () => void;
  onInput: (place: string) => void;
  onLocate: () => void;
  /** The filter panel's fields, once loaded; until then the panel is its closed disclosure alone. */
  fields?: typeof filterFields | undefined;
}

/** The search form: the GOV.UK error summary, the place field, the radius, the two ways to search, and the filters. */
export function searchForm(o: SearchFormOptions) {
  const err = o.error;
  return html`<form part="search" novalidate @submit=${o.onSubmit} @change=${o.onChange}>
    ${errorSummary(err ? [{ target: 'place', message: err }] : [])}
    <div class="bar">
      <div class="field place">
        <label for="place">${msg('Postcode, ZIP code or town')}</label>
        <p class="hint" id="place-hint">${msg('For example, SW1A 1AA, 10001 or Leeds')}</p>
        ${errorMessage('place', err)}
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
      ${o.hidden.has('radius') ? nothing : radiusField(o)}
      <button part="submit">${msg('Search')}</button>
      <button type="button" class="secondary" part="locate" @click=${o.onLocate}>
        ${msg('Use my location')}
      </button>
    </div>
    ${filtersDisclosure(o)}
  </form>`;
}

/** The filters: a disclosure, short enough for a phone, closed at first. */
function filtersDisclosure(o: SearchFormOptions) {
  if ([...FILTER_KEYS, 'units'].every((key) => o.hidden.has(key))) return nothing;
  const n = countFilters(o.filters, o.hidden);
  return html`<details part="filters" class="filters">
    <summary>${n ? msg(str`Filters (${n} chosen)`) : msg('Filters')}</summary>
    ${o.fields ? o.fields(o.filters, o.units, o.hidden, o.locale) : nothing}
  </details>`;
}

function radiusField(o: SearchFormOptions) {
  const radii = [...new Set([...RADII, o.radius])].sort((a, b) => a - b);
  return html`<div class="field">
    <label for="radius">${msg('Distance')}</label>
    <select id="radius" name="radius" @keydown=${o.onRadiusKey} @blur=${o.onRadiusLeave}>
      ${radii.map(
        (r) =>
          html`<option value=${r} .selected=${r === o.radius}>
            ${msg(str`Within ${formatRadius(r, o.units, o.locale)}`)}
          </option>`,
      )}
    </select>
  </div>`;
}

/**
 * The Distance list, changed with the arrow keys, searches once the person is
 * done (Enter, or leaving the list), not at each key.
 */
export class DistanceKeys {
  private unsent = false;
  private keying = false;

  constructor(private readonly send: () => void) {}

  /** A key pressed in the list. */
  readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.done();
      return;
    }
    // The list changes in this key's default action, before the next task.
    this.keying = true;
    setTimeout(() => (this.keying = false));
  };

  /** The list changed: whether its search waits until the person is done. */
  holds(): boolean {
    if (this.keying) this.unsent = true;
    return this.keying;
  }

  /** Enter, or focus left the list: the search a change waits for. */
  readonly done = () => {
    if (!this.unsent) return;
    this.unsent = false;
    this.send();
  };

  /** The form is submitted: that search covers any change waiting. */
  reset(): void {
    this.unsent = false;
  }
}
