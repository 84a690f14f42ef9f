import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { DEFAULT_LIMIT, DEFAULT_RADIUS, type Group, type SearchQuery, type SearchResult, type Units } from '../../schema/index.js';
import { UnknownPlaceError, ValidationError } from '../../index.js';
import { controls, tokens } from '../styles/tokens.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { directoryClient } from '../shared/directory.js';
import { recognisePlace } from '../../schema/index.js';
import { localeOf, unitsFor } from '../shared/intl.js';
import type { PeerGroupCard, PeerSelectDetail } from '../group-card/group-card.js';
import type { PeerGroupDetails } from '../group-details/group-details.js';
import { addressParams, readAddress, type Where } from './address.js';
import { DetailsLoader } from './details-view.js';
import { countFilters, filterQuery, parseFilters, readFilters, type Filters } from './filters.js';
import { EVERYWHERE_SHOWN, resultsArea, statusText } from './results.js';
import { searchForm } from './search-form.js';
import { UrlSyncController } from './url-sync.js';
import { finderStyles } from './finder.styles.js';

/**
 * @summary Finds diabetes peer-support groups near a UK postcode, a US ZIP
 * code or the person's location, nearest first, with the online and
 * telephone groups open to everyone listed in every search.
 *
 * Needs only `api`. Filters can be preset (`conditions="type1"`) and hidden
 * (`hide-filters="condition"`). Several finders can share a page. Defines
 * `<peer-group-card>`, which it shows results with, and, the first time
 * someone opens a group, `<peer-group-details>` (loaded only then).
 *
 * @event {CustomEvent<SearchQuery>} peer-search - A search started (also for "show more"). `detail`: the `SearchQuery` sent.
 * @event {CustomEvent<SearchResult>} peer-results - Results arrived. `detail`: the `SearchResult` (pages so far, merged).
 * @event {CustomEvent<PeerSelectDetail>} peer-select - Someone opened a group's details. `detail: { group }`. Call
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
 * @csspart alternatives - "Not the Newport you meant?": other places of the name searched, each a button that searches from it.
 * @csspart results - The area below it: results, "none found" or an error.
 * @csspart list - Each list of group cards.
 * @csspart nearby - The section of groups near the place searched.
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
  @property({ type: Number }) radius: number = DEFAULT_RADIUS;
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
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = DEFAULT_LIMIT;

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
  private details = new DetailsLoader(this);

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
    // Only as a group opens: a failed load waits for its retry button rather than rerunning on every render.
    const opened = (changed as PropertyValues).has('selected') && !(changed as PropertyValues).get('selected');
    if (opened && this.selected) this.details.load();
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
    const sel = this.selected;
    const more = !!this.lastQuery?.cursor;
    const failed = this.failed();
    const where = this.placeLabel();
    const said = { locating: this.locating, pending, more, failed, result: this.result, where, locale: this.locale };
    const status = statusText(said);
    // While searching, the line keeps the room the last answer took, so the old results below it do not move.
    const held = this.locating || pending ? statusText({ ...said, locating: false, pending: false }) : '';
    return html`<div part="base" lang=${this.locale}>
      <div ?hidden=${!!sel} class="finder">
        ${searchForm({
          place: this.place,
          error: this.fieldError,
          radius: this.radiusChoice,
          units: this.unitsInUse,
          filters: this.filters,
          hidden,
          locale: this.locale,
          onSubmit: (e) => this.onSubmit(e),
          onChange: (e) => this.onChange(e),
          onInput: (place) => (this.place = place),
          onLocate: () => this.locate(),
          onErrorLink: (e) => this.focusPlace(e),
        })}
        <div class="status-line">
          <p part="status" class="status" role="status" tabindex="-1">${status}</p>
          <p class="status held" aria-hidden="true">${held}</p>
        </div>
        <div part="results" class=${pending && !more ? 'busy' : ''} aria-busy=${pending}>
          ${resultsArea({
            result: this.result,
            pending,
            more,
            failed,
            error: this.search.error,
            placeError: !!this.fieldError,
            where,
            locale: this.locale,
            filtered: countFilters(this.filters, hidden) > 0,
            allEverywhere: this.allEverywhere,
            startGroupHref: this.startGroupHref,
            onRetry: () => this.retry(),
            onMore: (e) => this.more(e),
            onWiden: (radius) => this.widen(radius),
            onClearFilters: () => this.clearFilters(),
            onShowAllEverywhere: () => this.showAllEverywhere(),
            onChoosePlace: (near) => {
              this.place = near;
              this.searchFrom({ near });
            },
          })}
        </div>
      </div>
      ${sel
        ? this.details.render({
            group: sel.group,
            id: sel.id,
            api: this.api || location.origin,
            checklistHref: this.checklistHref,
            onBack: () => this.back(),
            onRetry: () => this.retryDetails(),
          })
        : nothing}
    </div>`;
  }

  /** Whether the last search failed (one cancelled on purpose has not). */
  private failed() {
    return this.search.status === TaskStatus.ERROR && (this.search.error as Error | undefined)?.name !== 'AbortError';
  }

  // ---- searching

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const place = recognisePlace(this.place);
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
    try {
      await this.details.ready;
    } catch {
      // The element could not be loaded: its problem and retry button take focus instead.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=details] .problem')?.focus();
      return;
    }
    await this.updateComplete;
    const view = this.detailsView();
    await view?.loaded;
    view?.focus();
  }

  private retryDetails() {
    this.details.load();
    this.focusNext = () => this.focusDetails();
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
    return addressParams(this.where, this.radiusChoice, this.filters);
  }

  /** Shows what the address says: a search, a group, or the initial state. */
  private restore(p: URLSearchParams) {
    const shown = this.searchParams().toString();
    const address = readAddress(p, this.presets(), this.hiddenFilters, this.radius);
    this.filters = address.filters;
    this.radiusChoice = address.radius;
    this.where = address.where;
    this.place = address.place;
    this.fieldError = '';
    const id = address.group;
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
    /** @ignore The events are documented on the class; the analyzer would list this call as an event named "type". */
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementEventMap {
    'peer-search': CustomEvent<SearchQuery>;
    'peer-results': CustomEvent<SearchResult>;
  }
  // The events bubble and are composed, so hosts often listen on the document.
  interface DocumentEventMap {
    'peer-search': CustomEvent<SearchQuery>;
    'peer-results': CustomEvent<SearchResult>;
  }
}
