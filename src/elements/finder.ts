import './group-card.js';
import './group-details.js';
import { PeerFinder } from './finder/finder.js';

export { PeerFinder };

if (!customElements.get('peer-finder')) customElements.define('peer-finder', PeerFinder);

declare global {
  interface HTMLElementTagNameMap {
    'peer-finder': PeerFinder;
  }
}
