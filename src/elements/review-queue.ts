import { PeerReviewQueue } from './review-queue/review-queue.js';

export { PeerReviewQueue };
export type { PeerDecideDetail } from './review-queue/review-queue.js';

if (!customElements.get('peer-review-queue')) customElements.define('peer-review-queue', PeerReviewQueue);

declare global {
  interface HTMLElementTagNameMap {
    'peer-review-queue': PeerReviewQueue;
  }
}
