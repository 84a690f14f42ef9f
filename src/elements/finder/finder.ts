import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { COUNTRIES, UNITS } from '../../schema/countries.js';
import { DEFAULT_LIMIT, DEFAULT_RADIUS } from '../../schema/search-constants.js';
import type { GroupSummary, SearchFilters, SearchOrigin, SearchQuery, SearchResult, Units } from '../../schema/index.js';
import { controls, tokens } from '../styles/tokens.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { localeOf } from '../shared/intl.js';
import { errorSummaryStyles } from '../shared/error-summary.js';
import { FocusAfterRender } from '../shared/focus-after-render.js';
import { DocumentTitle } from '../shared/document-title.js';
import type { PeerSelectDetail } from '../group-card/group-card.js';
import { renderedCards } from './cards.js';
import type { PageAddress } from './page-address.js';
import { DetailsView } from './details-view.js';
import { countFilters } from './filters.js';
import { Lazy } from '../shared/lazy.js';
import { intro } from './intro.js';
import { FinderSearch } from './search.js';
import type * as SearchPartsModule from './search-parts.js';
import { DistanceKeys, searchForm } from './search-form.js';
import { finderStyles } from './finder.styles.js';

type SearchParts = typeof SearchPartsModule;

/**
 * @summary Finds diabetes peer-support groups near a UK postcode, a US ZIP
 * code or the person's location, nearest first, with the online and
 * telephone groups open to everyone listed in every search.
 *
 * Needs only `api`, or `src` for a static directory file with no server. Filters can be preset (`conditions="type1"`) and hidden
 * (`hide-filters="condition"`). Several finders can share a page. Defines
 * `<peer-group-card>`, which it shows results with, and, the first time
 * someone opens a group, `<peer-group-details>` (loaded only then).
 *
 * @event {CustomEvent<SearchQuery>} peer-search - A search started (also for "show more"). `detail`: the `SearchQuery` sent.
 * @event {CustomEvent<SearchResult>} peer-results - Results arrived. `detail`: the `SearchResult` (pages so far, merged,
 *   with the online and telephone groups shown so far in `everywhere.groups`).
 * @event {CustomEvent<PeerSelectDetail>} peer-select - Someone opened a group's details. `detail: { group }`, the group's
 *   summary. Call `preventDefault()` to show the group yourself instead of the finder's details view (read the whole
 *   group with the SDK's `groups.get`).
 * @csspart base - Everything.
 * @csspart search - The search form.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart input - The postcode field.
 * @csspart submit - The search button.
 * @csspart locate - The "use my location" button.
 * @csspart filters - The filter disclosure (with the choice of miles or kilometres).
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
  static override styles = [tokens, controls, errorSummaryStyles, finderStyles];

  /** The directory API's base URL, e.g. `https://directory.example.org`. Defaults to this page's origin. */
  @property() api = '';
  /**
   * A static directory file to search instead of an API, e.g. `directory.json`
   * (written by `peer-directory-server export --format static`), for a site
   * with no server: see docs/static.md. `api` is then not used. The search
   * code for the file is downloaded only when this is set.
   */
  @property() src = '';
  /** The radius searched at first, in `units`. */
  @property({ type: Number }) radius: number = DEFAULT_RADIUS;
  /**
   * `mi` or `km`: the units shown until the person picks their own. By default,
   * those of the country searched (miles in the UK and the US), whatever the language.
   */
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
  /** Filters not to show, comma-separated: `condition,audience,format,model,free,family,language,radius,units`. Hidden filters keep their preset. */
  @property({ attribute: 'hide-filters' }) hideFilters = '';
  /** The host's "start a group" page, offered when nothing is found nearby. */
  @property({ attribute: 'start-group-href' }) startGroupHref = '';
  /** The host's checklist page (`<peer-checklist>`): the details view links each group to it ("Add to my checklist", "Add to compare"). */
  @property({ attribute: 'checklist-href' }) checklistHref = '';
  /** Keep the search in the page's address (and the open group in its title), so back/forward and shared links restore it. Use on one finder per page. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Groups per page ("show more" fetches the next page). */
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = DEFAULT_LIMIT;

  @state() private place = '';
  @state() private radiusChoice = DEFAULT_RADIUS;
  /** Miles or kilometres, once the person has picked. */
  @state() private unitsChoice?: Units;
  @state() private filters: SearchFilters = {};
  /** A place that cannot be searched for, found before sending. */
  @state() private typedError = '';
  /** Something the person asked for waits for the search parts to arrive; `false` once they failed to. */
  @state() private waiting?: boolean | undefined;

  /** Where the search measures from. */
  private where?: SearchOrigin | undefined;
  /** Whether opening the details view added a history entry that Back can undo. */
  private pushedDetails = false;

  // The first load is the form and what it needs to take typing: the rest of searching (the SDK,
  // zod, the results and the cards) arrives as one file right after the first render.
  private readonly parts = new Lazy(this, () => import('./search-parts.js'));
  private readonly search = new FinderSearch(this, async () => {
    const parts = await this.searchParts();
    return { client: await parts.directoryReader(this.apiUrl, this.src), UnknownPlaceError: parts.UnknownPlaceError };
  });
  private readonly details = new DetailsView(this);
  private readonly focusAfter = new FocusAfterRender(this);
  private readonly distance = new DistanceKeys(() => this.refine());
  /** Keeps the search in the page's address (with sync-url); it comes with the search parts. */
  private address?: PageAddress;
  // What the first search does not need comes later, each as a file of its own: the filter
  // panel's fields once the finder shows, and the device's location when someone asks for it.
  // (The page's address stays: it must be read before anyone can type, and it is small.)
  private readonly panel = new Lazy(this, () => import('./filter-panel.js'));
  private readonly location = new Lazy(this, async () => new (await import('./location.js')).DeviceLocation(this));

  constructor() {
    super();
    new DocumentTitle(this, () => ({
      error: !!this.placeError,
      subject: this.syncUrl ? this.details.open?.name : undefined,
    }));
  }

  override connectedCallback() {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  private get apiUrl() {
    return this.api || location.origin;
  }

  private get locale() {
    return localeOf(this);
  }

  /** The person's choice, else the host's, else the country last searched's, else the directory's first country's. */
  private get unitsInUse(): Units {
    const host = UNITS.find((u) => u === this.units);
    const country = this.search.answer?.result.origin?.country;
    return this.unitsChoice ?? host ?? (COUNTRIES.find((c) => c.code === country) ?? COUNTRIES[0]).units;
  }

  private get hiddenFilters(): ReadonlySet<string> {
    return new Set(this.hideFilters.split(',').map((s) => s.trim()));
  }

  /** The host's preset filters, once the search parts that read them have arrived. */
  private presets(): SearchFilters {
    const read = this.parts.module?.readFilters;
    return read ? read((key) => (key === 'free' || key === 'family' || key === 'language' ? this[key] : this[`${key}s`])) : {};
  }

  /** The search parts; while they load, the status line says a search is on its way. */
  private async searchParts() {
    if (this.parts.module) return this.parts.module;
    this.waiting = true;
    try {
      const parts = await this.parts.load();
      this.waiting = undefined;
      return parts;
    } catch (error) {
      this.waiting = false;
      throw error;
    }
  }

  /** The problem with the place, from the field or from the directory. */
  private get placeError(): string {
    if (this.typedError) return this.typedError;
    const answer = this.search.answer;
    if (answer?.unknownPlace) {
      return msg(str`We could not find ${this.placeLabel(answer.query)}. Check it, or try a nearby postcode or town.`);
    }
    const error = this.search.error;
    // An error comes from a search, so the search parts are here.
    return this.parts.module?.rejectsPlace(error) ? this.invalidPlace() : '';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (['conditions', 'audiences', 'formats', 'models', 'free', 'family', 'language'].some((k) => changed.has(k as keyof PeerFinder))) {
      this.filters = this.presets();
    }
    if (changed.has('radius')) this.radiusChoice = this.radius;
    if (changed.has('lang') && this.hasUpdated) void useLocale(languageOf(this));
  }

  protected override firstUpdated() {
    const restoring = this.syncUrl && ['near', 'lat'].some((k) => new URLSearchParams(location.search).has(k));
    const parts = restoring ? this.searchParts() : this.parts.load();
    void parts.then(
      ({ PageAddress }) => {
        this.address = new PageAddress(this, (params) => this.restore(params));
        this.filters = this.presets();
        // An address with nothing to show leaves alone what the person typed, or searched for, meanwhile.
        const address = this.address.read();
        if (this.syncUrl && ['near', 'lat', 'group'].some((k) => address.has(k))) this.restore(address);
        // The panel's fields show the presets, so they come once those are read.
        void this.panel.load();
      },
      () => {},
    );
  }

  override render() {
    const pending = this.search.pending;
    const hidden = this.hiddenFilters;
    const answer = this.search.answer;
    const more = !!this.search.query?.cursor;
    const error = this.search.error;
    const placeError = this.placeError;
    const failed = !!error && !placeError;
    const where = this.placeLabel();
    const said = {
      locating: !!this.location.module?.locating,
      pending,
      more,
      failed,
      placeError: !!placeError,
      result: answer?.result,
      where,
      locale: this.locale,
    };
    const parts = this.parts.module;
    const status = parts
      ? parts.statusText(said)
      : this.waiting
        ? msg('Searching…')
        : this.waiting === false
          ? msg('Sorry, the search did not work')
          : '';
    // While searching, the line keeps the room the last answer took, so the old results below it do not move.
    const held = parts && (said.locating || pending) ? parts.statusText({ ...said, locating: false, pending: false }) : '';
    return html`<div part="base" lang=${this.locale}>
      <div ?hidden=${!!this.details.open} class="finder">
        ${searchForm({
          place: this.place,
          error: placeError,
          radius: this.radiusChoice,
          units: this.unitsInUse,
          filters: this.filters,
          hidden,
          locale: this.locale,
          onSubmit: (e) => this.onSubmit(e),
          onChange: (e) => this.onChange(e),
          onRadiusKey: this.distance.onKey,
          onRadiusLeave: this.distance.done,
          onInput: (place) => (this.place = place),
          onLocate: () => void this.locate(),
          fields: this.panel.module?.filterFields,
        })}
        <div class="status-line">
          <p part="status" class="status" role="status" tabindex="-1">${status}</p>
          <p class="status held" aria-hidden="true">${held}</p>
        </div>
        <div part="results" class=${pending && !more ? 'busy' : ''} aria-busy=${pending || !!this.waiting}>
          ${
            parts?.resultsArea({
              result: answer?.result,
              pending,
              more,
              failed,
              error,
              placeError: !!placeError,
              where,
              locale: this.locale,
              filtered: countFilters(this.filters, hidden) > 0,
              everywherePending: this.search.everywherePending,
              everywhereError: this.search.everywhereError,
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
            }) ?? intro(!!this.waiting)
          }
        </div>
      </div>
      ${this.details.render({
        api: this.apiUrl,
        src: this.src,
        checklistHref: this.checklistHref,
        onBack: () => this.back(),
        onRetry: () => this.retryDetails(),
      })}
    </div>`;
  }

  // ---- searching

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    this.distance.reset();
    const parts = this.parts.module;
    if (parts) return this.submit(parts);
    // Sent before the search parts arrived: once they have. If they cannot be loaded,
    // the status line says the search did not work, and the next submit tries again.
    this.searchParts().then(
      (p) => this.submit(p),
      () => {},
    );
  }

  private submit({ recognisePlace }: SearchParts) {
    const place = recognisePlace(this.place);
    if (!place) return this.fail(this.place.trim() ? this.invalidPlace() : msg('Enter a postcode, ZIP code or town'));
    this.place = place.value;
    this.searchFrom({ near: place.value });
  }

  private onChange(e: Event) {
    const target = e.target as HTMLInputElement;
    if (target.name === 'near') return;
    if (target.name === 'radius') {
      this.radiusChoice = Number(target.value);
      // Arrow keys on a closed list change it one step at a time: not a search each.
      if (this.distance.holds()) return;
    } else if (target.name === 'units') {
      this.unitsChoice = UNITS.find((u) => u === target.value);
    } else {
      // The panel's fields come after the search parts, so these are here.
      this.filters = this.parts.module!.filtersFromForm(e.currentTarget as HTMLFormElement, this.presets(), this.hiddenFilters);
    }
    this.refine();
  }

  /** Searches again as a filter, the radius or the units change: the same search, narrowed, so no new history entry. */
  private refine() {
    if (this.where) this.run({ push: false });
  }

  /** Reads the next online and telephone groups, then moves focus to the first of them. */
  private showAllEverywhere() {
    const shown = this.search.answer?.result.everywhere?.groups.length ?? 0;
    this.search.moreEverywhere();
    void this.search.everywhereSettled.then(() => {
      if ((this.search.answer?.result.everywhere?.groups.length ?? 0) > shown) {
        this.focusAfter.request(async () => (await renderedCards(this.renderRoot, 'everywhere'))[shown]);
      }
    });
  }

  private searchFrom(where: SearchOrigin) {
    this.where = where;
    this.typedError = '';
    this.details.hide();
    this.run({ push: true });
  }

  /** Sends the search shown in the form; `push` makes it a history entry of its own, `write: false` leaves the address alone (back/forward). */
  private run({ cursor, push = false, write = true }: { cursor?: string | undefined; push?: boolean; write?: boolean }) {
    if (!cursor && write) this.writeUrl(push);
    const shown = cursor ? (this.search.answer?.result.groups.length ?? 0) : -1;
    this.search.run({
      ...this.where!,
      radius: this.radiusChoice,
      units: this.unitsInUse,
      ...this.filters,
      limit: this.pageSize,
      cursor,
    });
    const query = this.search.query;
    void this.search.settled.then(() => {
      if (this.search.query !== query) return;
      const answer = this.search.answer;
      if (answer) this.details.found([...answer.result.groups, ...(answer.result.everywhere?.groups ?? [])]);
      if (this.placeError) this.focusAfter.request('[part=error-summary]');
      else if (shown >= 0 && answer && !answer.moreFailed)
        this.focusAfter.request(async () => (await renderedCards(this.renderRoot))[shown]);
      else if (this.search.error) this.focusAfter.request('[part=problem]');
    });
  }

  private retry() {
    const query = this.search.query;
    if (!query) return;
    this.focusAfter.request('[part=status]');
    this.run({ cursor: query.cursor, write: false });
  }

  private more(e: Event) {
    const cursor = this.search.answer?.result.nextCursor;
    if ((e.currentTarget as HTMLElement).getAttribute('aria-disabled') !== 'true' && cursor) this.run({ cursor });
  }

  private widen(radius: number) {
    this.radiusChoice = radius;
    this.focusAfter.request('[part=status]');
    this.run({});
  }

  private clearFilters() {
    this.filters = this.parts.module!.withoutVisibleFilters(this.presets(), this.hiddenFilters);
    this.focusAfter.request('[part=status]');
    this.run({});
  }

  private async locate() {
    const found = await (await this.location.load()).locate();
    if (!found || !(await this.searchParts().catch(() => undefined))) return;
    if ('problem' in found) return this.fail(found.problem);
    this.place = '';
    this.searchFrom(found);
  }

  /**
   * Shows a problem with the place, beside the field and in the error
   * summary, which gets focus. The search shown before is gone, from the
   * page and from its address.
   */
  private fail(message: string) {
    this.typedError = message;
    this.where = undefined;
    this.search.clear();
    this.writeUrl(false);
    this.focusAfter.request('[part=error-summary]');
  }

  private invalidPlace() {
    return msg('Enter a postcode like SW1A 1AA, a ZIP code like 10001, or a town');
  }

  private placeLabel(q = this.search.answer?.query): string {
    if (q?.lat !== undefined) return msg('your location');
    const answer = this.search.answer;
    return (q === answer?.query ? answer?.result.origin?.label : undefined) ?? q?.near ?? '';
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

  private open(group: GroupSummary) {
    this.details.show({ id: group.id, name: group.name });
    this.writeUrl(true);
    this.pushedDetails = this.syncUrl;
    this.focusAfter.request(() => this.details.focusTarget());
  }

  private retryDetails() {
    const open = this.details.open;
    if (!open) return;
    this.details.show(open);
    this.focusAfter.request(() => this.details.focusTarget());
  }

  private back() {
    if (this.pushedDetails && new URLSearchParams(location.search).has('group')) return history.back();
    this.close();
    this.writeUrl(false);
  }

  private close() {
    const id = this.details.hide();
    this.pushedDetails = false;
    this.focusAfter.request(async () => {
      const cards = await renderedCards(this.renderRoot, '');
      // Back and forward to an address with a fragment (after a skip link, #main) end by resetting
      // focus to the page, after popstate: move it once that traversal has finished.
      await new Promise((done) => setTimeout(done));
      return cards.find((c) => c.group?.id === id) ?? this.renderRoot.querySelector<HTMLElement>('#place');
    });
  }

  // ---- the page's address

  /** Puts the search (and the open group) in the page's address, with sync-url. */
  private writeUrl(push: boolean) {
    const params = this.searchParams();
    const open = this.details.open;
    if (open) params.set('group', open.id);
    this.address?.write(params, push);
  }

  /** The search shown, as the address writes it. */
  private searchParams(): URLSearchParams {
    const write = this.parts.module?.addressParams;
    return write
      ? write({ where: this.where, radius: this.radiusChoice, units: this.unitsChoice, filters: this.filters })
      : new URLSearchParams();
  }

  /** Shows what the address says: a search, a group, or the initial state. */
  private restore(p: URLSearchParams) {
    // Only once the search parts have arrived: firstUpdated waits for them, and a popstate before then has nothing to undo.
    const read = this.parts.module?.readAddress;
    if (!read) return;
    const shown = this.searchParams().toString();
    const address = read(p, this.presets(), this.hiddenFilters, this.radius);
    this.filters = address.filters;
    this.radiusChoice = address.radius;
    this.unitsChoice = address.units;
    this.where = address.where;
    this.place = address.place;
    this.typedError = '';
    const id = address.group;
    if (id) {
      const answer = this.search.answer;
      this.details.show({
        id,
        name: answer && [...answer.result.groups, ...(answer.result.everywhere?.groups ?? [])].find((g) => g.id === id)?.name,
      });
      this.focusAfter.request(() => this.details.focusTarget());
    } else if (this.details.open) {
      this.close();
    }
    // Back from a group's details to the same search: the results are still here.
    if (this.searchParams().toString() === shown && (this.search.answer || this.search.pending)) return;
    if (this.where) this.run({ write: false });
    else this.search.clear();
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
