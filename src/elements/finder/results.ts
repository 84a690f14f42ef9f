import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  EXACT_PRECISIONS,
  type EverywherePage,
  type GeocodeResult,
  type GroupSummary,
  type SearchResult,
  type Units,
} from '../../schema/index.js';
import { MAX_LIMIT } from '../../schema/search-constants.js';
import { NetworkError, RateLimitError, ServerError, TimeoutError, ValidationError } from '../../sdk/errors.js';
import { formatRadius } from '../shared/intl.js';
import { RADII } from './search-form.js';
import { intro } from './intro.js';

/** Whether the directory refused the search for its place (the field it was typed in, or the whole query). */
export const rejectsPlace = (error: unknown) =>
  error instanceof ValidationError && error.errors.some((e) => /^#?\/?(near)?$/.test(e.pointer));

/** What the results area shows, and where it reports what people do. */
export interface ResultsOptions {
  result?: SearchResult | undefined;
  /** A search is running. */
  pending: boolean;
  /** The running (or last) search asks for the next page. */
  more: boolean;
  /** The last search failed; `error` says why. */
  failed: boolean;
  error: unknown;
  /** The place could not be searched for: the form shows why, and only the groups open to everyone are listed. */
  placeError: boolean;
  /** Where the results are near, as people read it. */
  where: string;
  locale: string;
  /** Some filter people can change narrows the search. */
  filtered: boolean;
  /** More online and telephone groups are on their way. */
  everywherePending: boolean;
  /** Fetching more of them failed, for this reason. */
  everywhereError: unknown;
  startGroupHref: string;
  onRetry: () => void;
  onMore: (e: Event) => void;
  onWiden: (radius: number) => void;
  onClearFilters: () => void;
  onShowAllEverywhere: () => void;
  /** Search again from another place of the same name (`Newport, RI` for `Newport, Wales`). */
  onChoosePlace: (label: string) => void;
}

/** How many online and telephone groups a search found, on its first page. */
const everywhereTotal = (r: SearchResult) => r.everywhere?.total ?? 0;

/** The line that says what was found (a polite live region). */
export function statusText(o: {
  locating: boolean;
  pending: boolean;
  more: boolean;
  failed: boolean;
  result?: SearchResult | undefined;
  /** The place could not be searched for: the error summary says so. */
  placeError?: boolean;
  where: string;
  locale: string;
}): string {
  if (o.locating) return msg('Finding your location…');
  if (o.pending) return o.more ? msg('Loading more groups…') : msg('Searching…');
  const r = o.result;
  if (!r || o.failed || o.placeError) return '';
  const n = r.groups.length;
  const where = o.where;
  const radius = formatRadius(r.radius, r.units, o.locale);
  const near = !n
    ? msg(str`No groups meet within ${radius} of ${where}.`)
    : r.nextCursor
      ? msg(str`Showing the ${n} nearest groups within ${radius} of ${where}.`)
      : n === 1
        ? msg(str`1 group found within ${radius} of ${where}.`)
        : msg(str`${n} groups found within ${radius} of ${where}.`);
  const approximate = r.origin && approximateText(r.origin);
  const found = approximate ? `${near} ${approximate}` : near;
  const m = everywhereTotal(r);
  return !m
    ? found
    : m === 1
      ? msg(str`${found} 1 group online or by telephone is open to everyone.`)
      : msg(str`${found} ${m} groups online or by telephone are open to everyone.`);
}

/**
 * When the search started from somewhere coarser than a postcode or the
 * person's device, what the distances are measured from, in words; else undefined.
 */
export function approximateText(origin: GeocodeResult): string | undefined {
  if (EXACT_PRECISIONS.includes(origin.precision)) return undefined;
  const centre = origin.centre ?? origin.label;
  switch (origin.precision) {
    case 'sector':
      return msg(str`Distances are from the middle of postcode sector ${centre}.`);
    case 'district':
      return msg(str`Distances are from the middle of postcode district ${centre}.`);
    case 'area':
      return msg(str`Distances are from the middle of the ${centre} postcode area.`);
    case 'zip':
      return msg(str`Distances are from the middle of ZIP code ${centre}.`);
    default:
      return msg(str`Distances are from the centre of ${centre}.`);
  }
}

/** Below the status line: an introduction, the results, next steps when none are near, or a failed search. */
export function resultsArea(o: ResultsOptions) {
  if (o.failed && !o.placeError) {
    return html`${o.result ? lists(o.result, o, false) : nothing}${problem(o.error, o.onRetry)}`;
  }
  if (!o.result) {
    return o.placeError ? nothing : intro(o.pending);
  }
  return lists(o.result, o, o.pending);
}

function lists(r: SearchResult, o: ResultsOptions, busy: boolean) {
  // An unknown place has nothing near it to list; the groups open to everyone still are.
  return html`${otherPlaces(r, o.onChoosePlace)}${o.placeError ? nothing : nearby(r, o, busy)}${everywhere(r, o)}`;
}

function nearby(r: SearchResult, o: ResultsOptions, busy: boolean) {
  const units = r.units;
  const next = RADII.find((x) => x > r.radius);
  return r.groups.length
    ? resultList(
        msg(str`Groups near ${o.where}`),
        r.groups,
        units,
        r.nextCursor &&
          html`<button class="secondary" part="more" aria-disabled=${busy} @click=${o.onMore}>
            ${busy ? msg('Loading more groups…') : msg('Show more groups')}
          </button>`,
      )
    : noneFound({
        widen: next ? [formatRadius(next, units, o.locale), () => o.onWiden(next)] : undefined,
        clear: o.filtered ? o.onClearFilters : undefined,
        online: everywhereTotal(r) > 0,
        startHref: o.startGroupHref,
      });
}

/** The online and telephone groups: the few the search brought, and the rest on request, a page at a time. */
function everywhere(r: SearchResult, o: ResultsOptions) {
  const e: EverywherePage | undefined = r.everywhere;
  if (!e?.total) return nothing;
  const busy = o.everywherePending;
  const button =
    e.nextCursor &&
    html`<button class="secondary" part="more" aria-disabled=${busy} @click=${o.onShowAllEverywhere}>
      ${
        busy
          ? msg('Loading more groups…')
          : e.total - e.groups.length <= MAX_LIMIT
            ? msg(str`Show all ${e.total} online and telephone groups`)
            : msg('Show more online and telephone groups')
      }
    </button>`;
  return resultList(
    msg('Online and telephone groups open to everyone'),
    e.groups,
    r.units,
    html`${button || nothing}${o.everywhereError ? problem(o.everywhereError, o.onShowAllEverywhere) : nothing}`,
    msg('These groups meet online or by telephone and welcome people wherever they live.'),
  );
}

/** For a name several places share: the others, to search from instead ("Which Newport?"). */
function otherPlaces(r: SearchResult, choose: (label: string) => void) {
  const others = r.origin?.alternatives;
  if (!others?.length) return nothing;
  const name = r.origin!.label.split(',')[0]!;
  return html`<nav part="alternatives" class="alternatives" aria-label=${msg(str`Other places called ${name}`)}>
    <p>${msg(str`Not the ${name} you meant? Search near:`)}</p>
    <ul>
      ${others.map((a) => html`<li><button class="link" @click=${() => choose(a.label)}>${a.label}</button></li>`)}
    </ul>
  </nav>`;
}

/** A headed list of group cards. */
export function resultList(
  heading: string,
  groups: GroupSummary[],
  units: Units,
  more?: TemplateResult | false | null | '',
  intro?: string,
) {
  // role="list": Safari drops a list's semantics when its markers are styled away.
  /* eslint-disable lit-a11y/no-redundant-role */
  return html`<section part=${intro ? 'everywhere' : 'nearby'}>
    <h2>${heading}</h2>
    ${intro ? html`<p>${intro}</p>` : nothing}
    <ul part="list" class="cards" role="list">
      ${groups.map((g) => html`<li><peer-group-card .group=${g} units=${units}></peer-group-card></li>`)}
    </ul>
    ${more || nothing}
  </section>`;
  /* eslint-enable lit-a11y/no-redundant-role */
}

/** What to do when no group meets nearby: never a dead end. */
export function noneFound(o: {
  widen?: [distance: string, act: () => void] | undefined;
  clear?: (() => void) | undefined;
  online: boolean;
  startHref: string;
}) {
  return html`<div part="none-found" class="none-found">
    <h2>${msg('No groups meet near you yet')}</h2>
    <p>${msg('You could:')}</p>
    <ul>
      ${o.widen ? html`<li><button class="link" @click=${o.widen[1]}>${msg(str`search within ${o.widen[0]}`)}</button></li>` : nothing}
      ${o.clear ? html`<li><button class="link" @click=${o.clear}>${msg('search again without your filters')}</button></li>` : nothing}
      ${o.online ? html`<li>${msg('join a group that meets online or by telephone, listed below')}</li>` : nothing}
      <li>
        ${
          o.startHref
            ? html`<a href=${o.startHref}>${msg('start a peer support group in your area')}</a>`
            : msg('start a peer support group in your area')
        }
      </li>
      <li>${msg('tell your diabetes care team you would like to meet a peer, or would support someone')}</li>
    </ul>
  </div>`;
}

/** A search that failed for a reason other than the place typed, with a way to try again. */
export function problem(error: unknown, retry: () => void) {
  const [title, text] =
    error instanceof RateLimitError
      ? [
          msg('There have been too many searches'),
          error.retryAfter ? msg(str`Wait ${Math.ceil(error.retryAfter)} seconds, then try again.`) : msg('Wait a minute, then try again.'),
        ]
      : error instanceof NetworkError || error instanceof TimeoutError
        ? [
            navigator.onLine ? msg('We could not reach the directory') : msg('You seem to be offline'),
            msg('Check your internet connection, then try again.'),
          ]
        : error instanceof ServerError
          ? [msg('The directory is not working just now'), msg('This is a problem on our side. Try again in a few minutes.')]
          : [msg('Sorry, the search did not work'), msg('Try again in a few minutes.')];
  return html`<div part="problem" class="problem" tabindex="-1">
    <h2>${title}</h2>
    <p>${text}</p>
    <button @click=${retry}>${msg('Try again')}</button>
  </div>`;
}
