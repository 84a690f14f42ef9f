import { PeerGroupDetails } from './group-details/group-details.js';

export { PeerGroupDetails };

if (!customElements.get('peer-group-details')) customElements.define('peer-group-details', PeerGroupDetails);

declare global {
  interface HTMLElementTagNameMap {
    'peer-group-details': PeerGroupDetails;
  }
}
