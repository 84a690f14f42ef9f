// The finder and the form against a directory that starts to answer and then
// goes wrong (test/elements/failing-api-plugin.mjs): headers and then
// nothing, a body dripped for ever, a connection cut mid-body. Each ends, at
// the SDK's timeout at the latest, in the element's error state with a way
// to try again, never in a spinner that turns for ever.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/finder.js';
import '../../src/elements/group-form.js';
import type { PeerFinder } from '../../src/elements/finder.js';
import type { PeerGroupForm } from '../../src/elements/group-form.js';
import { completeDraft, keepDraft } from './draft-fixture.js';
import { waitUntil } from './support.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

// The SDK's default timeout is 10 s for the whole call; a stalled answer takes that long to give up.
const GIVE_UP = 15_000;

async function place<E extends HTMLElement>(tag: string, api: string): Promise<E> {
  const el = document.createElement(tag) as E;
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', api);
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

for (const kind of ['stall', 'drip', 'drop'] as const) {
  const api = `${location.origin}/__misbehave/${kind}`;
  const story = { stall: 'sends headers and then nothing', drip: 'drips its answer for ever', drop: 'cuts the connection mid-answer' }[
    kind
  ];

  describe(`against a directory that ${story}`, () => {
    it('the finder shows that it could not reach the directory, with a button to try again', async function () {
      this.timeout(GIVE_UP + 10_000);
      const el = await place<PeerFinder>('peer-finder', api);
      el.shadowRoot!.querySelector<HTMLInputElement>('#place')!.focus();
      await sendKeys({ type: 'LS1 3AB' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part=problem]'), 'the finder’s problem message', GIVE_UP);
      const problem = el.shadowRoot!.querySelector('[part=problem]')!;
      expect(text(problem)).to.contain('We could not reach the directory');
      const retry = [...problem.querySelectorAll('button')].find((b) => text(b) === 'Try again');
      expect(retry, 'a Try again button').to.exist;
      expect(el.shadowRoot!.querySelector('[part=results]')?.getAttribute('aria-busy')).to.equal('false');
    });

    it('the form keeps the answers and says the registration was not sent, with a button to try again', async function () {
      this.timeout(GIVE_UP + 10_000);
      keepDraft(api, completeDraft(`Misbehaving ${kind}`));
      const el = await place<PeerGroupForm>('peer-group-form', api);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=failure]'), 'the form’s failure message', GIVE_UP);
      const failure = el.shadowRoot!.querySelector('[part=failure]')!;
      expect(text(failure)).to.contain('We could not reach the directory');
      expect(text(failure)).to.contain('Your answers are saved in this browser tab');
      const retry = failure.querySelector<HTMLButtonElement>('[part=retry]');
      expect(text(retry)).to.equal('Try again');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value).to.equal(`Misbehaving ${kind}`);
    });
  });
}
