import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/group-card.js';
import type { PeerGroupCard } from '../../src/elements/group-card.js';
import { useLocale } from '../../src/elements/locales/localize.js';
import { testGroup, XSS } from './group-fixture.js';
import { markupRan, withTextSize } from './support.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: PeerGroupCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function card(group = testGroup(), units: 'mi' | 'km' = 'mi') {
  return fixture<PeerGroupCard>(html`<peer-group-card lang="en-GB" .group=${group} units=${units}></peer-group-card>`);
}

beforeEach(() => setViewport({ width: 1280, height: 900 }));
afterEach(() => fixtureCleanup());

describe('<peer-group-card>', () => {
  it('shows the name, distance, where and when, who for, cost and how the group meets', async () => {
    const el = await card();
    expect(text(part(el, 'name'))).to.equal('Leeds Type 2 Together');
    expect(text(part(el, 'distance'))).to.equal('1.2 miles away');
    const facts = text(part(el, 'facts'));
    expect(facts).to.contain('Where Central Library, Room 2, Leeds');
    // Generated from the rule, with times as the reader's locale writes them.
    expect(facts).to.match(/When First Tuesday of the month, (6:00\s?pm to 7:30\s?pm|18:00 to 19:30)/i);
    expect(facts).to.contain('Who for Adults and Families');
    expect(facts).to.contain('Cost There is a fee');
    expect(facts).to.contain('£2 a session, towards tea and the room');
    const badges = [...el.shadowRoot!.querySelectorAll('[part~="badge"]')].map(text);
    expect(badges).to.deep.equal(['Face to face', 'Online']);
    await expect(el).to.be.accessible();
  });

  it('says "Free" for a free group and leaves out the distance for a group from no search', async () => {
    const { distance: _distance, ...group } = testGroup({ answers: { ...testGroup().answers, cost: { free: true } } });
    const el = await card(group as never);
    expect(part(el, 'distance')).to.equal(null);
    expect(text(part(el, 'facts'))).to.contain('Cost Free');
  });

  it('describes a group that meets only remotely by who it serves', async () => {
    const everywhere = await card(testGroup({ location: undefined, formats: ['online'], servesEverywhere: true }));
    expect(text(part(everywhere, 'facts'))).to.contain('Where Open to people anywhere');
    const area = await card(testGroup({ location: undefined, formats: ['telephone'], serviceArea: 'West Yorkshire' }));
    expect(text(part(area, 'facts'))).to.contain('Where For people in West Yorkshire');
  });

  it('shows distances in kilometres when asked', async () => {
    const el = await card(testGroup({ distance: 12.6 }), 'km');
    expect(text(part(el, 'distance'))).to.equal('13 kilometres away');
  });

  it('fires a composed, cancelable peer-select with the group when "Details" is pressed from the keyboard', async () => {
    const group = testGroup();
    const el = await card(group);
    const button = part(el, 'details-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).to.equal('Details: Leeds Type 2 Together');
    let event: CustomEvent | undefined;
    document.addEventListener('peer-select', (e) => (event = e), { once: true });
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(event?.detail.group).to.equal(group);
    expect(event?.composed).to.equal(true);
    expect(event?.cancelable).to.equal(true);
  });

  it('shows a group’s text as text, never as markup', async () => {
    const el = await card(testGroup({ name: XSS, summary: XSS, schedule: { ...testGroup().schedule, note: XSS } }));
    expect(text(part(el, 'name'))).to.equal(XSS);
    expect(text(part(el, 'summary'))).to.equal(XSS);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(markupRan()).to.equal(false);
  });

  it('fits a 320 px screen without scrolling sideways, even with a long unbroken name', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await card(testGroup({ name: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Friends' }));
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(el.shadowRoot!.querySelector('[part=base]')!.scrollWidth).to.be.at.most(el.getBoundingClientRect().width + 1);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 700 });
    await withTextSize(200, async () => {
      await card(testGroup());
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  });

  it('marks the group’s own words with the group’s language, on a page in another', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><peer-group-card .group=${testGroup({ languages: ['cy'] })}></peer-group-card></div>`,
    );
    const el = wrapper.querySelector('peer-group-card')!;
    await el.updateComplete;
    expect(part(el, 'name')!.getAttribute('lang')).to.equal('cy');
    expect(part(el, 'summary')!.getAttribute('lang')).to.equal('cy');
  });

  it('writes every distance to the same tenth', async () => {
    const hit = (distance: number) => card({ ...testGroup(), distance });
    expect(text(part(await hit(2), 'distance'))).to.equal('2.0 miles away');
    expect(text(part(await hit(2.8), 'distance'))).to.equal('2.8 miles away');
    expect(text(part(await hit(12.4), 'distance'))).to.equal('12 miles away');
  });

  it('speaks Spanish when the page does', async () => {
    await useLocale('es');
    try {
      const el = await fixture<PeerGroupCard>(
        html`<div lang="es"><peer-group-card .group=${testGroup()} units="km"></peer-group-card></div>`,
      ).then((d) => d.querySelector('peer-group-card')!);
      await el.updateComplete;
      expect(text(part(el, 'details-button'))).to.equal('Detalles');
      expect(text(part(el, 'distance'))).to.equal('a 1,2 kilómetros');
    } finally {
      await useLocale('en');
    }
  });
});
