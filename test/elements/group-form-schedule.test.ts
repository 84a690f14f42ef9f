// <peer-group-form>'s regular meetings as a leader writes them, keyboard
// only, in real Chromium against the real directory: the rules, a date off,
// the next three dates the directory will publish, and past first dates.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/group-form.js';
import type { PeerGroupForm } from '../../src/elements/group-form.js';
import { createAdminClient, createDirectoryClient } from '../../src/index.js';
import type { Schedule } from '../../src/schema/index.js';
import { formatMeeting } from '../../src/elements/shared/time.js';
import { testApi, waitUntil, focused, tabTo } from './support.js';
import { completeDraft, keepDraft } from './draft-fixture.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <E extends Element = HTMLElement>(el: PeerGroupForm, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const shownDates = (el: PeerGroupForm) => [...el.shadowRoot!.querySelectorAll('[part=schedule-preview] .dates li')].map(text);
const previewText = (el: PeerGroupForm) => text($(el, '[part=schedule-preview] [role=status]'));

async function typeInto(id: string, words: string) {
  await tabTo(id);
  await sendKeys({ type: words });
}

let api: { url: string; adminToken: string };

async function form(apiUrl: string) {
  const el = document.createElement('peer-group-form');
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', apiUrl);
  await fixture<HTMLElement>(html`<div></div>`).then((wrapper) => wrapper.append(el));
  await el.updateComplete;
  return el;
}

/** The dates the directory itself gives a schedule, written as the form writes them. */
async function serverDates(schedule: Schedule): Promise<string[]> {
  const { timeZone, meetings } = await createDirectoryClient({ baseUrl: api.url }).groups.previewSchedule({
    schedule,
    limit: 3,
    newGroup: true,
  });
  return meetings.map((m) => formatMeeting({ start: Date.parse(m.startsAt), end: Date.parse(m.endsAt) }, timeZone, 'en-GB'));
}

before(async () => {
  api = await testApi();
});
beforeEach(async () => {
  sessionStorage.clear();
  await setViewport({ width: 1280, height: 900 });
});
afterEach(() => fixtureCleanup());

describe('<peer-group-form> regular meetings', () => {
  it('writes "the first Wednesday of the month" by keyboard, shows the directory’s next three dates, and sends the rule', async () => {
    const name = `Truro first Wednesdays ${Date.now().toString(36)}`;
    keepDraft(api.url, completeDraft(name));
    const el = await form(api.url);
    $<HTMLElement>(el, '#name')!.focus();

    await tabTo('add-rule');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()?.id, 'the new regular meeting takes focus').to.equal('rule-0-repeat');
    // Typing an option's first letters chooses it in a closed <select>.
    await sendKeys({ type: 'Once' });
    await el.updateComplete;
    await typeInto('rule-0-week', 'The first');
    await typeInto('rule-0-weekday', 'Wednesday');
    await typeInto('rule-0-date', '12012027');
    await typeInto('rule-0-time', '0630P');

    const rule = {
      frequency: 'monthly',
      interval: 1,
      weekday: 'WE',
      weekOfMonth: 1,
      start: '2027-12-01T18:30',
      durationMinutes: 90,
    } as const;
    const schedule: Schedule = { timeZone: 'Europe/London', rules: [rule], exceptions: [], meetings: [] };
    const expected = await serverDates(schedule);
    expect(expected[0], 'the directory starts on the first date').to.match(/^Wednesday,? 1 December 2027/);
    await waitUntil(() => shownDates(el).length === 3, 'three dates in the preview');
    expect(shownDates(el), 'the dates the directory gives').to.deep.equal(expected);
    expect(text($(el, '[part=schedule-preview] .words'))).to.equal('First Wednesday of the month, 18:30 to 20:00');
    expect($(el, '[part=schedule-preview] [role=status]')!.getAttribute('aria-live'), 'announced politely').to.equal('polite');

    // A date off: the January meeting is cancelled, and the preview moves on.
    await tabTo('add-day-off');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()?.id).to.equal('off-0-date');
    await sendKeys({ type: '01052028' });
    await typeInto('off-0-note', 'New year');
    const withDayOff = await serverDates({ ...schedule, exceptions: [{ date: '2028-01-05', note: 'New year' }] });
    expect(withDayOff[1], 'the directory lists 5 January, cancelled').to.match(/^Wednesday,? 5 January 2028/);
    await waitUntil(() => shownDates(el)[1]?.startsWith('No meeting:'), 'the preview marks 5 January');
    expect(shownDates(el)).to.deep.equal([expected[0], `No meeting: ${withDayOff[1]} (New year)`, expected[2]]);
    await expect(el).to.be.accessible();

    await tabTo('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part=confirmation]'), 'the confirmation', 10_000);
    const all = await createAdminClient({ baseUrl: api.url, token: api.adminToken }).registrations.list();
    const sent = all.find((r) => r.group.name === name)!.group.schedule;
    expect(sent.rules).to.deep.equal([rule]);
    expect(sent.exceptions).to.deep.equal([{ date: '2028-01-05', note: 'New year' }]);
  });

  it('refuses a first meeting in the past, next to the date, and says the dates cannot be shown', async () => {
    // 7 January 2020 was the first Tuesday of that month: the rule fits, but it is over.
    const past = {
      repeat: 'monthly-1',
      weekday: 'TU',
      weekOfMonth: '1',
      date: '2020-01-07',
      time: '19:00',
      durationMinutes: '90',
      until: '',
      count: '',
    };
    keepDraft(api.url, completeDraft(`Truro past ${Date.now()}`, { scheduleRules: [past] }));
    const el = await form(api.url);
    await waitUntil(() => /once every regular meeting above is complete/.test(previewText(el)), 'the preview’s message');
    expect(shownDates(el)).to.deep.equal([]);

    $<HTMLButtonElement>(el, '[part=submit]')!.click();
    await el.updateComplete;
    const link = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=error-summary] a')].find((a) => a.hash === '#rule-0-date');
    expect(text(link), 'the summary links to the first date').to.equal(
      'The first meeting must be in the future: enter a date still to come',
    );
    const date = $<HTMLInputElement>(el, '#rule-0-date')!;
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(date.getAttribute('aria-describedby')!))).to.contain(
      'The first meeting must be in the future',
    );
    await expect(el).to.be.accessible();
  });

  it('says so when the directory cannot work the dates out', async () => {
    const rule = {
      repeat: 'weekly-1',
      weekday: 'TU',
      weekOfMonth: '',
      date: '2027-12-07',
      time: '19:00',
      durationMinutes: '90',
      until: '',
      count: '',
    };
    keepDraft('/__fail/500', completeDraft('Failing preview', { scheduleRules: [rule] }));
    const el = await form('/__fail/500');
    await waitUntil(() => /could not work out the dates/.test(previewText(el)), 'the failure message', 10_000);
    expect(shownDates(el)).to.deep.equal([]);
  });
});
