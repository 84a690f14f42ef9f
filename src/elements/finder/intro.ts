import { html } from 'lit';
import { msg } from '@lit/localize';

/**
 * What the results area says before the first search: in the first load, so the page does not move
 * when the rest arrives. `held` while the first search runs: unseen, it keeps its room until the results come.
 */
export const intro = (held = false) =>
  html`<p class=${held ? 'intro held' : 'intro'}>
    ${msg('Enter a postcode, ZIP code or town to find peer support groups near you. Groups that meet online or by telephone are listed in every search.')}
  </p>`;
