// <peer-finder> as people use it: in real Chromium, against the real
// directory server with the sample data (see web-test-runner.config.mjs).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/finder.js';
import type { PeerFinder } from '../../src/elements/finder.js';
import type { PeerGroupDetails } from '../../src/elements/group-details.js';
import { createAdminClient, createDirectoryClient } from '../../src/index.js';
import type { GeocodeResult, GroupHit, RegistrationInput, SearchQuery, SearchResult } from '../../src/schema/index.js';
import { useLocale } from '../../src/elements/locales/localize.js';
import { markupRan, testApi, waitUntil, withTextSize } from './support.js';
import { cards, searchFor, settled } from './finder-support.js';
import { asSubmitted, testGroup, XSS } from './group-fixture.js';
import { milesBetween as miles } from '../support/distance.js';

// ---- reading the finder as a person would

const root = (el: PeerFinder) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: PeerFinder, selector: string) => root(el).querySelector<E>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: PeerFinder) => text($(el, '[part=status]'));
const input = (el: PeerFinder) => $<HTMLInputElement>(el, '#place')!;
const hits = (el: PeerFinder) => cards(el).map((c) => c.group as GroupHit);
const focused = (el: PeerFinder): Element | null => {
  let active = root(el).activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
const button = (el: PeerFinder, words: string | RegExp) => {
  const found = [...root(el).querySelectorAll('button')].find((b) => (typeof words === 'string' ? text(b) === words : words.test(text(b))));
  if (!found) throw new Error(`No button "${words}"`);
  return found;
};
const radio = (el: PeerFinder, label: string) => {
  const found = [...root(el).querySelectorAll('label.check')].find((l) => text(l) === label && l.querySelector('[type=radio]'));
  if (!found) throw new Error(`No radio button "${label}"`);
  return found.querySelector('input')!;
};
/** Opens the filter panel and waits for its fields, which arrive after the finder's first render. */
async function openFilters(el: PeerFinder) {
  $<HTMLElement>(el, '[part=filters] summary')!.click();
  await waitUntil(() => root(el).querySelector('label.check [type=radio]'), 'the filter panel’s fields', 10_000);
}
const checkbox = (el: PeerFinder, label: string) => {
  const found = [...root(el).querySelectorAll('label.check')].find((l) => text(l) === label);
  if (!found) throw new Error(`No checkbox "${label}"`);
  return found.querySelector('input')!;
};

async function finder(attributes: Partial<Record<string, string>> = {}) {
  const el = document.createElement('peer-finder');
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', api.url);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(name, value);
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

// ---- the directory

let api: { url: string; adminToken: string };
let leeds: GeocodeResult;
/** A group published for these tests, meeting exactly at LS1 3AB's point: it must come first there. */
let atThePostcode: string;
/** A published group whose text is an XSS payload, also meeting at LS1 3AB. */
let hostile: string;

async function publish(group: RegistrationInput['group']): Promise<string> {
  const directory = createDirectoryClient({ baseUrl: api.url });
  const admin = createAdminClient({ baseUrl: api.url, token: api.adminToken });
  const receipt = await directory.registrations.create({
    group: asSubmitted(group),
    registrant: { name: 'Test Leader', email: 'leader@example.org' },
    consent: { storeData: true, noMedicalAdvice: true },
  });
  const pending = await admin.registrations.list({ status: 'pending' });
  const approved = await admin.registrations.approve(pending.find((r) => r.reference === receipt.reference)!.id);
  return approved.groupId!;
}

before(async () => {
  api = await testApi();
  leeds = await createDirectoryClient({ baseUrl: api.url }).geocode('LS1 3AB');
  const { id: _id, updatedAt: _u, distance: _d, ...base } = testGroup();
  const location = { ...base.location!, lat: leeds.lat, lng: leeds.lng };
  atThePostcode = await publish({ ...base, name: 'Finder Test: At The Postcode', location });
  hostile = await publish({
    ...base,
    name: `Finder Test ${XSS}`,
    summary: XSS,
    answers: { ...base.answers, purpose: XSS, attendees: XSS },
    location: { ...location, lat: leeds.lat + 0.0001 },
  });
});

beforeEach(() => setViewport({ width: 1280, height: 900 }));
afterEach(() => fixtureCleanup());

describe('<peer-finder> downloading', () => {
  // First in the file (each file has a page of its own): no group has been opened yet.
  it('downloads the details view only when someone opens a group', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    expect(customElements.get('peer-group-details')).to.equal(undefined);
    cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    const details = await waitForDetails(el);
    expect(customElements.get('peer-group-details')).to.exist;
    expect(details.groupId, 'the whole group is read from the directory').to.equal(atThePostcode);
    expect(text(details.shadowRoot!.querySelector('h2'))).to.equal(cards(el)[0]!.group!.name);
    expect(details.shadowRoot!.activeElement).to.equal(details.shadowRoot!.querySelector('h2'));
  });
});

describe('<peer-finder> searching', () => {
  it('starts with a labelled postcode field and a word on what it finds', async () => {
    const el = await finder();
    expect(text(root(el).querySelector('label[for=place]'))).to.equal('Postcode, ZIP code or town');
    expect(input(el).getAttribute('autocomplete')).to.equal('postal-code');
    expect(input(el).getAttribute('aria-describedby')).to.equal('place-hint');
    expect(text($(el, '.intro'))).to.match(/^Enter a postcode, ZIP code or town to find peer support groups near you\./);
    expect(status(el)).to.equal('');
    expect(cards(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('finds groups near a postcode typed and submitted with Enter, nearest first', async () => {
    const el = await finder();
    const searches: SearchQuery[] = [];
    const results: SearchResult[] = [];
    el.addEventListener('peer-search', (e) => searches.push(e.detail));
    el.addEventListener('peer-results', (e) => results.push(e.detail));

    await searchFor(el, 'ls13ab');

    expect(input(el).value, 'the postcode is tidied').to.equal('LS1 3AB');
    const found = hits(el);
    expect(found.length).to.be.greaterThan(2);
    expect(found[0]!.id, 'the group at the postcode itself comes first').to.equal(atThePostcode);
    const distances = found.map((g) => g.distance);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    // Each distance is the real distance from the postcode.
    for (const g of found) expect(g.distance).to.be.closeTo(miles(leeds, g.location!), 0.15);
    expect(text(cards(el)[0]!.shadowRoot!.querySelector('[part=distance]'))).to.equal('0.0 miles away');
    expect(status(el)).to.match(/^(Showing the 10 nearest groups|\d+ groups found) within 25 miles of LS1 3AB\./);
    expect($(el, '[part=status]')!.getAttribute('role')).to.equal('status');

    expect(searches).to.have.length(1);
    expect(searches[0]).to.include({ near: 'LS1 3AB', radius: 25, units: 'mi' });
    expect(results).to.have.length(1);
    expect(results[0]!.groups.map((g) => g.id)).to.deep.equal(found.map((g) => g.id));
    await expect(el).to.be.accessible();
  });

  it('lists the online and telephone groups open to everyone under their own heading', async () => {
    const el = await finder();
    await searchFor(el, 'SW1A 1AA');
    const everywhere = cards(el, 'everywhere');
    expect(everywhere.length).to.be.greaterThan(0);
    expect(text($(el, '[part=everywhere] h2'))).to.equal('Online and telephone groups open to everyone');
    for (const card of everywhere) {
      expect(card.group!.servesEverywhere).to.equal(true);
      expect(card.shadowRoot!.querySelector('[part=distance]')).to.equal(null);
    }
    expect(status(el)).to.match(/\d+ groups online or by telephone are open to everyone\.$/);
    const all = Number(/(\d+) groups online/.exec(status(el))![1]);
    expect(everywhere.length, 'a few, then the rest on request').to.equal(3);
    button(el, `Show all ${all} online and telephone groups`).click();
    await el.updateComplete;
    await waitUntil(() => cards(el, 'everywhere')[3]?.shadowRoot?.activeElement, 'focus on the first card shown');
    expect(cards(el, 'everywhere')).to.have.length(all);
    await expect(el).to.be.accessible();
  });

  it('accepts a town name, and names the place it searched from', async () => {
    const el = await finder();
    await searchFor(el, 'Leeds');
    expect(status(el)).to.match(/within 25 miles of Leeds, England\./);
    expect(text($(el, '[part=nearby] h2'))).to.equal('Groups near Leeds, England');
    expect(hits(el).some((g) => g.location?.town === 'Leeds')).to.equal(true);
  });

  it('says, with the results, when distances are from the middle of somewhere rather than a postcode', async () => {
    const el = await finder();
    await searchFor(el, 'Cardiff');
    expect(status(el)).to.match(/within 25 miles of Cardiff, Wales\. Distances are from the centre of Cardiff, Wales\./);
    expect($(el, '[part=status]')!.getAttribute('role'), 'announced with the results').to.equal('status');

    await searchFor(el, 'BT1 1AA');
    expect(status(el)).to.match(/within 25 miles of BT1 1AA\. Distances are from the centre of Belfast\./);

    await searchFor(el, 'LS1 3ZZ');
    expect(status(el)).to.match(/of LS1 3ZZ\. Distances are from the middle of postcode sector LS1 3\./);

    await searchFor(el, 'LS1 3AB');
    expect(status(el), 'a postcode the directory knows is exact').not.to.match(/Distances are from/);
    await expect(el).to.be.accessible();
  });

  it('asks "which Newport?" by offering the other places of the name, and searches from the one chosen', async () => {
    const el = await finder();
    await searchFor(el, 'Newport');
    expect(status(el)).to.match(/within 25 miles of Newport, Wales\./);
    expect(hits(el).some((g) => g.id.startsWith('grp-newport-'))).to.equal(true);
    const others = $(el, '[part=alternatives]')!;
    expect(others.getAttribute('aria-label')).to.equal('Other places called Newport');
    expect(text(others.querySelector('p'))).to.equal('Not the Newport you meant? Search near:');
    await expect(el).to.be.accessible();

    button(el, 'Newport, RI').click();
    await settled(el);
    expect(input(el).value).to.equal('Newport, RI');
    expect(status(el)).to.match(/within 25 miles of Newport, RI\. Distances are from the centre of Newport, RI\./);
    expect($(el, '[part=alternatives]'), 'a place chosen by name needs no others').to.equal(null);
  });

  it('accepts US ZIP codes', async () => {
    const el = await finder();
    await searchFor(el, '10001');
    expect(status(el)).to.match(/within 25 miles of 10001\. Distances are from the middle of ZIP code 10001\./);
    const found = hits(el);
    expect(found.length).to.be.greaterThan(0);
    expect(found.every((g) => g.location?.country === 'US')).to.equal(true);
  });

  it('narrows the results with filters, and counts the filters chosen', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const before = hits(el);
    expect(
      before.some((g) => !g.conditions.includes('type1')),
      'some groups nearby are not for type 1',
    ).to.equal(true);

    await openFilters(el);
    checkbox(el, 'Type 1 diabetes').click();
    await el.updateComplete;
    await settled(el);

    const after = hits(el);
    expect(after.length).to.be.greaterThan(0);
    expect(after.every((g) => g.conditions.includes('type1'))).to.equal(true);
    expect(cards(el, 'everywhere').every((c) => c.group!.conditions.includes('type1'))).to.equal(true);
    expect(text($(el, '[part=filters] summary'))).to.equal('Filters (1 chosen)');

    checkbox(el, 'Free groups only').click();
    await settled(el);
    expect(hits(el).every((g) => g.answers.cost.free && g.conditions.includes('type1'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('searches a wider radius when one is chosen', async () => {
    const el = await finder({ radius: '5' });
    await searchFor(el, 'LS1 3AB');
    expect(hits(el).every((g) => g.distance <= 5)).to.equal(true);
    const radius = $<HTMLSelectElement>(el, '#radius')!;
    expect(radius.value).to.equal('5');
    radius.value = '100';
    radius.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(el);
    expect(status(el)).to.contain('within 100 miles of LS1 3AB');
  });

  it('waits for the person to finish choosing a distance from the keyboard', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const searches: SearchQuery[] = [];
    el.addEventListener('peer-search', (e) => searches.push(e.detail));
    $<HTMLSelectElement>(el, '#radius')!.focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#radius')!.value).to.equal('200');
    expect(searches, 'no search per key').to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(searches.map((q) => q.radius)).to.deep.equal([200]);
    expect(status(el)).to.contain('within 200 miles of LS1 3AB');
  });

  it('takes preset filters from attributes, and can hide them', async () => {
    const el = await finder({ conditions: 'type1', 'hide-filters': 'condition,model' });
    let query: SearchQuery | undefined;
    el.addEventListener('peer-search', (e) => (query = e.detail));
    // The panel's fields arrive just after the finder first shows.
    await waitUntil(() => $(el, '[part=filters] legend'), 'the filter panel');
    const legends = [...root(el).querySelectorAll('legend')].map(text);
    expect(legends).to.not.include('Type of diabetes');
    expect(legends).to.not.include('Kind of support');
    expect(legends).to.include('Who it is for');
    await searchFor(el, 'LS1 3AB');
    expect(query!.condition).to.deep.equal(['type1']);
    expect(hits(el).every((g) => g.conditions.includes('type1'))).to.equal(true);
  });

  it('shows more groups on request, moving focus to the first new one', async () => {
    const el = await finder({ 'page-size': '3', radius: '200' });
    await searchFor(el, 'LS1 3AB');
    expect(hits(el)).to.have.length(3);
    expect(status(el)).to.equal(`Showing the 3 nearest groups within 200 miles of LS1 3AB. ${status(el).split('LS1 3AB. ')[1]}`);
    button(el, 'Show more groups').click();
    await settled(el);
    await waitUntil(() => focused(el)?.closest?.('[part=base]') || cards(el)[3]?.shadowRoot?.activeElement, 'focus');
    const found = hits(el);
    expect(found).to.have.length(6);
    expect(new Set(found.map((g) => g.id)).size).to.equal(6);
    const distances = found.map((g) => g.distance);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    expect(cards(el)[3]!.shadowRoot!.activeElement).to.equal(cards(el)[3]!.shadowRoot!.querySelector('[part=details-button]'));
  });

  it('cancels a search still in flight when a new one starts', async () => {
    const el = await finder();
    const results: SearchResult[] = [];
    el.addEventListener('peer-results', (e) => results.push(e.detail));
    // Each request's end, answered or cancelled: after the first has ended, no answer to it can still arrive.
    const ended: Promise<unknown>[] = [];
    const realFetch = window.fetch;
    window.fetch = (...args) => {
      const answer = realFetch(...args);
      ended.push(
        answer.then(
          (res) => res.clone().text(),
          (error: unknown) => error,
        ),
      );
      return answer;
    };
    try {
      input(el).value = 'SW1A 1AA';
      input(el).dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      input(el).value = 'LS1 3AB';
      input(el).dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await settled(el);
      await waitUntil(() => ended.length === 2, 'both searches to be sent');
      await Promise.all(ended);
      await el.updateComplete;
    } finally {
      window.fetch = realFetch;
    }
    expect(results).to.have.length(1);
    expect(results[0]!.origin!.label).to.equal('LS1 3AB');
    expect(hits(el)[0]!.id).to.equal(atThePostcode);
  });

  it('shows that it is searching without moving anything on the page', async () => {
    // On a phone the answer takes several lines and "Searching…" one.
    await setViewport({ width: 320, height: 700 });
    const el = await finder();
    const statusLine = $(el, '[part=status]')!;
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return [r.top, r.height];
    };
    const search = async (place: string) => {
      input(el).value = place;
      input(el).dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
      expect(status(el)).to.equal('Searching…');
      expect($(el, '[part=results]')!.getAttribute('aria-busy')).to.equal('true');
    };
    const before = box(statusLine);
    const finderHeight = el.getBoundingClientRect().height;
    await search('LS1 3AB');
    expect(box(statusLine)).to.deep.equal(before);
    // The introduction keeps its room until the results come, so what the page has below the finder stays put.
    expect(el.getBoundingClientRect().height, 'the finder while the first search runs').to.equal(finderHeight);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(statusLine.getBoundingClientRect().top, 'the status line stays put').to.equal(before[0]);

    // Searching again: the old results stay where they are until the new ones come.
    const answered = box(statusLine);
    const firstCard = box(cards(el)[0]!);
    await search('SW1A 1AA');
    expect(box(statusLine), 'the status line while searching again').to.deep.equal(answered);
    expect(box(cards(el)[0]!), 'the old results while searching again').to.deep.equal(firstCard);
    await settled(el);
  });

  it('shows a group’s text as text, never as markup', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const card = cards(el).find((c) => c.group!.id === hostile)!;
    expect(text(card.shadowRoot!.querySelector('h3'))).to.equal(`Finder Test ${XSS}`);
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    const details = await waitForDetails(el);
    expect(text(details.shadowRoot!.querySelector('[part=answers]'))).to.contain(XSS);
    for (const scope of [root(el), card.shadowRoot!, details.shadowRoot!]) {
      expect(scope.querySelector('img, script')).to.equal(null);
    }
    expect(markupRan()).to.equal(false);
  });
});

describe('<peer-finder> when something is wrong', () => {
  it('explains an invalid postcode beside the field and in an error summary that takes focus', async () => {
    const el = await finder();
    let searched = false;
    el.addEventListener('peer-search', () => (searched = true));
    await searchFor(el, 'SW1A 1A');
    const summary = $(el, '[part=error-summary]')!;
    expect(text(summary)).to.equal('There is a problem Enter a postcode like SW1A 1AA, a ZIP code like 10001, or a town');
    expect(focused(el)).to.equal(summary);
    expect(text($(el, '#place-error'))).to.equal('Error: Enter a postcode like SW1A 1AA, a ZIP code like 10001, or a town');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal('place-hint place-error');
    expect(searched, 'nothing is sent').to.equal(false);
    await expect(el).to.be.accessible();

    // The summary's link takes people to the field.
    summary.querySelector('a')!.click();
    expect(focused(el)).to.equal(input(el));
    expect(location.hash).to.equal('');
  });

  it('asks for a postcode when the field is empty', async () => {
    const el = await finder();
    await searchFor(el, '');
    expect(text($(el, '[part=error-summary] a'))).to.equal('Enter a postcode, ZIP code or town');
  });

  it('says when a well-formed postcode cannot be found', async () => {
    const el = await finder();
    await searchFor(el, 'ZZ99 9ZZ');
    await waitUntil(() => $(el, '[part=error-summary]'), 'the error summary');
    expect(text($(el, '#place-error'))).to.equal('Error: We could not find ZZ99 9ZZ. Check it, or try a nearby postcode or town.');
    expect(focused(el)).to.equal($(el, '[part=error-summary]'));
    expect(cards(el)).to.have.length(0);
    // The page promises these in every search.
    expect(cards(el, 'everywhere').length, 'the groups open to everyone').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('says "Error:" first in the page’s title while it shows a problem', async () => {
    const title = (document.title = 'Find a group');
    const el = await finder();
    await searchFor(el, 'SW1A 1A');
    expect(document.title).to.equal(`Error: ${title}`);
    await searchFor(el, 'LS1 3AB');
    expect(document.title).to.equal(title);
  });

  it('offers next steps when no group meets nearby', async () => {
    const el = await finder({ radius: '1', 'start-group-href': '/start-a-group', formats: 'in-person', 'hide-filters': 'format' });
    // The middle of the North Sea, as far as the directory knows: a ZIP in Alaska.
    await searchFor(el, '99723');
    const none = $(el, '[part=none-found]')!;
    expect(status(el)).to.match(/^No groups meet within 1 mile of 99723\./);
    expect(text(none)).to.contain('No groups meet near you yet');
    expect(none.querySelector('a')!.getAttribute('href')).to.equal('/start-a-group');
    await expect(el).to.be.accessible();

    button(el, 'search within 3 miles').click();
    await settled(el);
    expect(status(el)).to.match(/within 3 miles of 99723\./);
    expect(focused(el)).to.equal($(el, '[part=status]'));
  });

  it('searches again without the filters people chose, and only those', async () => {
    const el = await finder({ radius: '1', formats: 'in-person', 'hide-filters': 'format' });
    const searches: SearchQuery[] = [];
    el.addEventListener('peer-search', (e) => searches.push(e.detail));
    await searchFor(el, '99723');
    await openFilters(el);
    checkbox(el, 'Type 1 diabetes').click();
    await settled(el);
    button(el, 'search again without your filters').click();
    await settled(el);
    for (const label of ['Type 1 diabetes', 'Free groups only', 'Family members welcome']) {
      expect(checkbox(el, label).checked, label).to.equal(false);
    }
    const last = searches.at(-1)!;
    expect(last.condition ?? []).to.deep.equal([]);
    expect(last.free, 'free').to.equal(undefined);
    expect(last.family, 'family').to.equal(undefined);
    expect(last.format, 'the hidden preset stays').to.deep.equal(['in-person']);
  });

  it('offers to try again when the directory cannot be reached, and recovers', async () => {
    const el = await finder({ api: 'http://127.0.0.1:9' });
    await searchFor(el, 'LS1 3AB');
    const problem = $(el, '[part=problem]')!;
    expect(text(problem)).to.equal('We could not reach the directory Check your internet connection, then try again. Try again');
    expect(focused(el)).to.equal(problem);
    await expect(el).to.be.accessible();

    el.api = api.url;
    button(el, 'Try again').click();
    await el.updateComplete;
    await settled(el);
    expect(hits(el)[0]!.id).to.equal(atThePostcode);
    expect($(el, '[part=problem]')).to.equal(null);
  });

  it('says so when the device is offline', async () => {
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const el = await finder({ api: 'http://127.0.0.1:9' });
      await searchFor(el, 'LS1 3AB');
      expect(text($(el, '[part=problem] h2'))).to.equal('You seem to be offline');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')).to.deep.equal(onLine);
    }
  });

  it('says so when the directory fails', async () => {
    const el = await finder({ api: `${location.origin}/__fail/500` });
    await searchFor(el, 'LS1 3AB');
    expect(text($(el, '[part=problem]'))).to.equal(
      'The directory is not working just now This is a problem on our side. Try again in a few minutes. Try again',
    );
    expect(focused(el)).to.equal($(el, '[part=problem]'));
    await expect(el).to.be.accessible();
  });

  it('asks people to wait when there have been too many searches', async () => {
    const el = await finder({ api: `${location.origin}/__fail/429` });
    await searchFor(el, 'LS1 3AB');
    expect(text($(el, '[part=problem]'))).to.equal('There have been too many searches Wait 30 seconds, then try again. Try again');
    await expect(el).to.be.accessible();
  });
});

describe('<peer-finder> with a location from the device', () => {
  const real = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
  const fake = (answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) =>
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => setTimeout(() => answer(ok, fail), 10) },
    });
  afterEach(() => delete (navigator as { geolocation?: unknown }).geolocation);
  after(() => expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')).to.deep.equal(real));

  it('searches near the device when "Use my location" is pressed', async () => {
    fake((ok) => ok({ coords: { latitude: leeds.lat, longitude: leeds.lng } } as GeolocationPosition));
    const el = await finder();
    let query: SearchQuery | undefined;
    el.addEventListener('peer-search', (e) => (query = e.detail));
    button(el, 'Use my location').click();
    await waitUntil(() => query, 'a search');
    await settled(el);
    // To about 1 km: enough for the search, and no more of where someone is.
    expect(query).to.include({ lat: Math.round(leeds.lat * 100) / 100, lng: Math.round(leeds.lng * 100) / 100 });
    expect(status(el)).to.match(/within 25 miles of your location\./);
    expect(status(el), 'a device’s location is exact').not.to.match(/Distances are from/);
    expect(hits(el).map((g) => g.id)).to.include(atThePostcode);
  });

  it('explains what to do when location is refused', async () => {
    fake((_ok, fail) => fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError));
    const el = await finder();
    button(el, 'Use my location').click();
    await waitUntil(() => $(el, '[part=error-summary]'), 'the error summary');
    expect(text($(el, '[part=error-summary] a'))).to.equal(
      'This page is not allowed to use your location. Enter a postcode or town instead, or allow location in your browser’s settings.',
    );
    expect(focused(el)).to.equal($(el, '[part=error-summary]'));
    await expect(el).to.be.accessible();
  });
});

async function waitForDetails(el: PeerFinder): Promise<PeerGroupDetails> {
  await waitUntil(() => $(el, 'peer-group-details')?.shadowRoot?.querySelector('h2'), 'the details view');
  return $<PeerGroupDetails>(el, 'peer-group-details')!;
}

describe('<peer-finder> group details', () => {
  it('opens a group’s details and comes back to the same place, announcing peer-select', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const selected: string[] = [];
    document.addEventListener('peer-select', (e) => selected.push(e.detail.group.id));
    const card = cards(el)[1]!;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    const details = await waitForDetails(el);
    expect(selected).to.deep.equal([card.group!.id]);
    expect(details.groupId).to.equal(card.group!.id);
    expect(text(details.shadowRoot!.querySelector('h2'))).to.equal(card.group!.name);
    expect($(el, '.finder')!.hidden).to.equal(true);
    expect(details.shadowRoot!.activeElement).to.equal(details.shadowRoot!.querySelector('h2'));
    await expect(el).to.be.accessible();

    button(el, 'Back to results').click();
    await waitUntil(() => card.shadowRoot!.activeElement, 'focus back on the card');
    expect($(el, 'peer-group-details')).to.equal(null);
    expect(card.shadowRoot!.activeElement).to.equal(card.shadowRoot!.querySelector('[part=details-button]'));
  });

  it('leaves the group to the host page when it cancels peer-select', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('peer-select', cancel);
    try {
      let seen = false;
      document.addEventListener('peer-select', () => (seen = true), { once: true });
      cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
      expect(seen, 'the page was told').to.equal(true);
      // The finder decides once the event has reached the page, then renders what it decided.
      await Promise.resolve();
      await el.updateComplete;
      expect($(el, 'peer-group-details')).to.equal(null);
      expect($(el, '.finder')!.hidden).to.equal(false);
    } finally {
      document.removeEventListener('peer-select', cancel);
    }
  });

  it('links the group’s calendar file, which the directory serves', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    const details = await waitForDetails(el);
    const calendar = [...details.shadowRoot!.querySelectorAll('a')].find((a) => /calendar/.test(text(a)))!;
    expect(calendar.href).to.equal(`${api.url}/v1/groups/${atThePostcode}/calendar.ics`);
    const res = await fetch(calendar.href);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/calendar/);
    // On the group's own clock, which calendars convert with the VTIMEZONE the file carries.
    expect(await res.text()).to.contain('DTSTART;TZID=Europe/London:20991201T180000');
  });
});

describe('<peer-finder> from the keyboard alone', () => {
  it('searches, filters, opens a group and comes back without a mouse', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>Before the finder</button>`);
    const el = await finder();
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(input(el));
    await sendKeys({ type: 'LS1 3AB' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await settled(el);
    expect(hits(el)[0]!.id).to.equal(atThePostcode);

    // Tab: distance, Search, Use my location, Filters.
    for (const expected of ['#radius', '[part=submit]', '[part=locate]', '[part=filters] summary']) {
      await sendKeys({ press: 'Tab' });
      expect(focused(el), expected).to.equal($(el, expected));
    }
    await sendKeys({ press: 'Enter' });
    expect($<HTMLDetailsElement>(el, '[part=filters]')!.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(checkbox(el, 'Type 1 diabetes'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await settled(el);
    expect(hits(el).every((g) => g.conditions.includes('type1'))).to.equal(true);

    // Into the results: the first card's Details button, past the rest of the filters.
    const first = cards(el)[0]!;
    const details = first.shadowRoot!.querySelector('[part=details-button]');
    for (let i = 0; i < 40 && focused(el) !== details; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(details);
    await sendKeys({ press: 'Enter' });
    const view = await waitForDetails(el);
    expect(view.shadowRoot!.activeElement).to.equal(view.shadowRoot!.querySelector('h2'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal($(el, '[part=back]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => first.shadowRoot!.activeElement, 'focus back on the card');
    expect(focused(el)).to.equal(details);
  });
});

describe('<peer-finder> on a page', () => {
  it('can be defined twice (two copies of the script) without an error', async () => {
    const first = customElements.get('peer-finder');
    // A different URL is a second copy of the module, with its own class.
    await import(`../../src/elements/finder.ts?copy=${Date.now()}`);
    expect(customElements.get('peer-finder')).to.equal(first);
  });

  it('runs two finders side by side, each with its own search', async () => {
    const a = await finder();
    const b = await finder({ conditions: 'type1', 'hide-filters': 'condition' });
    await searchFor(a, 'LS1 3AB');
    await searchFor(b, 'SW1A 1AA');
    expect(status(a)).to.contain('LS1 3AB');
    expect(status(b)).to.contain('SW1A 1AA');
    expect(hits(a)[0]!.id).to.equal(atThePostcode);
    expect(hits(b).every((g) => g.conditions.includes('type1'))).to.equal(true);
    expect(input(a).id).to.equal(input(b).id); // ids are per shadow root: no clash
    await searchFor(a, 'SW1A 1A');
    expect($(a, '[part=error-summary]')).to.exist;
    expect($(b, '[part=error-summary]')).to.equal(null);
    expect(hits(b).length).to.be.greaterThan(0);
  });

  it('fits a 320 px screen, in every state, without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await finder({ 'start-group-href': '/start' });
    const fits = () => expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
    fits();
    await searchFor(el, 'LS1 3AB');
    await openFilters(el);
    await el.updateComplete;
    fits();
    await expect(el).to.be.accessible();
    await searchFor(el, '123 nonsense');
    fits();
  });

  it('fits a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 700 });
    await withTextSize(200, async () => {
      const el = await finder({ 'start-group-href': '/start' });
      const fits = () => expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      fits();
      await searchFor(el, 'LS1 3AB');
      await openFilters(el);
      await el.updateComplete;
      fits();
      cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
      await waitForDetails(el);
      fits();
    });
  });

  it('speaks Spanish, in miles for a UK postcode until the person picks kilometres', async () => {
    const el = await finder({ lang: 'es' });
    try {
      await waitUntil(() => text($(el, '[part=submit]')) === 'Buscar', 'the Spanish catalogue');
      await searchFor(el, 'LS1 3AB');
      expect(status(el)).to.match(/25 millas de LS1 3AB/);
      expect(text(cards(el)[0]!.shadowRoot!.querySelector('[part=details-button]'))).to.equal('Detalles');
      await expect(el).to.be.accessible();
      await openFilters(el);
      radio(el, 'Kilómetros').click();
      await settled(el);
      expect(status(el)).to.match(/25 kilómetros de LS1 3AB/);
      expect(text(cards(el)[0]!.shadowRoot!.querySelector('[part=distance]'))).to.match(/kilómetros/);
      await searchFor(el, 'Cardiff');
      expect(status(el)).to.match(/Las distancias se miden desde el centro de Cardiff, Wales\./);
    } finally {
      await useLocale('en');
    }
  });

  it('prints what it found, or the group open, without the search form or any button', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const shows = (e: Element | null) => !!e && e.getClientRects().length > 0;
    await emulateMedia({ media: 'print' });
    try {
      expect(shows($(el, 'form')), 'the search form').to.equal(false);
      expect([...root(el).querySelectorAll('button')].filter(shows).map(text), 'buttons').to.deep.equal([]);
      const card = cards(el)[0]!;
      expect(shows(card), 'the results').to.equal(true);
      expect(shows(card.shadowRoot!.querySelector('[part=details-button]')), 'a card’s button').to.equal(false);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    const details = await waitForDetails(el);
    await emulateMedia({ media: 'print' });
    try {
      expect(shows($(el, '[part=back]')), 'Back to results').to.equal(false);
      expect(shows(details.shadowRoot!.querySelector('[part=name]')), 'the group').to.equal(true);
      expect([...details.shadowRoot!.querySelectorAll('button')].filter(shows).map(text), 'buttons in the details').to.deep.equal([]);
      expect(details.shadowRoot!.querySelector<HTMLElement>('[part=meetings]')!.innerText).to.not.contain('new tab');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps its contrast in dark mode on a light page (theme="auto")', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await finder({ theme: 'auto' });
      await searchFor(el, 'LS1 3AB');
      expect(getComputedStyle(el).backgroundColor, 'its own dark background').to.equal('rgb(21, 32, 43)');
      const card = cards(el)[0]!;
      expect(getComputedStyle(card.shadowRoot!.querySelector('h3')!).color, 'the cards follow').to.equal('rgb(240, 244, 245)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('speaks Welsh when the page does', async () => {
    const el = await finder({ lang: 'cy' });
    try {
      await waitUntil(() => text($(el, '[part=submit]')) === 'Chwilio', 'the Welsh catalogue');
      expect(text(root(el).querySelector('label[for=place]'))).to.equal('Cod post, cod ZIP neu dref');
      await searchFor(el, 'LS1 3AB');
      expect(status(el)).to.match(/o fewn 25 milltir i LS1 3AB\./);
      expect(text(cards(el)[0]!.shadowRoot!.querySelector('[part=details-button]'))).to.equal('Manylion');
      await expect(el).to.be.accessible();
    } finally {
      await useLocale('en');
    }
  });

  it('shows the host’s units until the person picks their own', async () => {
    const el = await finder({ units: 'km' });
    await searchFor(el, 'LS1 3AB');
    expect(status(el)).to.contain('within 25 kilometres of LS1 3AB');
    await openFilters(el);
    expect(radio(el, 'Kilometres').checked).to.equal(true);
    radio(el, 'Miles').click();
    await settled(el);
    expect(status(el)).to.contain('within 25 miles of LS1 3AB');
  });
});

describe('<peer-finder sync-url>', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('keeps the search in the address, and restores it on reload and back', async () => {
    const el = await finder({ 'sync-url': '' });
    await searchFor(el, 'LS1 3AB');
    checkbox(el, 'Free groups only').click();
    await settled(el);
    const url = new URL(location.href);
    expect(url.searchParams.get('near')).to.equal('LS1 3AB');
    expect(url.searchParams.get('free')).to.equal('true');
    expect(url.searchParams.get('radius')).to.equal('25');

    // "Reload": a new finder on the same address shows the same search.
    fixtureCleanup();
    const reloaded = await finder({ 'sync-url': '' });
    await waitUntil(() => hits(reloaded).length, 'the restored search');
    await waitUntil(() => $(reloaded, '[part=filters] fieldset'), 'the filter panel, which comes after the finder shows');
    expect(input(reloaded).value).to.equal('LS1 3AB');
    expect(checkbox(reloaded, 'Free groups only').checked).to.equal(true);
    expect(hits(reloaded).every((g) => g.answers.cost.free)).to.equal(true);

    // Back, to before the search (a ticked filter narrowed it, and added no history of its own): the finder as it started.
    history.back();
    await waitUntil(() => !new URL(location.href).searchParams.has('near'), 'back to the start');
    await waitUntil(() => $(reloaded, '.intro'), 'the first view');
    expect(input(reloaded).value).to.equal('');
    expect(cards(reloaded)).to.have.length(0);
    expect($(reloaded, '[part=problem]')).to.equal(null);
    expect(status(reloaded)).to.equal('');
  });

  it('adds to history the searches people go back to, not each filter ticked', async () => {
    const el = await finder({ 'sync-url': '' });
    await searchFor(el, 'LS1 3AB');
    await searchFor(el, 'SW1A 1AA');
    for (const label of ['Free groups only', 'Family members welcome', 'Type 2 diabetes']) {
      checkbox(el, label).click();
      await settled(el);
    }
    $<HTMLSelectElement>(el, '#radius')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await settled(el);
    expect(new URL(location.href).searchParams.get('radius')).to.equal('50');
    history.back();
    await waitUntil(() => new URL(location.href).searchParams.get('near') === 'LS1 3AB', 'back to the first search');
    await settled(el);
    expect(input(el).value).to.equal('LS1 3AB');
    expect(checkbox(el, 'Free groups only').checked).to.equal(false);
  });

  it('takes an empty search out of the address', async () => {
    const el = await finder({ 'sync-url': '' });
    await searchFor(el, 'LS1 3AB');
    await searchFor(el, '');
    expect(text($(el, '[part=error-summary] a'))).to.equal('Enter a postcode, ZIP code or town');
    expect(new URL(location.href).searchParams.has('near')).to.equal(false);
  });

  it('keeps a device’s location in the address only to about 1 km', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 53.48123, longitude: -2.24321 } } as GeolocationPosition),
      },
    });
    try {
      const el = await finder({ 'sync-url': '' });
      button(el, 'Use my location').click();
      await waitUntil(() => new URL(location.href).searchParams.has('lat'), 'the search in the address');
      const p = new URL(location.href).searchParams;
      expect([p.get('lat'), p.get('lng')]).to.deep.equal(['53.48', '-2.24']);
      await settled(el);
    } finally {
      delete (navigator as { geolocation?: unknown }).geolocation;
    }
  });

  it('names the open group in the page’s title', async () => {
    const title = (document.title = 'Find a group');
    const el = await finder({ 'sync-url': '' });
    await searchFor(el, 'LS1 3AB');
    cards(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    await waitForDetails(el);
    expect(document.title).to.equal(`Finder Test: At The Postcode – ${title}`);
    button(el, 'Back to results').click();
    await waitUntil(() => !$(el, 'peer-group-details'), 'the details to close');
    expect(document.title).to.equal(title);
  });

  it('puts an open group in the address, so Back closes it and a shared link opens it', async () => {
    const el = await finder({ 'sync-url': '' });
    await searchFor(el, 'LS1 3AB');
    const card = cards(el)[0]!;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    await waitForDetails(el);
    const shared = location.href;
    expect(new URL(shared).searchParams.get('group')).to.equal(atThePostcode);

    history.back();
    await waitUntil(() => !$(el, 'peer-group-details'), 'the details to close');
    await waitUntil(() => card.shadowRoot!.activeElement, 'focus back on the card');

    fixtureCleanup();
    history.replaceState(null, '', shared);
    const opened = await finder({ 'sync-url': '' });
    const details = await waitForDetails(opened);
    expect(text(details.shadowRoot!.querySelector('h2'))).to.equal('Finder Test: At The Postcode');
    await expect(opened).to.be.accessible();
  });
});
