import './group-card.js';
import { PeerFinder } from './finder/finder.js';

// `<peer-group-details>` is defined too, by ./group-details.js, which the
// finder loads the first time someone opens a group.
export { PeerFinder };

if (!customElements.get('peer-finder')) customElements.define('peer-finder', PeerFinder);

declare global {
  interface HTMLElementTagNameMap {
    'peer-finder': PeerFinder;
  }
}
