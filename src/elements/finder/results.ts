import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Group, GroupHit, Units } from '../../schema/index.js';
import { NetworkError, RateLimitError, ServerError, TimeoutError } from '../../index.js';

/** A headed list of group cards. */
export function resultList(
  heading: string,
  groups: (Group | GroupHit)[],
  units: Units,
  more?: TemplateResult | false | null | '',
  intro?: string,
) {
  return html`<section part=${intro ? 'everywhere' : 'nearby'}>
    <h2>${heading}</h2>
    ${intro ? html`<p>${intro}</p>` : nothing}
    <ul part="list" class="cards" role="list">
      ${groups.map((g) => html`<li><peer-group-card .group=${g} units=${units}></peer-group-card></li>`)}
    </ul>
    ${more || nothing}
  </section>`;
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
      ${o.widen
        ? html`<li><button class="link" @click=${o.widen[1]}>${msg(str`search within ${o.widen[0]}`)}</button></li>`
        : nothing}
      ${o.clear
        ? html`<li><button class="link" @click=${o.clear}>${msg('search again without your filters')}</button></li>`
        : nothing}
      ${o.online ? html`<li>${msg('join a group that meets online or by telephone, listed below')}</li>` : nothing}
      <li>
        ${o.startHref
          ? html`<a href=${o.startHref}>${msg('start a peer support group in your area')}</a>`
          : msg('start a peer support group in your area')}
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
          error.retryAfter
            ? msg(str`Wait ${Math.ceil(error.retryAfter)} seconds, then try again.`)
            : msg('Wait a minute, then try again.'),
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
