import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/group-details.js';
import type { PeerGroupDetails } from '../../src/elements/group-details.js';
import { QUESTIONS, type Group } from '../../src/schema/index.js';
import { useLocale } from '../../src/elements/locales/localize.js';
import { markupRan, testApi, waitUntil, withTextSize } from './support.js';
import { testGroup, XSS } from './group-fixture.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The words as shown, with line breaks between blocks (unlike textContent). */
const shown = (node: HTMLElement) => node.innerText.replace(/\s+/g, ' ').trim();
const part = (el: PeerGroupDetails, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const links = (el: PeerGroupDetails) => [...el.shadowRoot!.querySelectorAll('a')];
const link = (el: PeerGroupDetails, words: RegExp) => links(el).find((a) => words.test(text(a)));

let api: { url: string };
let published: Group;

before(async () => {
  api = await testApi();
  const res = await fetch(`${api.url}/v1/groups?near=${encodeURIComponent('LS1 3AB')}&limit=1`);
  const [found] = ((await res.json()) as { groups: { id: string }[] }).groups;
  expect(found, 'the sample data has a group near LS1 3AB').to.exist;
  // A search gives summaries; the view is given the whole group, as the finder gives it.
  published = (await (await fetch(`${api.url}/v1/groups/${found!.id}`)).json()) as Group;
});
beforeEach(() => setViewport({ width: 1280, height: 900 }));
afterEach(() => fixtureCleanup());

async function details(group: Group = testGroup()) {
  return fixture<PeerGroupDetails>(
    html`<peer-group-details lang="en-GB" .group=${group} api=${api.url}><button slot="actions">Compare</button></peer-group-details>`,
  );
}

describe('<peer-group-details>', () => {
  it('answers the 8 questions, each under its question, in order', async () => {
    const el = await details();
    const items = [...part(el, 'answers').querySelectorAll('li')];
    expect(items.map((li) => text(li.querySelector('h4')))).to.deep.equal(QUESTIONS.map((q) => q.text));
    expect(text(items[0])).to.contain('To share what works in daily life with type 2 diabetes.');
    expect(text(items[2])).to.equal('Are family members invited? Yes Partners are welcome.');
    expect(text(items[3])).to.equal('Is education about the clinical care of diabetes included? No');
    expect(text(items[7])).to.equal('Is the group free or is there a fee? There is a fee £2 a session, towards tea and the room');
    await expect(el).to.be.accessible();
  });

  it('says that peer supporters give no medical advice', async () => {
    const el = await details();
    expect(text(part(el, 'note'))).to.match(/do not give medical advice/);
  });

  it('gives the next meeting in the group’s time, directions and a calendar file', async () => {
    const el = await details();
    const meetings = shown(part(el, 'meetings'));
    expect(meetings).to.contain('Central Library, Room 2 Calverley Street Leeds LS1 3AB');
    // The 2020 meeting is over: the next is December 2099, 18:00 in London.
    expect(meetings).to.match(/Next meeting Tuesday,? 1 December 2099.*(18:00|6:00\s?PM)/i);
    const directions = link(el, /^Directions to Central Library, Room 2 \(opens in a new tab\)$/)!;
    expect(directions.target).to.equal('_blank');
    expect(directions.href).to.equal('https://www.google.com/maps/dir/?api=1&destination=53.7997%2C-1.5492');
    const calendar = link(el, /Add meetings to your calendar/)!;
    const group = el.group!;
    expect(calendar.href).to.equal(`${api.url}/v1/groups/${group.id}/calendar.ics`);
  });

  it('marks the group’s own words with the group’s language, on a page in another', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><peer-group-details .group=${testGroup({ languages: ['cy', 'en'] })}></peer-group-details></div>`,
    );
    const el = wrapper.querySelector('peer-group-details')!;
    await el.updateComplete;
    const language = (node: Element | null) => node?.closest('[lang]')?.getAttribute('lang');
    expect(language(part(el, 'name')), 'name').to.equal('cy');
    expect(language(part(el, 'summary')), 'summary').to.equal('cy');
    const answers = [...part(el, 'answers').querySelectorAll('li p')];
    expect(language(answers.find((p) => text(p) === 'To share what works in daily life with type 2 diabetes.')!), 'an answer').to.equal(
      'cy',
    );
    expect(language(answers.find((p) => text(p) === 'Yes')!), 'the page’s own words').to.not.equal('cy');
  });

  it('gives the next meeting the directory works out from a published group’s rules', async () => {
    const answer = (await (await fetch(`${api.url}/v1/groups/${published.id}/meetings?limit=1`)).json()) as {
      meetings: { startsAt: string }[];
    };
    const [next] = answer.meetings;
    expect(next, 'the sample group near LS1 3AB meets by a rule').to.exist;
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: published.schedule.timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(Date.parse(next!.startsAt));
    const el = await details(published);
    await waitUntil(() => shown(part(el, 'meetings')).includes(day), `the next meeting, ${day}`);
    expect(link(el, /Add meetings to your calendar/), 'and its calendar file').to.exist;
  });

  it('offers no calendar file when no meeting is to come', async () => {
    const el = await details(
      testGroup({ schedule: { timeZone: 'Europe/London', rules: [], exceptions: [], meetings: [], note: 'Ask us' } }),
    );
    expect(text(part(el, 'meetings'))).to.contain('No dates published yet');
    expect(link(el, /calendar/)).to.equal(undefined);
  });

  it('lists how to get in touch as links', async () => {
    const el = await details();
    const contact = part(el, 'contact');
    const hrefs = [...contact.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:hello@leeds-diabetes.example.org', 'tel:01134960000', 'https://leeds-diabetes.example.org/group']);
  });

  it('describes the group in the reader’s words', async () => {
    const el = await details();
    const about = shown(part(el, 'about'));
    expect(about).to.contain('Who for Adults and Families');
    expect(about).to.contain('Diabetes types Type 2 diabetes');
    expect(about).to.contain('How it meets Face to face and Online');
    expect(about).to.contain('Kind of support Support group');
    expect(about).to.contain('Led by People living with diabetes and Trained volunteers');
    expect(about).to.contain('Languages English and Welsh');
  });

  it('keeps a place for actions about the group', async () => {
    const el = await details();
    const slot = part(el, 'actions').querySelector('slot')!;
    expect(slot.assignedElements().map(text)).to.deep.equal(['Compare']);
  });

  it('loads a published group from the directory by id', async () => {
    const el = await fixture<PeerGroupDetails>(html`<peer-group-details api=${api.url} group-id=${published.id}></peer-group-details>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h2'), 'the group to load');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal(published.name);
    await expect(el).to.be.accessible();
  });

  it('says so when the group is no longer listed', async () => {
    const el = await fixture<PeerGroupDetails>(html`<peer-group-details api=${api.url} group-id="no-such-group"></peer-group-details>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error');
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal('This group is no longer listed in the directory.');
    await expect(el).to.be.accessible();
  });

  it('shows the group’s words as text, never as markup', async () => {
    const base = testGroup();
    const el = await details(
      testGroup({
        name: XSS,
        summary: XSS,
        answers: { ...base.answers, purpose: XSS, familyWelcome: { answer: true, details: XSS } },
        contact: {},
      }),
    );
    expect(text(part(el, 'name'))).to.equal(XSS);
    expect(text(part(el, 'answers'))).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(markupRan()).to.equal(false);
  });

  it('reads well on a 320 px screen', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await details();
    expect(part(el, 'base').scrollWidth).to.be.at.most(el.getBoundingClientRect().width + 1);
    await expect(el).to.be.accessible();
  });

  it('reads well on a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 700 });
    await withTextSize(200, async () => {
      await details();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  });
});

describe('<peer-group-details lang="cy">', () => {
  after(() => useLocale('en'));

  it('gives the next meeting and the schedule in Welsh, which Chromium has no dates for', async () => {
    const el = await fixture<PeerGroupDetails>(
      html`<peer-group-details lang="cy" .group=${testGroup()} api=${api.url}></peer-group-details>`,
    );
    await waitUntil(() => shown(part(el, 'meetings')).includes('Rhagfyr'), 'the Welsh month');
    const meetings = shown(part(el, 'meetings'));
    // Laid out as British dates are, with the weekday and month in Welsh, in the group's time.
    expect(meetings).to.match(/Dydd Mawrth,? 1 Rhagfyr 2099,? 18:00/);
    expect(meetings, 'the schedule in words').to.match(/Dydd Mawrth/);
    expect(shown(el.shadowRoot!.firstElementChild as HTMLElement)).to.not.match(/Tuesday|December|January|\bPM\b/);
  });
});
