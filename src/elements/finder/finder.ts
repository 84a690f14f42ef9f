import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { DEFAULT_LIMIT, DEFAULT_RADIUS, MAX_RADIUS, type Group, type SearchQuery, type SearchResult, type Units } from '../../schema/index.js';
import { UnknownPlaceError, ValidationError } from '../../index.js';
import { toSearchParams } from '../../sdk/search-params.js';
import { controls, tokens } from '../styles/tokens.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { directoryClient } from '../shared/directory.js';
import { parsePlace } from '../shared/place.js';
import { formatDistance, localeOf, unitsFor } from '../shared/intl.js';
import type { PeerGroupCard, PeerSelectDetail } from '../group-card/group-card.js';
import type { PeerGroupDetails } from '../group-details/group-details.js';
import { countFilters, filterPanel, filterQuery, parseFilters, readFilters, type Filters } from './filters.js';
import { noneFound, problem, resultList } from './results.js';
import { UrlSyncController } from './url-sync.js';
import { finderStyles } from './finder.styles.js';

/** Where a search measures from: what people typed, or their device's location. */
type Where = { near: string } | { lat: number; lng: number };

/** Online and telephone groups shown before "show all": they are the same in every search, so they come second. */
const EVERYWHERE_SHOWN = 3;

/** Radius choices offered, in the finder's units. */
const RADII = [1, 3, 5, 10, 25, 50, 100, MAX_RADIUS];

/**
 * @summary Finds diabetes peer-support groups near a UK postcode, a US ZIP
 * code or the person's location, nearest first, with the online and
 * telephone groups open to everyone listed in every search.
 *
 * Needs only `api`. Filters can be preset (`conditions="type1"`) and hidden
 * (`hide-filters="condition"`). Several finders can share a page. Defines
 * `<peer-group-card>` and `<peer-group-details>`, which it shows results and
 * details with.
 *
 * @event peer-search - A search started (also for "show more"). `detail`: the `SearchQuery` sent.
 * @event peer-results - Results arrived. `detail`: the `SearchResult` (pages so far, merged).
 * @event peer-select - Someone opened a group's details. `detail: { group }`. Call
 *   `preventDefault()` to show the group yourself instead of the finder's details view.
 *
 * @csspart base - Everything.
 * @csspart search - The search form.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart input - The postcode field.
 * @csspart submit - The search button.
 * @csspart locate - The "use my location" button.
 * @csspart filters - The filter disclosure.
 * @csspart status - The line that says what was found (a polite live region).
 * @csspart results - The area below it: results, "none found" or an error.
 * @csspart list - Each list of group cards.
 * @csspart everywhere - The section of online and telephone groups open to everyone.
 * @csspart more - The "show more groups" button.
 * @csspart none-found - Next steps when nothing is near.
 * @csspart problem - A failed search, with its retry button.
 * @csspart details - The details view (a back button and `<peer-group-details>`).
 * @csspart back - The "back to results" button.
 *
 * @cssprop --peer-color-primary - Buttons, links, accents.
 * @cssprop --peer-color-text - Body text.
 * @cssprop --peer-color-error - Error messages and borders.
 * @cssprop --peer-color-focus - The focus highlight.
 * @cssprop --peer-font-family - Defaults to the page's font.
 * @cssprop --peer-max-width - The widest the finder grows.
 */
@localized()
export class PeerFinder extends LitElement {
  static override styles = [tokens, controls, finderStyles];

  /** The directory API's base URL, e.g. `https://directory.example.org`. Defaults to this page's origin. */
  @property() api = '';
  /** The radius searched at first, in `units`. */
  @property({ type: Number }) radius = DEFAULT_RADIUS;
  /** `mi` or `km`; by default, what the language's region uses (miles for English and Welsh). */
  @property() units?: Units;
  /** The language, e.g. `es`; by default the page's. */
  @property({ reflect: true }) override lang!: string;
  /** Preset diabetes types, comma-separated codes, e.g. `type1`. */
  @property() conditions = '';
  /** Preset audiences, e.g. `families,children`. */
  @property() audiences = '';
  /** Preset formats, e.g. `online,telephone`. */
  @property() formats = '';
  /** Preset models of peer support, e.g. `support-group`. */
  @property() models = '';
  /** Preset: free groups only. */
  @property({ type: Boolean }) free = false;
  /** Preset: groups that welcome family members. */
  @property({ type: Boolean }) family = false;
  /** Preset language, e.g. `cy`. */
  @property() language = '';
  /** Filters not to show, comma-separated: `condition,audience,format,model,free,family,language,radius`. Hidden filters keep their preset. */
  @property({ attribute: 'hide-filters' }) hideFilters = '';
  /** The host's "start a group" page, offered when nothing is found nearby. */
  @property({ attribute: 'start-group-href' }) startGroupHref = '';
  /** The host's checklist page (`<peer-checklist>`): the details view links each group to it ("Add to my checklist", "Add to compare"). */
  @property({ attribute: 'checklist-href' }) checklistHref = '';
  /** Keep the search in the page's address, so back/forward and shared links restore it. Use on one finder per page. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Groups per page ("show more" fetches the next page). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_LIMIT;

  @state() private place = '';
  @state() private radiusChoice = DEFAULT_RADIUS;
  @state() private filters: Filters = parseFilters(() => '');
  @state() private fieldError = '';
  @state() private locating = false;
  @state() private result?: SearchResult;
  @state() private selected?: { id: string; group?: Group };
  @state() private allEverywhere = false;

  private where?: Where;
  /** The search last sent, and the one whose results are shown. */
  private lastQuery?: SearchQuery;
  private shownQuery?: SearchQuery;
  /** Whether opening the details view added a history entry that Back can undo. */
  private pushedDetails = false;
  private focusNext?: string | (() => unknown);
  private urlSync = new UrlSyncController(this, (params) => this.restore(params));

  private search = new Task<[SearchQuery], SearchResult>(this, {
    autoRun: false,
    task: async ([query], { signal }) => {
      const page = await directoryClient(this.api || location.origin).groups.search(query, { signal });
      const before = this.result;
      return query.cursor && before
        ? { ...page, groups: [...before.groups, ...page.groups], everywhere: before.everywhere }
        : page;
    },
    onComplete: (result) => {
      const shown = this.lastQuery?.cursor ? (this.result?.groups.length ?? 0) : -1;
      this.result = result;
      this.shownQuery = this.lastQuery;
      if (shown >= 0) this.focusNext = () => this.cards()[shown]?.focus();
      else if (this.selected && !this.selected.group) {
        this.selected = { id: this.selected.id, group: this.findGroup(this.selected.id) };
      }
      this.resultsArrived = true;
    },
    onError: (error) => {
      // Cancelled on purpose (a place error, or Back to no search): nothing to report.
      if ((error as Error | undefined)?.name === 'AbortError') return;
      if (error instanceof UnknownPlaceError) {
        this.fail(msg(str`We could not find ${this.placeLabel(this.lastQuery)}. Check it, or try a nearby postcode or town.`));
      } else if (error instanceof ValidationError && error.errors.some((e) => /^#?\/?(near)?$/.test(e.pointer))) {
        this.fail(this.invalidPlace());
      } else {
        if (!this.lastQuery?.cursor) this.result = undefined;
        this.focusNext = '[part=problem]';
      }
    },
  });
  private resultsArrived = false;

  override connectedCallback() {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  private get locale() {
    return localeOf(this);
  }

  private get unitsInUse(): Units {
    return this.units === 'km' || this.units === 'mi' ? this.units : unitsFor(this.locale);
  }

  private get hiddenFilters() {
    return new Set(this.hideFilters.split(',').map((s) => s.trim()));
  }

  private presets(): Filters {
    return parseFilters((name) =>
      name === 'free' || name === 'family' || name === 'language' ? this[name] : this[`${name}s`],
    );
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (['conditions', 'audiences', 'formats', 'models', 'free', 'family', 'language'].some((k) => changed.has(k as keyof PeerFinder))) {
      this.filters = this.presets();
    }
    if (changed.has('radius')) this.radiusChoice = this.radius;
    if (changed.has('lang') && this.hasUpdated) void useLocale(languageOf(this));
  }

  protected override firstUpdated() {
    if (this.syncUrl) this.restore(new URLSearchParams(location.search));
  }

  protected override async updated() {
    if (this.resultsArrived && this.result) {
      this.resultsArrived = false;
      performance.mark('peer-finder-results');
      this.emit('peer-results', this.result);
    }
    const target = this.focusNext;
    this.focusNext = undefined;
    if (typeof target === 'function') {
      await Promise.all(this.cards('').map((c) => c.updateComplete));
      target();
    } else if (target) {
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
  }

  override render() {
    const pending = this.search.status === TaskStatus.PENDING;
    const hidden = this.hiddenFilters;
    const err = this.fieldError;
    const sel = this.selected;
    return html`<div part="base" lang=${this.locale}>
      <div ?hidden=${!!sel} class="finder">
        <form part="search" novalidate @submit=${this.onSubmit} @change=${this.onChange}>
          ${err
            ? html`<div part="error-summary" class="error-summary" tabindex="-1">
                <h2>${msg('There is a problem')}</h2>
                <ul>
                  <li><a href="#place" @click=${this.focusPlace}>${err}</a></li>
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
                .value=${this.place}
                @input=${(e: InputEvent) => (this.place = (e.target as HTMLInputElement).value)}
              />
            </div>
            ${hidden.has('radius') ? nothing : this.radiusField()}
            <button part="submit">${msg('Search')}</button>
            <button type="button" class="secondary" part="locate" @click=${this.locate}>
              ${msg('Use my location')}
            </button>
          </div>
          ${filterPanel(this.filters, hidden, this.locale)}
        </form>
        <p part="status" class="status" role="status" tabindex="-1">${this.statusText(pending)}</p>
        <div part="results" class=${pending && !this.lastQuery?.cursor ? 'busy' : ''} aria-busy=${pending}>
          ${this.resultsView(pending)}
        </div>
      </div>
      ${sel
        ? html`<div part="details" class="details">
            <button class="secondary" part="back" @click=${this.back}>${msg('Back to results')}</button>
            <peer-group-details
              .group=${sel.group}
              group-id=${sel.id}
              api=${this.api || location.origin}
              checklist-href=${this.checklistHref}
            ></peer-group-details>
          </div>`
        : nothing}
    </div>`;
  }

  /** Whether the last search failed (one cancelled on purpose has not). */
  private failed() {
    return this.search.status === TaskStatus.ERROR && (this.search.error as Error | undefined)?.name !== 'AbortError';
  }

  private radiusField() {
    const units = this.unitsInUse;
    const radii = [...new Set([...RADII, this.radiusChoice])].sort((a, b) => a - b);
    return html`<div class="field">
      <label for="radius">${msg('Distance')}</label>
      <select id="radius" name="radius">
        ${radii.map(
          (r) =>
            html`<option value=${r} .selected=${r === this.radiusChoice}>
              ${msg(str`Within ${formatDistance(r, units, this.locale)}`)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private statusText(pending: boolean): string {
    if (this.locating) return msg('Finding your location…');
    if (pending) return this.lastQuery?.cursor ? msg('Loading more groups…') : msg('Searching…');
    const r = this.result;
    if (!r || this.failed()) return '';
    const n = r.groups.length;
    const where = this.placeLabel();
    const radius = formatDistance(r.radius, r.units, this.locale);
    const near = !n
      ? msg(str`No groups meet within ${radius} of ${where}.`)
      : r.nextCursor
        ? msg(str`Showing the ${n} nearest groups within ${radius} of ${where}.`)
        : n === 1
          ? msg(str`1 group found within ${radius} of ${where}.`)
          : msg(str`${n} groups found within ${radius} of ${where}.`);
    const m = r.everywhere.length;
    return !m
      ? near
      : m === 1
        ? msg(str`${near} 1 group online or by telephone is open to everyone.`)
        : msg(str`${near} ${m} groups online or by telephone are open to everyone.`);
  }

  private resultsView(pending: boolean) {
    if (this.failed() && !this.fieldError) {
      return html`${this.result ? this.lists(false) : nothing}${problem(this.search.error, () => this.retry())}`;
    }
    if (!this.result) {
      return pending || this.fieldError
        ? nothing
        : html`<p class="intro">
            ${msg('Enter a postcode, ZIP code or town to find peer support groups near you. Groups that meet online or by telephone are listed in every search.')}
          </p>`;
    }
    return this.lists(pending);
  }

  private lists(pending: boolean) {
    const r = this.result!;
    const units = r.units;
    const next = RADII.find((x) => x > r.radius);
    const filtered = countFilters(this.filters, this.hiddenFilters) > 0;
    return html`${r.groups.length
      ? resultList(
          msg(str`Groups near ${this.placeLabel()}`),
          r.groups,
          units,
          r.nextCursor && html`<button class="secondary" part="more" aria-disabled=${pending} @click=${this.more}>
            ${pending ? msg('Loading more groups…') : msg('Show more groups')}
          </button>`,
        )
      : noneFound({
          widen: next ? [formatDistance(next, units, this.locale), () => this.widen(next)] : undefined,
          clear: filtered ? () => this.clearFilters() : undefined,
          online: r.everywhere.length > 0,
          startHref: this.startGroupHref,
        })}
    ${r.everywhere.length
      ? resultList(
          msg('Online and telephone groups open to everyone'),
          this.allEverywhere ? r.everywhere : r.everywhere.slice(0, EVERYWHERE_SHOWN),
          units,
          !this.allEverywhere &&
            r.everywhere.length > EVERYWHERE_SHOWN &&
            html`<button class="secondary" part="more" @click=${this.showAllEverywhere}>
              ${msg(str`Show all ${r.everywhere.length} online and telephone groups`)}
            </button>`,
          msg('These groups meet online or by telephone and welcome people wherever they live.'),
        )
      : nothing}`;
  }

  // ---- searching

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const place = parsePlace(this.place);
    if (!place) return this.fail(this.place.trim() ? this.invalidPlace() : msg('Enter a postcode, ZIP code or town'));
    this.place = place.value;
    this.searchFrom({ near: place.value });
  }

  private onChange(e: Event) {
    const target = e.target as HTMLInputElement;
    if (target.name === 'near') return;
    if (target.name === 'radius') this.radiusChoice = Number(target.value);
    else this.filters = readFilters(e.currentTarget as HTMLFormElement, this.presets(), this.hiddenFilters);
    if (this.where) this.run();
  }

  private showAllEverywhere() {
    this.allEverywhere = true;
    this.focusNext = () => this.cards('everywhere')[EVERYWHERE_SHOWN]?.focus();
  }

  private searchFrom(where: Where, push = true) {
    this.where = where;
    this.fieldError = '';
    this.selected = undefined;
    this.run(undefined, push);
  }

  private run(cursor?: string, push = true) {
    const where = this.where!;
    const query: SearchQuery = {
      ...where,
      radius: this.radiusChoice,
      units: this.unitsInUse,
      ...filterQuery(this.filters),
      limit: this.pageSize,
      cursor,
    };
    if (!cursor) {
      this.writeUrl(!push);
      this.allEverywhere = false;
    }
    this.lastQuery = query;
    performance.mark('peer-finder-search');
    this.emit('peer-search', query);
    void this.search.run([query]);
  }

  private retry() {
    if (this.lastQuery) {
      this.focusNext = '[part=status]';
      this.run(this.lastQuery.cursor, false);
    }
  }

  private more(e: Event) {
    if ((e.currentTarget as HTMLElement).getAttribute('aria-disabled') !== 'true') this.run(this.result?.nextCursor ?? undefined);
  }

  private widen(radius: number) {
    this.radiusChoice = radius;
    this.focusNext = '[part=status]';
    this.run();
  }

  private clearFilters() {
    const hidden = this.hiddenFilters;
    const presets = this.presets();
    this.filters = parseFilters((name) => (hidden.has(name) ? presets[name].toString() : ''));
    this.focusNext = '[part=status]';
    this.run();
  }

  private locate() {
    const geo = navigator.geolocation;
    if (this.locating) return;
    if (!geo) return this.fail(msg('Your browser cannot share your location. Enter a postcode or town instead.'));
    this.locating = true;
    geo.getCurrentPosition(
      ({ coords }) => {
        this.locating = false;
        this.place = '';
        // About 100 m: close enough for distances, and no more of someone's location than needed.
        const round = (x: number) => Math.round(x * 1000) / 1000;
        this.searchFrom({ lat: round(coords.latitude), lng: round(coords.longitude) });
      },
      (error) => {
        this.locating = false;
        this.fail(
          error.code === error.PERMISSION_DENIED
            ? msg('This page is not allowed to use your location. Enter a postcode or town instead, or allow location in your browser’s settings.')
            : msg('We could not find your location. Enter a postcode or town instead.'),
        );
      },
      { timeout: 15_000, maximumAge: 600_000 },
    );
  }

  /** Shows a problem with the place, beside the field and in the error summary, which gets focus. */
  private fail(message: string) {
    this.search.abort();
    this.fieldError = message;
    this.result = undefined;
    this.focusNext = '.error-summary';
  }

  private invalidPlace() {
    return msg('Enter a postcode like SW1A 1AA, a ZIP code like 10001, or a town');
  }

  private focusPlace(e: Event) {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>('#place')?.focus();
  }

  private placeLabel(q = this.shownQuery): string {
    if (q?.lat !== undefined) return msg('your location');
    return (q === this.shownQuery ? this.result?.origin?.label : undefined) ?? q?.near ?? '';
  }

  // ---- details

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('peer-select', (e) => {
      const { group } = (e as CustomEvent<PeerSelectDetail>).detail;
      // After the event has reached the page: the host may prevent the finder's own view.
      queueMicrotask(() => {
        if (!e.defaultPrevented) this.open(group);
      });
    });
    return root;
  }

  private open(group: Group) {
    this.selected = { id: group.id, group };
    this.writeUrl();
    this.pushedDetails = this.syncUrl;
    this.focusNext = () => this.focusDetails();
  }

  private async focusDetails() {
    const view = this.detailsView();
    await view?.loaded;
    view?.focus();
  }

  private back() {
    if (this.pushedDetails && new URLSearchParams(location.search).has('group')) return history.back();
    this.close();
    this.writeUrl(true);
  }

  private close() {
    const id = this.selected?.id;
    this.selected = undefined;
    this.pushedDetails = false;
    this.focusNext = () => (this.cards('').find((c) => c.group?.id === id) ?? this.renderRoot.querySelector<HTMLElement>('#place'))?.focus();
  }

  private findGroup(id: string): Group | undefined {
    const r = this.result;
    return r && [...r.groups, ...r.everywhere].find((g) => g.id === id);
  }

  /** The cards of one section (`nearby`, `everywhere`), or of both (`''`). */
  private cards(section = 'nearby') {
    return [...this.renderRoot.querySelectorAll<PeerGroupCard>(`${section && `[part=${section}]`} peer-group-card`)];
  }

  private detailsView() {
    return this.renderRoot.querySelector<PeerGroupDetails>('peer-group-details');
  }

  // ---- the page's address

  private writeUrl(replace = false) {
    const params = this.searchParams();
    if (this.selected) params.set('group', this.selected.id);
    this.urlSync.write(params, replace);
  }

  /** The search shown, as the address writes it. */
  private searchParams(): URLSearchParams {
    const where = this.where;
    return where
      ? toSearchParams({ ...where, radius: this.radiusChoice, ...filterQuery(this.filters) })
      : new URLSearchParams();
  }

  /** Shows what the address says: a search, a group, or the initial state. */
  private restore(p: URLSearchParams) {
    const presets = this.presets();
    const hidden = this.hiddenFilters;
    const shown = this.searchParams().toString();
    // An address with no search of ours keeps the host's presets.
    const ours = ['near', 'lat'].some((k) => p.has(k));
    this.filters = ours
      ? parseFilters((name) => (hidden.has(name) ? presets[name].toString() : p.get(name)))
      : presets;
    this.radiusChoice = Math.min(Math.max(Number(p.get('radius')) || this.radius, 0.1), MAX_RADIUS);
    const near = parsePlace(p.get('near') ?? '');
    const lat = Number(p.get('lat'));
    const lng = Number(p.get('lng'));
    this.where = near
      ? { near: near.value }
      : p.has('lat') && p.has('lng') && Number.isFinite(lat) && Number.isFinite(lng)
        ? { lat, lng }
        : undefined;
    this.place = near?.value ?? '';
    this.fieldError = '';
    const id = p.get('group');
    if (id) {
      this.selected = { id, group: this.findGroup(id) };
      this.focusNext = () => this.focusDetails();
    } else if (this.selected) {
      this.close();
    }
    // Back from a group's details to the same search: the results are still here.
    if (this.searchParams().toString() === shown && (this.result || this.search.status === TaskStatus.PENDING)) return;
    if (this.where) {
      this.run(undefined, false);
    } else {
      this.search.abort();
      this.result = undefined;
      this.lastQuery = undefined;
    }
  }

  private emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementEventMap {
    'peer-search': CustomEvent<SearchQuery>;
    'peer-results': CustomEvent<SearchResult>;
  }
}
