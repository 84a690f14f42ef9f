import { PeerFinder } from './finder/finder.js';

// `<peer-group-card>` and `<peer-group-details>` are defined too: the card by
// the search parts the finder loads right after it first renders, the details
// by ./group-details.js, loaded the first time someone opens a group.
export { PeerFinder };

if (!customElements.get('peer-finder')) customElements.define('peer-finder', PeerFinder);

declare global {
  interface HTMLElementTagNameMap {
    'peer-finder': PeerFinder;
  }
}
