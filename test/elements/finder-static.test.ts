// A directory with no server: <peer-finder src>, its details view and
// <peer-checklist src> in real Chromium, reading the sample directory's
// static file (`export --format static`) from a plain file server. The `api`
// they are given is a closed port, so any request to an API would fail.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/finder.js';
import '../../src/elements/checklist.js';
import type { PeerFinder } from '../../src/elements/finder.js';
import type { PeerGroupDetails } from '../../src/elements/group-details.js';
import type { GeocodeResult, Group, GroupHit, StaticDirectory } from '../../src/schema/index.js';
import { testApi, waitUntil } from './support.js';
import { cards, searchFor, settled } from './finder-support.js';
import { milesBetween } from '../support/distance.js';

const NO_API = 'http://127.0.0.1:9';

const root = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hits = (el: PeerFinder) => cards(el).map((c) => c.group as GroupHit);
const checkbox = (el: PeerFinder, label: string) => {
  const found = [...root(el).querySelectorAll('label.check')].find((l) => text(l) === label);
  if (!found) throw new Error(`No checkbox "${label}"`);
  return found.querySelector('input')!;
};

let src: string;
let file: StaticDirectory;

before(async () => {
  src = `${(await testApi()).staticUrl}/directory.json`;
  file = (await (await fetch(src)).json()) as StaticDirectory;
});
beforeEach(() => setViewport({ width: 1280, height: 900 }));
afterEach(() => fixtureCleanup());

async function finder(attributes: Record<string, string> = {}) {
  const el = document.createElement('peer-finder');
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', NO_API);
  el.setAttribute('src', src);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  (await fixture<HTMLElement>(html`<div></div>`)).append(el);
  await el.updateComplete;
  return el;
}

/**
 * What the page should list from `origin`, worked out from the file alone:
 * groups meeting in person (not serving everywhere) within 25 miles that
 * pass `keep`, nearest first, distances in miles.
 */
function expectedNear(origin: { lat: number; lng: number }, keep: (g: Group) => boolean = () => true): number[] {
  return file.groups
    .filter((g) => g.location && !g.servesEverywhere && keep(g))
    .map((g) => milesBetween(origin, g.location!))
    .filter((miles) => miles <= 25)
    .sort((a, b) => a - b)
    .slice(0, 10);
}

function expectDistances(shown: GroupHit[], expected: number[]) {
  expect(shown.length, 'groups listed').to.equal(expected.length);
  shown.forEach((hit, i) => expect(Math.abs(hit.distance - expected[i]!), `distance of ${hit.name}`).to.be.below(0.02));
}

const place = (label: string): GeocodeResult => {
  const found = file.places.find((p) => p.label === label);
  if (!found) throw new Error(`${label} is not in the file`);
  return found;
};

/** Requests the page made since `since` (ms), by address. */
const requestsSince = (since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since)
    .map((e) => e.name);

describe('<peer-finder src>: a directory with no server', () => {
  it('searches from a postcode, nearest first, from the file alone', async () => {
    const start = performance.now();
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    // LS1 3AB is not in the file: the search starts from the LS1 district's centre.
    const shown = hits(el);
    expect(shown.length).to.be.greaterThan(1);
    expectDistances(shown, expectedNear(place('LS1')));
    expect(cards(el, 'everywhere').length, 'the online groups open to everyone').to.be.greaterThan(0);
    expect(text($(el, '[part=status]'))).to.match(/LS1 3AB/);
    const requests = requestsSince(start);
    expect(
      requests.filter((r) => r.startsWith(NO_API)),
      'no request to an API',
    ).to.deep.equal([]);
    expect(requests.filter((r) => r === src).length, 'the file, read once').to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('searches from a town in the file, and narrows the results with filters', async () => {
    const located = file.groups.filter((g) => g.location && !g.servesEverywhere);
    // A town the API places under another label (`Aberdeen, Scotland`): the file names it.
    const town = located.map((g) => g.location!.town).find((t) => file.names?.[t.toLowerCase()])!;
    const origin = place(file.names![town.toLowerCase()]!);
    const el = await finder();
    await searchFor(el, town);
    expectDistances(hits(el), expectedNear(origin));

    $<HTMLElement>(el, '[part=filters] summary')!.click();
    // The panel's fields arrive as a file of their own after the finder first shows.
    await waitUntil(() => [...root(el).querySelectorAll('label.check')].some((l) => text(l) === 'Type 2 diabetes'), 'the filter panel');
    checkbox(el, 'Type 2 diabetes').click();
    await settled(el);
    const type2 = (g: Group) => g.conditions.includes('type2');
    expectDistances(hits(el), expectedNear(origin, type2));
    expect(cards(el, 'everywhere').every((c) => c.group!.conditions.includes('type2'))).to.equal(true);
    expect(text($(el, '[part=filters] summary'))).to.equal('Filters (1 chosen)');

    checkbox(el, 'Free groups only').click();
    await settled(el);
    expectDistances(
      hits(el),
      expectedNear(origin, (g) => type2(g) && g.answers.cost.free),
    );
    await expect(el).to.be.accessible();
  });

  it('opens a group’s details, read in full from the file', async () => {
    const el = await finder();
    await searchFor(el, 'LS1 3AB');
    const card = cards(el)[0]!;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=details-button]')!.click();
    await waitUntil(() => $(el, 'peer-group-details')?.shadowRoot?.querySelector('h2'), 'the details view');
    const details = $<PeerGroupDetails>(el, 'peer-group-details')!;
    const group = file.groups.find((g) => g.id === card.group!.id)!;
    expect(text(details.shadowRoot!.querySelector('h2'))).to.equal(group.name);
    // The answers are not in the search results' summaries: they came from the file's full group.
    const answers = text(details.shadowRoot!.querySelector('[part=answers]'));
    expect(answers).to.contain(text(Object.assign(document.createElement('p'), { textContent: group.answers.purpose })));
    expect(details.shadowRoot!.querySelector('a[href$=".ics"]'), 'no calendar file without an API').to.equal(null);
    const terms = [...details.shadowRoot!.querySelectorAll('[part=meetings] dt')].map(text);
    expect(terms).to.include('When');
    if (group.schedule.rules.length > 0) expect(terms, 'no "no dates published" for a repeating group').not.to.include('Next meeting');
    await expect(el).to.be.accessible();
  });
});

describe('<peer-checklist src>', () => {
  it('shows a group from the file beside the person’s notes', async () => {
    const group = file.groups[0]!;
    const el = await fixture<HTMLElement>(html`<peer-checklist lang="en-GB" api=${NO_API} src=${src} group=${group.id}></peer-checklist>`);
    await waitUntil(() => text(root(el)).includes(group.name), 'the group’s name');
    await expect(el).to.be.accessible();
  });
});
