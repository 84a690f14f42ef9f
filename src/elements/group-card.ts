import { PeerGroupCard } from './group-card/group-card.js';

export { PeerGroupCard };
export type { PeerSelectDetail } from './group-card/group-card.js';

if (!customElements.get('peer-group-card')) customElements.define('peer-group-card', PeerGroupCard);

declare global {
  interface HTMLElementTagNameMap {
    'peer-group-card': PeerGroupCard;
  }
}
