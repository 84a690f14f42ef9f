import { PeerChecklist } from './checklist/checklist.js';

export { PeerChecklist };
export type { ChecklistChangeDetail } from './shared/checklist-store.js';

if (!customElements.get('peer-checklist')) customElements.define('peer-checklist', PeerChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'peer-checklist': PeerChecklist;
  }
}
