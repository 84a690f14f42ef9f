// <peer-group-form> as group leaders use it: in real Chromium, against the
// real directory server (see web-test-runner.config.mjs), keyboard first.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/group-form.js';
import type { PeerGroupForm, PeerSubmitDetail } from '../../src/elements/group-form.js';
import { emptyDraft, toRegistrationInput, type Draft } from '../../src/elements/group-form/draft.js';
import { createAdminClient, createDirectoryClient, type DirectoryClient } from '../../src/index.js';
import { registrationInputSchema, type Registration } from '../../src/schema/index.js';
import { useLocale } from '../../src/elements/locales/localize.js';
import { testApi, waitUntil, expectFocusOn, focused, tabTo, withTextSize } from './support.js';
import { completeDraft, keepDraft, storageKey } from './draft-fixture.js';

// ---- reading the form as a person would

const root = (el: PeerGroupForm) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: PeerGroupForm, selector: string) => root(el).querySelector<E>(selector);
const $$ = (el: PeerGroupForm, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const field = (el: PeerGroupForm, id: string) => $<HTMLInputElement>(el, `#${id}`)!;
const summary = (el: PeerGroupForm) => $(el, '[part=error-summary]');
const summaryLinks = (el: PeerGroupForm) => $$(el, '[part=error-summary] a');
const panel = (el: PeerGroupForm) => $(el, '[part=confirmation]');

async function typeInto(id: string, words: string) {
  await tabTo(id);
  await sendKeys({ type: words });
}

async function tick(id: string) {
  await tabTo(id);
  await sendKeys({ press: 'Space' });
}

/** Tabs into a radio group (its first option) and moves to the chosen one with the arrow keys, which selects it. */
async function chooseRadio(name: string, index: number) {
  await tabTo(`${name}-0`);
  if (index === 0) await sendKeys({ press: 'Space' });
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
}

/** Fills a text field the quick way (not keyboard stories): as typing would, with an input event. */
function fill(el: PeerGroupForm, id: string, value: string) {
  const input = field(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit(el: PeerGroupForm) {
  $<HTMLButtonElement>(el, '[part=submit]')!.click();
  await el.updateComplete;
}

// ---- the directory
// Groups these stories register meet in Truro, away from the other stories' Leeds groups.

let api: { url: string; adminToken: string };
let directory: DirectoryClient;
/** Searches skip the browser's HTTP cache: the API lets search answers be cached, and these tests watch them change. */
const noStore: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });
const admin = () => createAdminClient({ baseUrl: api.url, token: api.adminToken });
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function saved(apiUrl: string, group = 'new'): { draft: Draft; idempotencyKey: string } | null {
  const raw = sessionStorage.getItem(storageKey(apiUrl, group));
  return raw ? JSON.parse(raw) : null;
}

async function form(apiUrl = api.url, attributes: Record<string, string> = {}) {
  const el = document.createElement('peer-group-form');
  el.setAttribute('lang', 'en-GB');
  el.setAttribute('api', apiUrl);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture<HTMLElement>(html`<div><button id="before">Before the form</button></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

async function registrationNamed(name: string): Promise<Registration[]> {
  const all = await admin().registrations.list();
  return all.filter((r) => r.group.name === name);
}

/** Whether a search near the group's postcode lists it. */
async function listedInSearch(name: string): Promise<boolean> {
  const result = await directory.groups.search({ near: 'TR1 2AA', q: name });
  return [...result.groups, ...(result.everywhere?.groups ?? [])].some((g) => g.name === name);
}

before(async () => {
  api = await testApi();
  directory = createDirectoryClient({ baseUrl: api.url, fetch: noStore });
});

beforeEach(async () => {
  sessionStorage.clear();
  await setViewport({ width: 1280, height: 900 });
});
afterEach(() => fixtureCleanup());

describe('<peer-group-form> checking answers', () => {
  it('lists every problem in an error summary at the top when sent empty, and focuses it', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
    await submit(el);

    const box = summary(el)!;
    expect(box, 'the error summary').to.exist;
    expect(text(box.querySelector('h2'))).to.equal('There is a problem');
    expectFocusOn(box, 'focus moves to the summary');
    expect(document.title, 'the page’s title says so first').to.match(/^Error:/);
    expect(box.compareDocumentPosition($(el, 'fieldset')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'it is above the form').to.be.ok;

    const messages = summaryLinks(el).map(text);
    expect(messages).to.include('Enter the name of the group');
    expect(messages).to.include('Say whether family members are invited');
    expect(messages).to.include('Enter your name');
    expect(messages).to.include('Confirm that the group gives no medical advice');
    expect(messages.join(' ')).not.to.contain('Invalid input');

    // The same schema as the API: each of its "required" messages is shown, word for word,
    // except the yes/no questions', which say which question they are about.
    const issues = registrationInputSchema.safeParse(toRegistrationInput(emptyDraft())).error!.issues;
    const required = issues.filter((i) => ['too_small', 'invalid_type', 'invalid_value'].includes(i.code));
    expect(required.map((i) => i.message)).to.include('Choose yes or no');
    for (const issue of required.filter((i) => i.message !== 'Choose yes or no')) {
      expect(messages, `the schema's message for ${issue.path.join('.')}`).to.include(issue.message);
    }
    // Its format message for an empty email is replaced by a clearer one.
    expect(messages).to.include('Enter your email address');
    expect(messages).to.include('Say whether health professionals are involved');
    // Problems are listed in the order of the form.
    expect(messages.indexOf('Enter the name of the group')).to.be.lessThan(messages.indexOf('Enter your name'));

    await expect(el).to.be.accessible();
  });

  it('shows each problem beside its field, tied to it for screen readers, and the summary links focus the field', async () => {
    const el = await form();
    await submit(el);

    const name = field(el, 'name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.contain('name-error');
    expect(text($(el, '#name-error'))).to.equal('Error: Enter the name of the group');
    // Radios and tick boxes: the message belongs to the question's fieldset.
    const family = $(el, '#familyWelcome-0')!.closest('fieldset')!;
    expect(family.getAttribute('aria-describedby')).to.contain('familyWelcome-error');
    expect(text($(el, '#familyWelcome-error'))).to.equal('Error: Say whether family members are invited');
    expect(field(el, 'summary').getAttribute('aria-invalid')).to.equal('true');

    const link = summaryLinks(el).find((a) => text(a) === 'Enter your name')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expectFocusOn(field(el, 'registrantName'));

    const choice = summaryLinks(el).find((a) => text(a) === 'Choose at least one condition')!;
    choice.click();
    expectFocusOn($(el, '#conditions-0'), 'a group of tick boxes: its first box');
  });

  it('explains problems of format and length in words, never "Invalid input"', async () => {
    keepDraft(
      api.url,
      completeDraft('Format Test', {
        summary: 'x'.repeat(501),
        contactEmail: 'not an email',
        contactWebsite: 'ftp://example.org',
        registrantPhone: 'call me',
        postcode: 'LS1',
      }),
    );
    const el = await form();
    await submit(el);
    const messages = summaryLinks(el).map(text);
    expect(messages).to.deep.equal([
      'Must be 500 characters or fewer',
      'Enter a full UK postcode, like SW1A 1AA',
      'Enter an email address in the correct format, like name@example.org',
      'Enter a web address starting with https://',
      'Enter a telephone number, like 01632 960 001 or +1 555 0100',
    ]);
  });

  it('tidies a UK postcode when the leader leaves the field', async () => {
    const el = await form();
    await tick('formats-0');
    await el.updateComplete;
    await typeInto('postcode', 'ls14ap');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(field(el, 'postcode').value).to.equal('LS1 4AP');
    expect(field(el, 'postcode').getAttribute('autocomplete')).to.equal('postal-code');
  });

  it("maps the API's own validation errors onto the fields: a postcode that does not exist", async () => {
    const name = `Unknown Postcode ${unique()}`;
    keepDraft(api.url, completeDraft(name, { postcode: 'ZZ1 1ZZ' }));
    const el = await form();
    await submit(el);
    await waitUntil(() => summary(el), 'the API to answer', 10_000);
    expect(summaryLinks(el).map(text)).to.deep.equal([
      'We could not find this postcode. Check it, or enter the postcode of a nearby building',
    ]);
    expectFocusOn(summary(el));
    expect(field(el, 'postcode').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#postcode-error'))).to.contain('We could not find this postcode');
    expect(saved(api.url)?.draft.name, 'the draft is kept').to.equal(name);
    expect(await registrationNamed(name)).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<peer-group-form> registering a group', () => {
  it('can be completed with the keyboard alone; the group is published only once staff approve it', async function () {
    this.timeout(90_000);
    const name = `Keyboard Group ${unique()}`;
    const el = await form();
    const submitted: PeerSubmitDetail[] = [];
    el.addEventListener('peer-submit', (e) => submitted.push(e.detail));
    document.getElementById('before')!.focus();

    await typeInto('name', name);
    await typeInto('summary', 'Monthly chats over tea.');
    await tick('conditions-1');
    await tick('audiences-0');
    await chooseRadio('model', 4);
    await tick('functions-2');
    await tick('languages-0');
    await typeInto('purpose', 'Sharing tips.');
    await typeInto('attendees', 'Adults with type 2.');
    await chooseRadio('familyWelcome', 0);
    await typeInto('familyWelcomeDetails', 'Partners welcome.');
    await chooseRadio('clinicalEducation', 1);
    await typeInto('leaderTraining', 'Peer course.');
    await chooseRadio('professionalsInvolved', 1);
    await typeInto('memberExpectations', 'Listen and share.');
    await chooseRadio('cost', 0);
    await tick('formats-0');
    await tick('formats-1');
    await typeInto('venue', 'St Mark’s Hall');
    await typeInto('town', 'Truro');
    await typeInto('postcode', 'tr1 2aa');
    await chooseRadio('servesEverywhere', 0);
    await tabTo('add-meeting');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()?.id, 'a new meeting takes focus').to.equal('meeting-0-date');
    await sendKeys({ type: '12252027' });
    await typeInto('meeting-0-time', '0700P');
    await typeInto('scheduleDescription', 'Christmas tea, 7pm');
    await tick('leaders-0');
    await typeInto('contactEmail', 'hello@example.org');
    await typeInto('registrantName', 'Pat Leader');
    await typeInto('registrantEmail', 'pat@example.org');
    await tick('consentStoreData');
    await tick('consentNoMedicalAdvice');
    await tabTo('submit');
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => panel(el), 'the confirmation', 10_000);
    await el.updateComplete;
    const box = panel(el)!;
    expectFocusOn(box, 'focus moves to the confirmation');
    expect(text(box.querySelector('h1')), 'the confirmation is the page’s heading').to.equal('Registration received');
    expect(document.title, 'no "Error:" once sent').to.not.match(/^Error:/);
    const reference = text(box.querySelector('.reference'));
    expect(reference).to.match(/\S{4,}/);
    expect(submitted).to.deep.equal([{ reference, status: 'pending' }]);
    expect(text($(el, '[part=next-steps]'))).to.contain('usually within 5 working days');
    // The test directory has no SMTP server (taxonomy says features.email: false), so no email is promised.
    expect(text($(el, '[part=next-steps]'))).not.to.contain('email');
    expect(saved(api.url), 'the draft is cleared after success').to.equal(null);
    await expect(el).to.be.accessible();

    const [registration] = await registrationNamed(name);
    expect(registration!.reference).to.equal(reference);
    const g = registration!.group;
    expect(g.conditions).to.deep.equal(['type2']);
    expect(g.model).to.equal('support-group');
    expect(g.answers.familyWelcome).to.deep.equal({ answer: true, details: 'Partners welcome.' });
    expect(g.answers.clinicalEducation.answer).to.equal(false);
    expect(g.answers.cost.free).to.equal(true);
    expect(g.formats).to.deep.equal(['in-person', 'online']);
    expect(g.location?.postcode, 'the postcode is tidied').to.equal('TR1 2AA');
    expect(g.servesEverywhere).to.equal(true);
    expect(g.schedule.meetings).to.deep.equal([{ start: '2027-12-25T19:00', durationMinutes: 90 }]);
    expect(registration!.registrant).to.include({ name: 'Pat Leader', email: 'pat@example.org' });

    expect(await listedInSearch(name), 'not in search before review').to.equal(false);
    await admin().registrations.approve(registration!.id);
    const start = Date.now();
    while (!(await listedInSearch(name))) {
      if (Date.now() - start > 15_000) throw new Error('the approved group never appeared in search');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it('cannot be sent twice by a double click', async () => {
    const name = `Double Click ${unique()}`;
    keepDraft(api.url, completeDraft(name));
    const el = await form();
    const button = $<HTMLButtonElement>(el, '[part=submit]')!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled'), 'disabled while sending').to.equal('true');
    expect(text(button)).to.equal('Sending…');
    button.click();
    button.click();
    await waitUntil(() => panel(el), 'the confirmation', 10_000);
    expect(await registrationNamed(name)).to.have.length(1);
  });

  it('starts from a published group to ask for changes, and sends them as an update', async () => {
    const [published] = (await directory.groups.search({ near: 'LS1 3AB' })).groups;
    const el = await form(api.url, { group: published!.id });
    await waitUntil(() => field(el, 'name')?.value === published!.name, 'the group to load', 10_000);
    expect(field(el, 'summary').value).to.equal(published!.summary);
    expect(text($(el, '[part=submit]'))).to.equal('Send changes for review');
    await expect(el).to.be.accessible();

    const summaryText = `Now meeting weekly ${unique()}`;
    fill(el, 'summary', summaryText);
    fill(el, 'registrantName', 'Pat Leader');
    fill(el, 'registrantEmail', 'pat@example.org');
    $<HTMLInputElement>(el, '#consentStoreData')!.click();
    $<HTMLInputElement>(el, '#consentNoMedicalAdvice')!.click();
    await el.updateComplete;
    await submit(el);
    await waitUntil(() => panel(el), 'the confirmation', 10_000);
    expect(text(panel(el)!.querySelector('h1'))).to.equal('Changes received');

    const all = await admin().registrations.list({ status: 'pending' });
    const update = all.find((r) => r.group.summary === summaryText)!;
    expect(update.updatesGroupId).to.equal(published!.id);
    expect(update.group.name).to.equal(published!.name);
  });
});

describe('<peer-group-form> keeping the draft', () => {
  it('keeps what was typed when the page is reloaded', async () => {
    const el = await form();
    field(el, 'name').focus();
    await sendKeys({ type: 'Draft Survivors' });
    await tick('conditions-0');
    await el.updateComplete;
    fixtureCleanup(); // the page goes away

    const again = await form();
    expect(field(again, 'name').value).to.equal('Draft Survivors');
    expect($<HTMLInputElement>(again, '#conditions-0')!.checked).to.equal(true);
    expect(text($(again, '.notice'))).to.contain('We have kept the answers');
    await expect(again).to.be.accessible();
  });

  it('saves while the leader types, without waiting for them to leave', async () => {
    const el = await form();
    field(el, 'name').focus();
    await sendKeys({ type: 'Typed Only' });
    await waitUntil(() => saved(api.url)?.draft.name === 'Typed Only', 'the draft to be saved', 3000);
  });

  it('keeps drafts for different groups and directories apart', async () => {
    keepDraft(api.url, completeDraft('New Group Draft'));
    const other = await form('http://127.0.0.1:1');
    expect(field(other, 'name').value).to.equal('');
  });

  it('keeps the draft and its idempotency key when the directory cannot be reached, and the retry registers once', async function () {
    this.timeout(30_000);
    const offline = 'http://127.0.0.1:1';
    const name = `Offline Retry ${unique()}`;
    const key = keepDraft(offline, completeDraft(name));
    const el = await form(offline);
    await submit(el);
    await waitUntil(() => $(el, '[part=failure]'), 'the failure message', 15_000);
    await el.updateComplete;
    const failure = $(el, '[part=failure]')!;
    expect(text(failure)).to.contain('We could not reach the directory');
    expect(text(failure)).to.contain('Your answers are saved in this browser tab');
    expectFocusOn(failure);
    expect(field(el, 'name').value).to.equal(name);
    expect(saved(offline)).to.deep.include({ idempotencyKey: key });
    await expect(el).to.be.accessible();

    // The connection comes back (here: the page points the form at the directory again).
    el.setAttribute('api', api.url);
    await el.updateComplete;
    expect(saved(api.url)?.idempotencyKey, 'the answers and key move with the form').to.equal(key);
    await submit(el);
    await waitUntil(() => panel(el), 'the confirmation', 10_000);
    const reference = text(panel(el)!.querySelector('.reference'));

    // The same key really was used: sending it again returns the same registration.
    const input = registrationInputSchema.parse(toRegistrationInput(completeDraft(name)));
    const again = await directory.registrations.create(input, { idempotencyKey: key });
    expect(again.reference).to.equal(reference);
    expect(await registrationNamed(name)).to.have.length(1);
  });

  it('keeps the draft after a server error, with the same key for the retry', async () => {
    const failing = `${location.origin}/__fail/500`;
    const key = keepDraft(failing, completeDraft('Server Error Draft'));
    const el = await form(failing);
    await submit(el);
    await waitUntil(() => $(el, '[part=failure]'), 'the failure message', 15_000);
    expect(text($(el, '[part=failure]'))).to.contain('Something went wrong at the directory');
    expect(saved(failing)).to.deep.include({ idempotencyKey: key });
    expect(saved(failing)?.draft.name).to.equal('Server Error Draft');
  });

  it('keeps the draft when rate limited and says when to try again', async () => {
    const limited = `${location.origin}/__fail/429`;
    keepDraft(limited, completeDraft('Rate Limited Draft'));
    const el = await form(limited);
    await submit(el);
    await waitUntil(() => $(el, '[part=failure]'), 'the failure message', 10_000);
    expect(text($(el, '[part=failure]'))).to.contain('Try again in 1 minute.');
    expect(saved(limited)?.draft.name).to.equal('Rate Limited Draft');
    await expect(el).to.be.accessible();
  });
});

describe('<peer-group-form> keeping bots out', () => {
  it('has a honeypot that people never meet: hidden, out of the tab order and from assistive technology', async () => {
    const el = await form();
    const trap = field(el, 'website2');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden=true]')).to.exist;
    expect(trap.closest('.visually-hidden')!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('sends what a bot put in the honeypot as `trap`, and the directory keeps nothing', async () => {
    const name = `Bot Group ${unique()}`;
    keepDraft(api.url, completeDraft(name));
    const el = await form();
    fill(el, 'website2', 'http://spam.example');
    await submit(el);
    await waitUntil(() => panel(el), 'the (pretend) confirmation', 10_000);
    expect(await registrationNamed(name)).to.have.length(0);
  });
});

describe('<peer-group-form> on a phone and in Spanish', () => {
  after(() => useLocale('en'));

  it('fits a 320 px screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await form();
    await submit(el);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 640 });
    await withTextSize(200, async () => {
      const el = await form();
      await submit(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  });

  it('speaks Spanish when the page does', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><peer-group-form api=${api.url}></peer-group-form></div>`);
    const el = wrapper.querySelector('peer-group-form')!;
    await waitUntil(() => text($(el, 'legend h2')) === 'Sobre el grupo', 'the Spanish catalogue', 5000);
    await submit(el);
    expect(text(summary(el)?.querySelector('h2'))).to.equal('Hay un problema');
    expect(summaryLinks(el).map(text)).to.include('Introduzca el nombre del grupo');
  });
});
