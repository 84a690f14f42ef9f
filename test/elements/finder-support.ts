// Driving <peer-finder> as a person does, for every finder test file.
import { sendKeys } from '@web/test-runner-commands';
import type { PeerFinder } from '../../src/elements/finder.js';
import type { PeerGroupCard } from '../../src/elements/group-card.js';
import { waitUntil } from './support.js';

/** The group cards of one section of the results (`nearby` or `everywhere`). */
export const cards = (el: PeerFinder, section = 'nearby') => [
  ...el.shadowRoot!.querySelectorAll<PeerGroupCard>(`[part=${section}] peer-group-card`),
];

/** Waits until the finder is no longer searching. */
export async function settled(el: PeerFinder) {
  // A click or change starts a search on the next render: let it begin first.
  await el.updateComplete;
  await waitUntil(
    () => el.shadowRoot!.querySelector('[part=results]')?.getAttribute('aria-busy') === 'false',
    'the search to finish',
    10_000,
  );
  await el.updateComplete;
  await Promise.all(cards(el).map((c) => c.updateComplete));
}

/** Types into the postcode field and presses Enter, like a person. */
export async function searchFor(el: PeerFinder, words: string) {
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (words) await sendKeys({ type: words });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await settled(el);
}
