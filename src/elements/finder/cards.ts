import type { PeerGroupCard } from '../group-card/group-card.js';

/**
 * The result cards of one section (`nearby`, `everywhere`), or of both
 * (`''`), once they have rendered: where focus goes after "show more", or
 * back from a group's details.
 */
export async function renderedCards(root: ParentNode, section = 'nearby'): Promise<PeerGroupCard[]> {
  const cards = [...root.querySelectorAll<PeerGroupCard>(`${section && `[part=${section}]`} peer-group-card`)];
  await Promise.all(cards.map((c) => c.updateComplete));
  return cards;
}
