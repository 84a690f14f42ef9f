// Registers <peer-finder> alone; `import 'peer-directory/elements'` registers every element.
import 'peer-directory/elements/finder.js';
import type { PeerFinder } from 'peer-directory/elements';

const finder = document.querySelector<PeerFinder>('peer-finder')!;
finder.addEventListener('peer-results', (event) => {
  document.title = `${event.detail.groups.length} groups found`;
});
