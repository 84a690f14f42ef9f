// peer-directory/react as a React app uses it, with the React version a story
// file asks for (react-18.test.ts, react-19.test.ts): real React rendering the
// real elements in Chromium against the real directory server.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PeerFinder as PeerFinderElement } from '../../src/elements/finder.js';
import type { PeerGroupCard } from '../../src/elements/group-card.js';
import type { PeerGroupForm as PeerGroupFormElement } from '../../src/elements/group-form.js';
import type { GroupSummary, SearchResult } from '../../src/schema/index.js';
import type { PeerSubmitDetail } from '../../src/index.js';
import { completeDraft, keepDraft } from './draft-fixture.js';
import { testApi, waitUntil } from './support.js';

type Harness = typeof import('./react-harness.js');

export function reactStories(version: '18' | '19') {
  describe(`peer-directory/react with React ${version}`, () => {
    let lib: Harness;
    let api: { url: string };
    let container: HTMLElement;
    let root: ReturnType<Harness['createRoot']>;

    before(async () => {
      lib = (await import(/* the bundle for this React version */ `/__react/${version}.js`)) as Harness;
      api = await testApi();
    });
    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
      root = lib.createRoot(container);
    });
    afterEach(() => {
      lib.flushSync(() => root.unmount());
      container.remove();
      sessionStorage.clear();
    });

    it(`runs on React ${version}`, () => {
      expect(lib.React.version.split('.')[0]).to.equal(version);
    });

    it('renders the finder with its props; a search and a chosen group arrive as typed events', async () => {
      const results: SearchResult[] = [];
      const chosen: GroupSummary[] = [];
      lib.flushSync(() =>
        root.render(
          lib.React.createElement(lib.PeerFinder, {
            api: api.url,
            lang: 'en-GB',
            pageSize: 3,
            onPeerResults: (e) => results.push(e.detail),
            onPeerSelect: (e) => chosen.push(e.detail.group),
          }),
        ),
      );
      const finder = container.querySelector<PeerFinderElement>('peer-finder')!;
      expect(finder.pageSize, 'a prop is set as the property').to.equal(3);
      await finder.updateComplete;

      finder.shadowRoot!.querySelector<HTMLInputElement>('#place')!.focus();
      await sendKeys({ type: 'LS1 3AB' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => results.length > 0, 'onPeerResults', 10_000);
      const nearby = results.at(-1)!.groups;
      expect(nearby).to.have.length(3);

      const card = finder.shadowRoot!.querySelector<PeerGroupCard>('[part=nearby] peer-group-card')!;
      await card.updateComplete;
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
      await waitUntil(() => chosen.length > 0, 'onPeerSelect');
      expect(chosen[0]!.id).to.equal(nearby[0]!.id);
    });

    it('renders the registration form; sending it arrives as onPeerSubmit with the reference', async () => {
      keepDraft(api.url, completeDraft(`React ${version} Group`));
      const submitted: PeerSubmitDetail[] = [];
      lib.flushSync(() =>
        root.render(
          lib.React.createElement(lib.PeerGroupForm, {
            api: api.url,
            lang: 'en-GB',
            onPeerSubmit: (e) => submitted.push(e.detail),
          }),
        ),
      );
      const form = container.querySelector<PeerGroupFormElement>('peer-group-form')!;
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await waitUntil(() => submitted.length > 0, 'onPeerSubmit', 10_000);
      expect(submitted[0]!.status).to.equal('pending');
      expect(submitted[0]!.reference).to.be.a('string').and.not.equal('');
    });
  });
}
