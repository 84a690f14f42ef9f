// <peer-review-queue> as directory staff use it: in real Chromium, against
// the real directory server and its admin API (see web-test-runner.config.mjs).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/review-queue.js';
import type { PeerDecideDetail, PeerReviewQueue } from '../../src/elements/review-queue.js';
import { createAdminClient, createDirectoryClient } from '../../src/index.js';
import type { Registration, RegistrationInput, Schedule } from '../../src/schema/index.js';
import { markupRan, testApi, waitUntil, expectFocusOn, withTextSize } from './support.js';
import { asSubmitted, testGroup, XSS } from './group-fixture.js';

// ---- reading the queue as a person would

const root = (el: PeerReviewQueue) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: PeerReviewQueue, selector: string) => root(el).querySelector<E>(selector);
const $$ = (el: PeerReviewQueue, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: PeerReviewQueue) => text($(el, '[part=status]'));

function button(el: PeerReviewQueue, words: string | RegExp): HTMLButtonElement {
  const found = $$(el, 'button').find((b) => (typeof words === 'string' ? text(b) === words : words.test(text(b))));
  if (!found) throw new Error(`No button "${words}"`);
  return found as HTMLButtonElement;
}

/** Waits for the element to finish loading whatever it shows. */
async function settled(el: PeerReviewQueue) {
  await waitUntil(() => !$(el, '.loading'), 'loading to finish', 10_000);
  await el.updateComplete;
}

const listedNames = (el: PeerReviewQueue) => $$(el, '[part=list] li button').map(text);

// ---- the directory

let api: { url: string; adminToken: string };
const admin = () => createAdminClient({ baseUrl: api.url, token: api.adminToken });
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const storageKey = () => `peer-review-queue:${api.url}`;

function groupInput(name: string, overrides: Partial<RegistrationInput['group']> = {}): RegistrationInput['group'] {
  const { id: _id, updatedAt: _u, distance: _d, ...group } = testGroup();
  // In Truro, so groups approved here never sit among the finder stories' Leeds groups.
  const location = { ...group.location!, postcode: 'TR1 2AA', town: 'Truro', lat: 50.26, lng: -5.05 };
  return asSubmitted({ ...group, location, name, ...overrides });
}

/** A leader registers a group (or changes to one), as the form would. */
async function register(name: string, overrides: Partial<RegistrationInput> = {}): Promise<Registration> {
  const receipt = await createDirectoryClient({ baseUrl: api.url }).registrations.create({
    group: groupInput(name),
    registrant: { name: 'Robin Registrant', email: 'robin@example.org', phone: '0113 496 0001', role: 'Group leader' },
    consent: { storeData: true, noMedicalAdvice: true },
    ...overrides,
  });
  const pending = await admin().registrations.list({ status: 'pending' });
  return pending.find((r) => r.reference === receipt.reference)!;
}

async function queue(signedIn = true) {
  if (signedIn) sessionStorage.setItem(storageKey(), api.adminToken);
  const el = document.createElement('peer-review-queue');
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', api.url);
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  await settled(el);
  return el;
}

async function openRegistration(el: PeerReviewQueue, name: string) {
  button(el, name).click();
  await el.updateComplete;
  await settled(el);
  await waitUntil(() => $(el, '#detail-title'), 'the registration to open', 10_000);
  await el.updateComplete;
}

before(async () => {
  api = await testApi();
});

beforeEach(async () => {
  sessionStorage.clear();
  await setViewport({ width: 1280, height: 900 });
});
afterEach(() => fixtureCleanup());

describe('<peer-review-queue> signing in', () => {
  it('asks for the access token in a password field and refuses a wrong one', async () => {
    const el = await queue(false);
    const token = $<HTMLInputElement>(el, '#token')!;
    expect(token.type).to.equal('password');
    expect(text($(el, 'label[for=token]'))).to.equal('Staff access token');
    await expect(el).to.be.accessible();

    button(el, 'Sign in').click();
    await el.updateComplete;
    expect(text($(el, '.error-summary'))).to.contain('Enter your access token');
    expectFocusOn($(el, '.error-summary'));
    expect(token.getAttribute('aria-invalid')).to.equal('true');

    token.focus();
    await sendKeys({ type: 'not-the-token' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '.error-summary')).includes('not accepted'), 'the token to be refused', 10_000);
    expect(sessionStorage.getItem(storageKey())).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard, keeps the token for the tab, and signs out', async () => {
    const el = await queue(false);
    $<HTMLInputElement>(el, '#token')!.focus();
    await sendKeys({ type: api.adminToken });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#list-title'), 'the list', 10_000);
    await settled(el);
    expectFocusOn($(el, '#list-title'));
    expect(text($(el, '[part=toolbar] p')), 'said once, in the toolbar').to.equal('Signed in as directory staff.');
    expect(status(el), 'not announced again').to.equal('');
    expect(sessionStorage.getItem(storageKey())).to.equal(api.adminToken);

    // A reload: still signed in.
    fixtureCleanup();
    const again = await queue(false);
    expect($(again, '#list-title')).to.exist;

    button(again, 'Sign out').click();
    await again.updateComplete;
    expect(sessionStorage.getItem(storageKey())).to.equal(null);
    expectFocusOn($(again, '#token'));
    expect(status(again)).to.equal('Signed out.');
  });

  it('goes back to sign-in, saying why, when the token stops working', async () => {
    sessionStorage.setItem(storageKey(), 'a-token-that-was-changed');
    const el = await queue(false);
    await waitUntil(() => $(el, '#token'), 'the sign-in form', 10_000);
    expect(text($(el, '[part=sign-in] .error-summary'))).to.contain('Your access token was not accepted');
    expect(sessionStorage.getItem(storageKey())).to.equal(null);
  });
});

describe('<peer-review-queue> reviewing', () => {
  it('lists pending registrations and shows a new group beside the registrant’s private details', async () => {
    const name = `Queue New ${unique()}`;
    await register(name);
    const el = await queue();
    expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('pending');
    expect(listedNames(el)).to.include(name);
    await expect(el).to.be.accessible();

    await openRegistration(el, name);
    expectFocusOn($(el, '#detail-title'));
    expect(text($(el, '#detail-title'))).to.equal(name);
    const proposed = text($(el, '[part=proposed]'));
    expect(proposed).to.contain(name);
    expect(proposed).to.contain('Type 2 diabetes');
    const rows = $$(el, '[part=proposed] .row').map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
    expect(rows).to.deep.include(['Are family members invited?', 'Yes Partners are welcome.']);
    expect(rows).to.deep.include(['Where', 'Central Library, Room 2 Calverley Street Truro TR1 2AA United Kingdom']);
    const registrant = text($(el, '[part=registrant]'));
    expect(registrant).to.contain('Registrant (private)');
    expect(registrant).to.contain('Robin Registrant');
    expect(registrant).to.contain('robin@example.org');
    expect(registrant).to.contain('Group leader');
    // Side by side on a wide screen.
    const a = $(el, '[part=proposed]')!.getBoundingClientRect();
    const b = $(el, '[part=registrant]')!.getBoundingClientRect();
    expect(b.left).to.be.greaterThan(a.right - 1);
    await expect(el).to.be.accessible();
  });

  it('approves a registration: it is announced, leaves the queue and is published', async () => {
    const name = `Queue Approve ${unique()}`;
    const registration = await register(name);
    const el = await queue();
    const decisions: PeerDecideDetail[] = [];
    el.addEventListener('peer-decide', (e) => decisions.push(e.detail));
    await openRegistration(el, name);
    button(el, 'Approve and publish').click();
    await el.updateComplete;
    // One press only asks: publishing is not undone from here.
    expectFocusOn($(el, '#confirm-approve'), 'focus on the question');
    expect(text($(el, '#confirm-approve'))).to.equal(`Publish “${name}”? Everyone searching the directory will see it at once.`);
    await expect(el).to.be.accessible();
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect((await admin().registrations.get(registration.id)).status, 'cancelled: still pending').to.equal('pending');
    expectFocusOn($(el, '#approve'), 'focus back on Approve');
    button(el, 'Approve and publish').click();
    await el.updateComplete;
    button(el, 'Yes, publish it').click();
    await waitUntil(() => status(el).startsWith('Approved'), 'the announcement', 10_000);
    await settled(el);
    expect(status(el)).to.equal(`Approved “${name}”. It is now in the directory.`);
    expectFocusOn($(el, '#list-title'));
    expect(listedNames(el)).not.to.include(name);

    const decided = await admin().registrations.get(registration.id);
    expect(decided.status).to.equal('approved');
    expect(decisions).to.deep.equal([
      { id: registration.id, reference: registration.reference, status: 'approved', groupId: decided.groupId },
    ]);
    const published = await createDirectoryClient({ baseUrl: api.url }).groups.get(decided.groupId!);
    expect(published.name).to.equal(name);
    expect(JSON.stringify(published)).not.to.contain('robin@example.org');

    const approved = $<HTMLSelectElement>(el, '#status')!;
    approved.value = 'approved';
    approved.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await settled(el);
    expect(listedNames(el)).to.include(name);
  });

  it('rejects a registration only with a reason, typed with the keyboard', async () => {
    const name = `Queue Reject ${unique()}`;
    const registration = await register(name);
    const el = await queue();
    await openRegistration(el, name);
    button(el, 'Reject').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expectFocusOn($(el, '#reason'));
    await expect(el).to.be.accessible();

    button(el, 'Reject registration').click();
    await el.updateComplete;
    expect(text($(el, '#reason-error'))).to.equal('Error: Give a reason the registrant will understand');
    expect($(el, '#reason')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await admin().registrations.get(registration.id)).status).to.equal('pending');
    await expect(el).to.be.accessible();

    $(el, '#reason')!.focus();
    await sendKeys({ type: 'This is a shop, not a peer support group.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el).startsWith('Rejected'), 'the announcement', 10_000);
    // The test directory sends no email, so nobody is promised that the registrant will be told.
    expect(status(el)).to.equal(`Rejected “${name}”.`);
    const decided = await admin().registrations.get(registration.id);
    expect(decided.status).to.equal('rejected');
    expect(decided.decision?.reason).to.equal('This is a shop, not a peer support group.');

    const select = $<HTMLSelectElement>(el, '#status')!;
    select.value = 'rejected';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await settled(el);
    await openRegistration(el, name);
    expect(text($(el, '[part=detail]'))).to.contain('Reason: This is a shop, not a peer support group.');
    expect($(el, '[part=actions]'), 'a decided registration cannot be decided again').to.equal(null);
  });

  it('shows a published group beside the changes asked for, marking what differs', async () => {
    const name = `Queue Update ${unique()}`;
    const first = await register(name);
    const { groupId } = await admin().registrations.approve(first.id);
    await register(name, {
      updatesGroupId: groupId,
      group: groupInput(name, { summary: 'Now meeting every week.', formats: ['in-person', 'online', 'telephone'] }),
    });
    const el = await queue();
    const item = $$(el, '[part=list] li').find((li) => text(li).includes(name) && text(li).includes('Changes to a published group'))!;
    item.querySelector('button')!.click();
    await el.updateComplete;
    await waitUntil(() => $(el, 'table.compare'), 'the comparison', 10_000);

    const rows = $$(el, 'table.compare tbody tr').map((tr) => ({
      detail: text(tr.querySelector('th')),
      published: text(tr.querySelectorAll('td')[0]!.querySelector('.value, .none')),
      proposed: text(tr.querySelectorAll('td')[1]!.querySelector('.value, .none')),
      changed: tr.classList.contains('changed'),
    }));
    const changed = rows.filter((r) => r.changed);
    expect(changed.map((r) => r.detail)).to.deep.equal(['Summary Changed', 'How it meets Changed']);
    expect(changed[0]).to.deep.include({
      published: 'A friendly monthly meeting for adults living with type 2 diabetes.',
      proposed: 'Now meeting every week.',
    });
    expect(changed[1]!.proposed).to.equal('Face to face, Online and Telephone');
    expect(text($(el, '.changes-count'))).to.contain('2 details differ');
    expect(text($(el, 'table.compare thead'))).to.equal('Detail Published now Proposed');

    // Only what differs, when staff ask.
    $<HTMLInputElement>(el, '#only-changes')!.click();
    await el.updateComplete;
    expect($$(el, 'table.compare tbody tr')).to.have.length(2);
    expect(text($(el, '[part=registrant]'))).to.contain('robin@example.org');
    await expect(el).to.be.accessible();
  });

  it('says so when someone else decided first', async () => {
    const name = `Queue Conflict ${unique()}`;
    const registration = await register(name);
    const el = await queue();
    await openRegistration(el, name);
    await admin().registrations.approve(registration.id); // a colleague, in another tab
    button(el, 'Approve and publish').click();
    await el.updateComplete;
    button(el, 'Yes, publish it').click();
    await waitUntil(() => $(el, '#action-error'), 'the conflict message', 10_000);
    expect(text($(el, '#action-error'))).to.contain('Someone has already decided on this registration');
    await waitUntil(() => text($(el, '[part=detail] .meta')).includes('Approved'), 'the current state', 10_000);
    expect($(el, '[part=actions]')).to.equal(null);
  });

  it('shows whatever registrants typed as text, never as markup', async () => {
    const name = `Queue XSS ${unique()} ${XSS}`;
    await register(name, {
      registrant: { name: XSS, email: 'robin@example.org' },
      consent: { storeData: true, noMedicalAdvice: true },
    });
    const el = await queue();
    expect(listedNames(el)).to.include(name);
    await openRegistration(el, name);
    expect(text($(el, '[part=registrant]'))).to.contain(XSS);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(markupRan()).to.equal(false);
  });

  it('fits a 320 px screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const name = `Queue Phone ${unique()}`;
    await register(name);
    const el = await queue();
    expect(el.scrollWidth).to.be.at.most(320);
    await openRegistration(el, name);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 640 });
    const name = `Queue Large Text ${unique()}`;
    await register(name);
    await withTextSize(200, async () => {
      const el = await queue();
      expect(document.documentElement.scrollWidth, 'the list').to.be.at.most(320);
      await openRegistration(el, name);
      expect(document.documentElement.scrollWidth, 'a registration').to.be.at.most(320);
    });
  });
});

describe('<peer-review-queue> on a narrow screen', () => {
  it('stacks the comparison: each detail with its published and proposed versions labelled', async () => {
    await setViewport({ width: 320, height: 640 });
    const name = `Queue Narrow ${unique()}`;
    const first = await register(name);
    const { groupId } = await admin().registrations.approve(first.id);
    await register(name, { updatesGroupId: groupId, group: groupInput(name, { summary: 'Weekly now.' }) });
    const el = await queue();
    const item = $$(el, '[part=list] li').find((li) => text(li).includes(name) && text(li).includes('Changes to a published group'))!;
    item.querySelector('button')!.click();
    await el.updateComplete;
    await waitUntil(() => $(el, 'table.compare'), 'the comparison', 10_000);
    expect(el.scrollWidth).to.be.at.most(320);
    const summaryRow = $$(el, 'table.compare tbody tr').find((tr) => text(tr.querySelector('th')).startsWith('Summary'))!;
    // What is rendered (innerText), so the labels shown only in this layout count.
    expect(summaryRow.innerText.replace(/\s+/g, ' ').trim()).to.equal(
      'Summary CHANGED Published now A friendly monthly meeting for adults living with type 2 diabetes. Proposed Weekly now.',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<peer-review-queue> the schedule’s next dates', () => {
  it('shows a registration’s schedule in words and the next three dates the directory gives it', async () => {
    const name = `Queue Schedule ${unique()}`;
    const schedule: Schedule = {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 2, weekday: 'TH', start: '2099-12-03T10:00', durationMinutes: 60 }],
      exceptions: [{ date: '2099-12-17', note: 'Hall closed' }],
      meetings: [],
    };
    await register(name, { group: { ...groupInput(name), schedule } });
    const el = await queue();
    await openRegistration(el, name);
    const preview = () => $(el, '[part=schedule-preview]');
    await waitUntil(() => preview()?.querySelectorAll('.dates li').length === 3, 'three dates', 10_000);
    expect(text(preview()!.querySelector('.words'))).to.equal('Every other Thursday, 10:00 to 11:00');

    const { timeZone, meetings } = await createDirectoryClient({ baseUrl: api.url }).groups.previewSchedule({
      schedule,
      limit: 3,
    });
    const days = (s: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(Date.parse(s));
    const shown = [...preview()!.querySelectorAll('.dates li')].map(text);
    expect(meetings.map((m) => days(m.startsAt))).to.deep.equal(['3 December 2099', '17 December 2099', '31 December 2099']);
    meetings.forEach((m, i) => expect(shown[i], `date ${i + 1}`).to.contain(days(m.startsAt)));
    expect(shown[1], 'the cancelled one is marked').to.match(/^No meeting: .* \(Hall closed\)$/);
    expect($(el, '[part=schedule-preview] [role=status]')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });
});
