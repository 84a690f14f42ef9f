// "Remind me about this meeting" in <peer-group-details>, in real Chromium,
// keyboard only, against a real directory that sends email through a local
// SMTP server (see web-test-runner.config.mjs): the confirmation arrives.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/group-details.js';
import type { PeerGroupDetails } from '../../src/elements/group-details.js';
import { createDirectoryClient } from '../../src/index.js';
import type { Group } from '../../src/schema/index.js';
import { expectFocusOn, tabTo, testApi, waitUntil } from './support.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const box = (el: PeerGroupDetails) => el.shadowRoot!.querySelector<HTMLElement>('[part=remind-me]');
const $ = <E extends Element = HTMLElement>(el: PeerGroupDetails, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

interface Mail {
  to: string[];
  subject: string;
  text: string;
}
const mailTo = async (address: string): Promise<Mail[]> =>
  ((await (await fetch('/__mail')).json()) as Mail[]).filter((m) => m.to.includes(address));

/** A published group with regular meetings, on the directory at `api`. */
async function groupWithRules(api: string): Promise<Group> {
  const client = createDirectoryClient({ baseUrl: api });
  const { groups } = await client.groups.search({ near: 'LS1 3AB', limit: 10 });
  for (const summary of groups) {
    const group = await client.groups.get(summary.id);
    if (group.schedule.rules.length > 0) return group;
  }
  throw new Error('the sample data has a group with rules near LS1 3AB');
}

async function details(api: string, group: Group) {
  const el = await fixture<PeerGroupDetails>(html`<peer-group-details lang="en-GB" api=${api} group-id=${group.id}></peer-group-details>`);
  await el.loaded;
  return el;
}

let mailApi: string;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

before(async () => {
  mailApi = ((await (await fetch('/__mail-api')).json()) as { url: string }).url;
});
beforeEach(() => setViewport({ width: 1280, height: 900 }));
afterEach(() => fixtureCleanup());

describe('<peer-group-details> "Remind me about this meeting"', () => {
  it('is offered only where the directory sends email; asks by keyboard, points at a mistyped address, and says a confirmation was sent, which arrives', async () => {
    const plain = (await testApi()).url;
    const noEmail = await details(plain, await groupWithRules(plain));
    expect(text(noEmail.shadowRoot!.querySelector('[part=meetings]')), 'the group is shown').to.contain('When');
    expect(box(noEmail), 'not offered without email').to.equal(null);
    fixtureCleanup();

    const group = await groupWithRules(mailApi);
    const el = await details(mailApi, group);
    expect(text(box(el)?.querySelector('h3'))).to.equal('Remind me about this meeting');
    await expect(el).to.be.accessible();

    const address = `reader-${unique()}@example.org`;
    $<HTMLElement>(el, '#name').focus();
    await tabTo('remind-email');
    await sendKeys({ type: 'reader@' });
    await tabTo('remind-week');
    await sendKeys({ press: 'Space' });
    await tabTo('remind-send');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const email = $<HTMLInputElement>(el, '#remind-email');
    expect(text(el.shadowRoot!.getElementById('remind-email-error')), 'the message is next to the address').to.contain(
      'Enter an email address in the correct format',
    );
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expectFocusOn(email, 'focus goes back to the address');
    expect(email.value, 'nothing typed is lost').to.equal('reader@');
    expect($<HTMLInputElement>(el, '#remind-week').checked, 'nor the choices').to.equal(true);
    await expect(el).to.be.accessible();

    email.select();
    await sendKeys({ type: address });
    await tabTo('remind-send');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('#remind-sent'), 'the answer', 10_000);
    const sent = $(el, '#remind-sent');
    expect(sent.getAttribute('role')).to.equal('status');
    expectFocusOn(sent, 'focus moves to the answer');
    expect(text(sent)).to.contain(`We have sent an email to ${address}. Follow the link in it to confirm your reminders`);
    await expect(el).to.be.accessible();

    let mails: Mail[] = [];
    const until = Date.now() + 20_000;
    while (mails.length === 0 && Date.now() < until) {
      mails = await mailTo(address);
      if (mails.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(mails, 'one confirmation email').to.have.length(1);
    expect(mails[0]!.text).to.contain(group.name);
    expect(mails[0]!.text).to.match(/\/v1\/reminders\/confirm\?token=/);
  });

  it('says when too many reminders were asked for, next to the address, keeping what was typed', async () => {
    const group = await groupWithRules(mailApi);
    const address = `busy-${unique()}@example.org`;
    const client = createDirectoryClient({ baseUrl: mailApi });
    // An address may ask 5 times a day.
    for (let i = 0; i < 5; i++) await client.reminders.request(group.id, { email: address, reminders: ['day'] });
    const el = await details(mailApi, group);
    const email = $<HTMLInputElement>(el, '#remind-email');
    email.value = address;
    email.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#remind-send').click();
    await waitUntil(() => el.shadowRoot!.getElementById('remind-email-error'), 'the message', 10_000);
    expect(text(el.shadowRoot!.getElementById('remind-email-error'))).to.match(
      /Too many reminders have been asked for\. Try again in \d+ (minutes?|hours?)\./,
    );
    expect(email.value).to.equal(address);
    expect(el.shadowRoot!.querySelector('#remind-sent'), 'no confirmation claimed').to.equal(null);
  });
});
