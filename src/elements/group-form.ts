import { PeerGroupForm } from './group-form/group-form.js';

export { PeerGroupForm };
export type { PeerSubmitDetail } from './group-form/group-form.js';

if (!customElements.get('peer-group-form')) customElements.define('peer-group-form', PeerGroupForm);

declare global {
  interface HTMLElementTagNameMap {
    'peer-group-form': PeerGroupForm;
  }
}
