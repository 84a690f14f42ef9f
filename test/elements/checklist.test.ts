import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/checklist.js';
import '../../src/elements/group-details.js';
import type { PeerGroupDetails } from '../../src/elements/group-details.js';
import type { PeerChecklist } from '../../src/elements/checklist.js';
import { QUESTIONS, type Group } from '../../src/schema/index.js';
import { useLocale } from '../../src/elements/locales/localize.js';
import { CHECKLIST_STORAGE_KEY, addToCompare, compareList } from '../../src/elements/shared/checklist-store.js';
import { createDirectoryClient } from '../../src/index.js';
import { testApi, waitUntil, withTextSize } from './support.js';

const shadow = (el: PeerChecklist) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: PeerChecklist, selector: string) => shadow(el).querySelector<E>(selector)!;
const $$ = <E extends Element = HTMLElement>(el: PeerChecklist, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const visible = (node: Element) => node.getClientRects().length > 0;
const button = (el: PeerChecklist, label: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
};
const notesField = (el: PeerChecklist, key: string) => $<HTMLTextAreaElement>(el, `#notes-${key}`);
const mattersBox = (el: PeerChecklist, key: string) => $<HTMLInputElement>(el, `#matters-${key}`);
const focusedInside = (el: PeerChecklist) => shadow(el).activeElement as HTMLElement | null;

/** Waits until a group or comparison has loaded (or failed). */
async function loaded(el: PeerChecklist) {
  await waitUntil(() => !shadow(el).querySelector('.loading') && shadow(el).querySelector('.base > *'), 'loaded');
  await el.updateComplete;
}

/** Types like a person: focus, then key presses. */
async function typeInto(field: HTMLElement, words: string) {
  field.focus();
  await sendKeys({ type: words });
}

/**
 * Prints the page to PDF on A4 and US Letter (saved in test/screenshots), and
 * counts the pages. Call it while print media is emulated: the PDF is laid out
 * with the media the page is emulating, so after `emulateMedia({ media:
 * 'screen' })` it would be the screen layout, buttons and all.
 */
async function printedPages(name: string): Promise<[string, number][]> {
  const counted: [string, number][] = [];
  for (const format of ['A4', 'Letter']) {
    const { pages } = await executeServerCommand<{ pages: number }, object>('peer-pdf', { name: `${name}-${format}`, format });
    counted.push([format, pages]);
  }
  return counted;
}

let api: { url: string };
let groups: Group[];

before(async () => {
  api = await testApi();
  // Brixton's groups first: their checklists are of a typical length (Camden's, the nearest to
  // Westminster now that postcodes are placed exactly, have long answers that take three A4 pages).
  const directory = createDirectoryClient({ baseUrl: api.url });
  const { groups: hits, everywhere } = await directory.groups.search({ near: 'SW9 8HE', limit: 10 });
  // The checklist shows a group's answers: read each whole group, as a page would.
  groups = await Promise.all([...hits, ...(everywhere?.groups ?? [])].map((g) => directory.groups.get(g.id)));
  expect(groups.length, 'the sample data has groups near SW9 8HE').to.be.greaterThanOrEqual(4);
});

beforeEach(async () => {
  localStorage.removeItem(CHECKLIST_STORAGE_KEY);
  await setViewport({ width: 1280, height: 900 });
});

afterEach(() => fixtureCleanup());

describe('<peer-checklist> blank', () => {
  it('lists the 8 questions in order, each with notes and a "matters to me" checkbox', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    const questions = $$(el, '.question');
    expect(questions).to.have.length(8);
    QUESTIONS.forEach((q, i) => {
      expect(text(questions[i]!.querySelector('.question-text'))).to.equal(`${q.number}. ${q.text}`);
      expect(text(questions[i]!.querySelector(`label[for="notes-${q.key}"]`))).to.equal(`My notes on question ${q.number}`);
      expect(text(questions[i]!.querySelector(`label[for="matters-${q.key}"]`))).to.equal(`This matters to me (question ${q.number})`);
    });
    expect(text($(el, '.saving-note'))).to.contain('kept in this browser only');
    await expect(el).to.be.accessible();
  });

  it('takes the keyboard through every note, mark and button in reading order', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><button>Before</button><peer-checklist></peer-checklist></div>`);
    const el = page.querySelector('peer-checklist')!;
    page.querySelector('button')!.focus();
    const visited: string[] = [];
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = focusedInside(el);
      visited.push(focused?.id || text(focused));
    }
    expect(visited).to.deep.equal([
      ...QUESTIONS.flatMap((q) => [`notes-${q.key}`, `matters-${q.key}`]),
      'Copy as text',
      'Download as a text file',
      'Print',
      'Clear my notes',
    ]);
  });

  it('keeps notes and marks for the next visit', async () => {
    let el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    await typeInto(notesField(el, 'purpose'), 'Is it social or educational?');
    await typeInto(notesField(el, 'cost'), 'Ask about bus fares <3');
    mattersBox(el, 'cost').focus();
    await sendKeys({ press: 'Space' });
    expect(mattersBox(el, 'cost').checked).to.be.true;
    // Typing is saved after a pause, without the person doing anything.
    await waitUntil(() => localStorage.getItem(CHECKLIST_STORAGE_KEY)?.includes('bus fares'), 'the notes to be saved');
    const saved = JSON.parse(localStorage.getItem(CHECKLIST_STORAGE_KEY)!);
    expect(saved).to.deep.include({ version: 1, matters: ['cost'] });

    // Next visit: a new page builds a new element.
    fixtureCleanup();
    el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    expect(notesField(el, 'purpose').value).to.equal('Is it social or educational?');
    expect(notesField(el, 'cost').value).to.equal('Ask about bus fares <3');
    expect(notesField(el, 'attendees').value).to.equal('');
    expect(mattersBox(el, 'cost').checked).to.be.true;
    expect(mattersBox(el, 'purpose').checked).to.be.false;
  });

  it('saves what was typed when the person leaves at once', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    await typeInto(notesField(el, 'attendees'), 'Mostly parents');
    el.remove();
    expect(JSON.parse(localStorage.getItem(CHECKLIST_STORAGE_KEY)!).blank).to.deep.equal({ attendees: 'Mostly parents' });
  });

  it('clears notes and marks only after the person confirms, with the keyboard', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    await typeInto(notesField(el, 'purpose'), 'Keep me?');
    mattersBox(el, 'familyWelcome').click();
    const clear = button(el, 'Clear my notes');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.be.true;
    expect(text(dialog.querySelector('h2'))).to.equal('Clear your notes?');
    expect(text(focusedInside(el))).to.equal('Cancel');
    await expect(el).to.be.accessible();

    // Escape changes nothing.
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.be.false;
    expect(notesField(el, 'purpose').value).to.equal('Keep me?');
    expect(focusedInside(el)).to.equal(clear);

    await sendKeys({ press: 'Enter' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(text(focusedInside(el))).to.equal('Yes, clear my notes');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(notesField(el, 'purpose').value).to.equal('');
    expect(mattersBox(el, 'familyWelcome').checked).to.be.false;
    expect(JSON.parse(localStorage.getItem(CHECKLIST_STORAGE_KEY)!)).to.deep.include({ blank: {}, matters: [] });
    await waitUntil(() => text($(el, '[role="status"]')) === 'Your notes have been cleared.', 'the cleared message');
    expect(focusedInside(el)).to.equal(clear);
  });

  it('copies the 8 questions with the notes as plain text, and says so', async () => {
    let copied = '';
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void (copied = t) },
    });
    try {
      const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
      await typeInto(notesField(el, 'leaderTraining'), 'Trained by the charity?\nHow long ago?');
      mattersBox(el, 'leaderTraining').click();
      button(el, 'Copy as text').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied, 'the copy');
      for (const q of QUESTIONS) expect(copied).to.contain(`${q.number}. ${q.text}\n`);
      expect(copied).to.contain(
        '5. What training does the peer leader have?\n   [This matters to me]\n   My notes:\n      Trained by the charity?\n      How long ago?\n',
      );
      expect(copied).to.not.contain('<');
      const status = $(el, '[role="status"]');
      await waitUntil(() => text(status).startsWith('Copied.'), 'the "Copied" status');
      expect(visible(status)).to.be.true;
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('when the browser refuses to copy, shows the text selected to copy by hand', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
    try {
      const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
      button(el, 'Copy as text').click();
      await waitUntil(() => shadow(el).querySelector('#copy-fallback'), 'the text to copy by hand');
      const field = $<HTMLTextAreaElement>(el, '#copy-fallback');
      expect(field.value).to.contain('1. What is the main purpose of the group?');
      expect(focusedInside(el)).to.equal(field);
      expect(field.selectionEnd - field.selectionStart).to.equal(field.value.length);
      await waitUntil(() => text($(el, '[role="status"]')).includes('did not let us copy'), 'the explanation');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('downloads the checklist as a .txt file', async () => {
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return original.call(URL, blob);
    };
    const clicks: HTMLAnchorElement[] = [];
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement && e.target.download) {
        clicks.push(e.target);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
      await typeInto(notesField(el, 'memberExpectations'), 'Weekly?');
      button(el, 'Download as a text file').click();
      expect(clicks).to.have.length(1);
      expect(clicks[0]!.download).to.equal('peer-support-questions.txt');
      expect(created[0]!.type).to.equal('text/plain;charset=utf-8');
      const body = await created[0]!.text();
      expect(body).to.contain('7. What is expected of group members?\n   My notes:\n      Weekly?');
      await waitUntil(() => text($(el, '[role="status"]')).includes('peer-support-questions.txt'), 'the status');
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
  });

  it('keeps two checklists on one page in step, and tells the page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><peer-checklist></peer-checklist><peer-checklist></peer-checklist></div>`);
    const [a, b] = [...page.querySelectorAll('peer-checklist')] as [PeerChecklist, PeerChecklist];
    await Promise.all([a.updateComplete, b.updateComplete]);
    const events: string[] = [];
    window.addEventListener('peer-checklist-change', (e) => events.push(e.detail.change), { once: true });
    await typeInto(notesField(a, 'purpose'), 'Shared');
    notesField(a, 'purpose').blur();
    await waitUntil(() => notesField(b, 'purpose').value === 'Shared', 'the other checklist to update');
    expect(events).to.deep.equal(['notes']);
  });

  it('prints the questions with lines to write on and no buttons', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    await typeInto(notesField(el, 'purpose'), 'Social, with walks');
    mattersBox(el, 'cost').click();
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '.toolbar')).display).to.equal('none');
      for (const b of $$(el, 'button')) expect(visible(b), text(b)).to.be.false;
      expect(getComputedStyle(notesField(el, 'purpose')).display).to.equal('none');
      expect(text($(el, '.print-note'))).to.equal('Social, with walks');
      expect($$(el, '.print-lines').every((lines) => getComputedStyle(lines).display === 'block')).to.be.true;
      expect(getComputedStyle($(el, '.question')).breakInside).to.equal('avoid');
      await executeServerCommand('peer-screenshot', { name: 'checklist-blank-print' });
      // On paper, A4 and US Letter: one or two pages.
      for (const [format, pages] of await printedPages('checklist-blank')) expect(pages, format).to.be.within(1, 2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps each question’s number whole when the question wraps, on a phone and on paper', async () => {
    // About A4's printed width, and a phone's.
    for (const width of [680, 320]) {
      await setViewport({ width, height: 900 });
      const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
      await emulateMedia({ media: width === 680 ? 'print' : 'screen' });
      try {
        for (const n of $$(el, '.question-text .number')) {
          // The lines the number's own text takes (a flex item's box is as tall as the question beside it).
          const range = document.createRange();
          range.selectNodeContents(n);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          expect(lines.size, `${width} px: "${text(n)}" on one line`).to.equal(1);
        }
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    }
  });
});

describe('<peer-checklist group>', () => {
  it("shows the group's own answers under each question, as the API has them", async () => {
    const id = groups[0]!.id;
    const record = (await (await fetch(`${api.url}/v1/groups/${id}`)).json()) as Group;
    const el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${id}></peer-checklist>`);
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal(record.name);
    const answers = $$(el, '.answer');
    expect(answers).to.have.length(8);
    const a = record.answers;
    const yesNo = (v: { answer: boolean }) => (v.answer ? 'Yes' : 'No');
    const expected: Record<string, [string, string | undefined]> = {
      purpose: [a.purpose, undefined],
      attendees: [a.attendees, undefined],
      familyWelcome: [yesNo(a.familyWelcome), a.familyWelcome.details],
      clinicalEducation: [yesNo(a.clinicalEducation), a.clinicalEducation.details],
      leaderTraining: [a.leaderTraining, undefined],
      professionalsInvolved: [yesNo(a.professionalsInvolved), a.professionalsInvolved.details],
      memberExpectations: [a.memberExpectations, undefined],
      cost: [a.cost.free ? 'Free' : 'There is a fee', a.cost.details],
    };
    QUESTIONS.forEach((q, i) => {
      const [answer, details] = expected[q.key]!;
      const shown = answers[i]!;
      expect(shown.querySelector('p')!.textContent, q.key).to.equal(answer);
      // Details that only repeat the answer ("Free." under "Free") are not shown twice.
      const repeats = details?.replace(/[\s.!]+$/, '').toLowerCase() === answer.toLowerCase();
      expect(shown.querySelector('.answer-details')?.textContent, q.key).to.equal(repeats ? undefined : details);
    });
    expect(text($(el, '.advice-note'))).to.contain('do not give medical advice');
    // The answer and the person's notes side by side when there is room.
    const [answerBox, notesBox] = [$(el, '.answer'), $(el, '.notes')].map((n) => n.getBoundingClientRect());
    expect(notesBox!.left).to.be.greaterThan(answerBox!.right - 1);
    await expect(el).to.be.accessible();
    await executeServerCommand('peer-screenshot', { name: 'checklist-group-1280' });
    await emulateMedia({ media: 'print' });
    try {
      for (const b of $$(el, 'button')) expect(visible(b), text(b)).to.be.false;
      // On paper it is enough to go along with: where, when and how to reach the group.
      const facts = $(el, '[part=facts]');
      expect(visible(facts), 'where, when, contact').to.be.true;
      const l = record.location;
      if (l) expect(facts.innerText).to.contain([l.venue, l.address, l.town, l.postcode].filter(Boolean).join(', '));
      // When: the words the directory writes from the group's rules, in the page's language.
      expect(facts.innerText).to.match(/When\s+(Every|First|Second|Third|Fourth|Last) /);
      for (const way of [record.contact.email, record.contact.phone].filter(Boolean)) expect(facts.innerText).to.contain(way!);
      await executeServerCommand('peer-screenshot', { name: 'checklist-group-print' });
      // With where, when and how to reach the group on it, still one or two pages.
      for (const [format, pages] of await printedPages('checklist-group')) expect(pages, format).to.be.within(1, 2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps notes about each group apart from the blank checklist', async () => {
    const [first, second] = groups as [Group, Group];
    let el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${first.id}></peer-checklist>`);
    await loaded(el);
    await typeInto(notesField(el, 'attendees'), `About ${first.name}`);
    fixtureCleanup();

    el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${second.id}></peer-checklist>`);
    await loaded(el);
    expect(notesField(el, 'attendees').value).to.equal('');
    fixtureCleanup();

    el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    expect(notesField(el, 'attendees').value).to.equal('');
    fixtureCleanup();

    el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${first.id}></peer-checklist>`);
    await loaded(el);
    expect(notesField(el, 'attendees').value).to.equal(`About ${first.name}`);
    expect(el.toText()).to.contain(`Group: ${first.name}`);
  });

  it('says so when the group does not exist', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group="no-such-group"></peer-checklist>`);
    await loaded(el);
    expect(text($(el, '[role="alert"] h2'))).to.equal('We could not find this group');
    expect($$(el, '.question')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says when the directory is failing', async () => {
    const realFetch = window.fetch;
    const problem = { type: '/problems/internal', title: 'Internal error', status: 500 };
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).startsWith(api.url)
        ? Promise.resolve(new Response(JSON.stringify(problem), { status: 500, headers: { 'content-type': 'application/problem+json' } }))
        : realFetch(input, init);
    try {
      const el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${groups[0]!.id}></peer-checklist>`);
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'the error', 10_000);
      expect(text($(el, '[role="alert"] p'))).to.equal('The directory is not working at the moment. Please try again in a few minutes.');
      expect(text(button(el, 'Try again'))).to.equal('Try again');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('offers to try again when the directory cannot be reached, and recovers', async () => {
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).startsWith(api.url)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : realFetch(input, init);
    let el: PeerChecklist;
    try {
      el = await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${groups[0]!.id}></peer-checklist>`);
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'the error', 10_000);
      expect(text($(el, '[role="alert"] p'))).to.contain('could not reach the directory');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
    button(el, 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.answer').length === 8, 'the answers after trying again');
  });
});

describe('<peer-checklist groups>', () => {
  it('compares three groups in three columns, question by question, and ignores a fourth', async () => {
    const four = groups.slice(0, 4);
    // Marks made on the blank checklist are highlighted in the comparison; notes about a group show in its column.
    localStorage.setItem(
      CHECKLIST_STORAGE_KEY,
      JSON.stringify({ version: 1, blank: {}, groups: { [four[1]!.id]: { cost: 'Ask about parking' } }, matters: ['cost'], compare: [] }),
    );
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups=${four.map((g) => g.id).join(',')}></peer-checklist>`,
    );
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Comparing 3 groups');
    expect(text($(el, '.note'))).to.equal('You can compare up to 3 groups at a time, so only the first 3 are shown.');

    const table = $<HTMLTableElement>(el, 'table');
    expect(visible(table)).to.be.true;
    const heads = [...table.tHead!.rows[0]!.cells];
    expect(heads.map((th) => text(th))).to.deep.equal(['Question', ...four.slice(0, 3).map((g) => g.name)]);
    expect(heads.every((th) => th.getAttribute('scope') === 'col')).to.be.true;
    const rows = [...table.tBodies[0]!.rows];
    expect(rows).to.have.length(8);
    rows.forEach((row, i) => {
      expect(row.cells[0]!.tagName).to.equal('TH');
      expect(row.cells[0]!.getAttribute('scope')).to.equal('row');
      expect(text(row.cells[0])).to.contain(QUESTIONS[i]!.text);
      const cells = [...row.querySelectorAll('td')];
      expect(cells).to.have.length(3);
      // Side by side: one line across the page.
      const boxes = cells.map((c) => c.getBoundingClientRect());
      expect(boxes[1]!.left).to.be.greaterThan(boxes[0]!.right - 1);
      expect(boxes[2]!.left).to.be.greaterThan(boxes[1]!.right - 1);
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).to.equal(1);
    });
    const cost = rows[7]!;
    expect(text(cost.cells[0])).to.contain('Matters to me');
    expect(text(cost.cells[2])).to.contain('Ask about parking');
    four.slice(0, 3).forEach((g, i) => {
      expect(text(cost.cells[i + 1]!.querySelector('p'))).to.equal(g.answers.cost.free ? 'Free' : 'There is a fee');
    });
    expect(visible($(el, '.compare-stacked'))).to.be.false;
    await expect(el).to.be.accessible();
    await executeServerCommand('peer-screenshot', { name: 'checklist-compare-1280' });
  });

  it('takes a group out of the comparison from the comparison itself', async () => {
    const three = groups.slice(0, 3);
    localStorage.setItem(
      CHECKLIST_STORAGE_KEY,
      JSON.stringify({ version: 1, blank: {}, groups: {}, matters: [], compare: three.map((g) => g.id) }),
    );
    const changes: string[][] = [];
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups=${three.map((g) => g.id).join(',')}></peer-checklist>`,
    );
    el.addEventListener('peer-checklist-change', (e) => changes.push(e.detail.compare));
    await loaded(el);
    const remove = $$(el, '.compared button').find((b) => text(b) === `Remove ${three[1]!.name} from the comparison`)!;
    expect(remove, 'a remove button named for the group').to.exist;
    remove.click();
    await waitUntil(() => text($(el, '[part=header] h2')) === 'Comparing 2 groups', 'the two groups left');
    expect([...$<HTMLTableElement>(el, 'table').tHead!.rows[0]!.cells].map((th) => text(th))).to.deep.equal([
      'Question',
      three[0]!.name,
      three[2]!.name,
    ]);
    expect(compareList()).to.deep.equal([three[0]!.id, three[2]!.id]);
    expect(changes.at(-1)).to.deep.equal([three[0]!.id, three[2]!.id]);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part=header] h2'), 'focus on the heading');
    await expect(el).to.be.accessible();
  });

  it('stacks the comparison on a 320 px screen, without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    const three = groups.slice(0, 3);
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups=${three.map((g) => g.id).join(',')}></peer-checklist>`,
    );
    await loaded(el);
    expect(visible($(el, 'table'))).to.be.false;
    const stacked = $(el, '.compare-stacked');
    expect(visible(stacked)).to.be.true;
    const items = [...stacked.querySelectorAll(':scope > li')];
    expect(items).to.have.length(8);
    for (const item of items) {
      expect([...item.querySelectorAll('dt')].map((dt) => text(dt))).to.deep.equal(three.map((g) => g.name));
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().right).to.be.at.most(320);
    await expect(el).to.be.accessible();
    await executeServerCommand('peer-screenshot', { name: 'checklist-compare-320' });
  });

  it('fits a 320 px screen with text at 200 %', async () => {
    await setViewport({ width: 320, height: 800 });
    await withTextSize(200, async () => {
      const el = await fixture<PeerChecklist>(
        html`<peer-checklist api=${api.url} groups=${groups
          .slice(0, 3)
          .map((g) => g.id)
          .join(',')}></peer-checklist>`,
      );
      await loaded(el);
      expect(document.documentElement.scrollWidth, 'the comparison').to.be.at.most(320);
      fixtureCleanup();
      await loaded(await fixture<PeerChecklist>(html`<peer-checklist api=${api.url} group=${groups[0]!.id}></peer-checklist>`));
      expect(document.documentElement.scrollWidth, 'one group').to.be.at.most(320);
    });
  });

  it('prints the comparison as a table, without buttons', async () => {
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups=${groups
        .slice(0, 3)
        .map((g) => g.id)
        .join(',')}></peer-checklist>`,
    );
    await loaded(el);
    await emulateMedia({ media: 'print' });
    try {
      expect(visible($(el, 'table'))).to.be.true;
      expect(visible($(el, '.compare-stacked'))).to.be.false;
      for (const b of $$(el, 'button')) expect(visible(b), text(b)).to.be.false;
      await executeServerCommand('peer-screenshot', { name: 'checklist-compare-print' });
      // Three groups side by side, 8 questions: one or two pages, the heading row on each.
      for (const [format, pages] of await printedPages('checklist-compare')) expect(pages, format).to.be.within(1, 2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('still compares the groups it finds when one has gone', async () => {
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups="${groups[0]!.id},gone-away,${groups[1]!.id}"></peer-checklist>`,
    );
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Comparing 2 groups');
    expect(text($(el, '.note'))).to.equal('We could not find one of the groups. It may have left the directory.');
    expect($<HTMLTableElement>(el, 'table').tHead!.rows[0]!.cells).to.have.length(3);
  });

  it('copies the comparison as text', async () => {
    const two = groups.slice(0, 2);
    const el = await fixture<PeerChecklist>(
      html`<peer-checklist api=${api.url} groups=${two.map((g) => g.id).join(',')}></peer-checklist>`,
    );
    await loaded(el);
    const copy = el.toText();
    expect(copy).to.contain(`Comparing: ${two[0]!.name}; ${two[1]!.name}`);
    expect(copy).to.contain(`8. Is the group free or is there a fee?\n   ${two[0]!.name}: `);
  });
});

describe('group details: "Add to my checklist" and "Add to compare"', () => {
  const actionsOf = (details: PeerGroupDetails) => details.shadowRoot!.querySelector<HTMLElement>('.checklist-actions');
  const linkIn = (details: PeerGroupDetails, label: RegExp) =>
    [...details.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.checklist-actions a')].find((a) => label.test(text(a)));
  const buttonIn = (details: PeerGroupDetails) => details.shadowRoot!.querySelector<HTMLButtonElement>('.checklist-actions button')!;

  it('links a group to the checklist page, and collects up to three groups to compare', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      ${groups
        .slice(0, 4)
        .map(
          (g) => html`<peer-group-details .group=${g} api=${api.url} checklist-href="/pages/checklist.html?lang=en"></peer-group-details>`,
        )}
    </div>`);
    const all = [...page.querySelectorAll('peer-group-details')];
    await Promise.all(all.map((d) => d.updateComplete));
    const [first, second, third, fourth] = all as [PeerGroupDetails, PeerGroupDetails, PeerGroupDetails, PeerGroupDetails];

    const mine = new URL(linkIn(first, /^Add to my checklist$/)!.href);
    expect(mine.pathname).to.equal('/pages/checklist.html');
    expect(mine.searchParams.get('group')).to.equal(groups[0]!.id);
    expect(mine.searchParams.get('lang')).to.equal('en');

    // With the keyboard: Enter on "Add to compare".
    buttonIn(first).focus();
    await sendKeys({ press: 'Enter' });
    await first.updateComplete;
    expect(text(buttonIn(first))).to.equal('Remove from compare');
    expect(text(first.shadowRoot!.querySelector('.checklist-status'))).to.equal('Added. You have chosen 1 of 3 groups to compare.');
    expect(linkIn(first, /side by side/)).to.be.undefined;

    buttonIn(second).click();
    buttonIn(third).click();
    await first.updateComplete;
    // Every details view on the page hears the change.
    const compare = new URL(linkIn(first, /side by side/)!.href);
    expect(text(linkIn(first, /side by side/))).to.equal('See the 3 groups side by side');
    expect(compare.searchParams.get('groups')).to.equal(
      groups
        .slice(0, 3)
        .map((g) => g.id)
        .join(','),
    );

    buttonIn(fourth).click();
    await fourth.updateComplete;
    expect(text(buttonIn(fourth))).to.equal('Add to compare');
    expect(text(fourth.shadowRoot!.querySelector('.checklist-status'))).to.equal(
      'You have already chosen 3 groups to compare. Choose one to replace with this group.',
    );
    expect(compareList()).to.have.length(3);
    await expect(first).to.be.accessible();

    buttonIn(second).click();
    await first.updateComplete;
    expect(compareList()).to.deep.equal([groups[0]!.id, groups[2]!.id]);
    expect(text(linkIn(first, /side by side/))).to.equal('See the 2 groups side by side');
  });

  it('offers to replace one of the three groups chosen, by name, instead of refusing a fourth', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      ${groups.slice(0, 4).map((g) => html`<peer-group-details .group=${g} api=${api.url} checklist-href="/checklist"></peer-group-details>`)}
    </div>`);
    const all = [...page.querySelectorAll('peer-group-details')] as PeerGroupDetails[];
    await Promise.all(all.map((d) => d.updateComplete));
    for (const d of all.slice(0, 3)) buttonIn(d).click();
    const fourth = all[3]!;
    buttonIn(fourth).click();
    await fourth.updateComplete;
    const replace = [...fourth.shadowRoot!.querySelectorAll<HTMLButtonElement>('.replace button')];
    expect(replace.map(text)).to.deep.equal(groups.slice(0, 3).map((g) => `Replace ${g.name}`));
    await expect(fourth).to.be.accessible();
    replace[1]!.click();
    await fourth.updateComplete;
    expect(compareList()).to.deep.equal([groups[0]!.id, groups[3]!.id, groups[2]!.id]);
    expect(text(fourth.shadowRoot!.querySelector('.checklist-status'))).to.equal(`Added, in place of ${groups[1]!.name}.`);
    expect(text(buttonIn(fourth))).to.equal('Remove from compare');
    expect(fourth.shadowRoot!.activeElement, 'focus stays on the group’s compare button').to.equal(buttonIn(fourth));
  });

  it('shows no checklist actions on a site without a checklist page', async () => {
    const details = await fixture<PeerGroupDetails>(html`<peer-group-details .group=${groups[0]}></peer-group-details>`);
    expect(actionsOf(details)).to.equal(null);
  });
});

describe('checklist store', () => {
  it('holds at most three groups to compare', () => {
    for (const g of groups.slice(0, 3)) expect(addToCompare(g)).to.be.true;
    expect(addToCompare(groups[3]!)).to.be.false;
    expect(compareList()).to.deep.equal(groups.slice(0, 3).map((g) => g.id));
  });

  it('starts empty when the saved checklist is damaged', async () => {
    localStorage.setItem(CHECKLIST_STORAGE_KEY, '{"version":1,"blank":');
    const el = await fixture<PeerChecklist>(html`<peer-checklist></peer-checklist>`);
    expect(notesField(el, 'purpose').value).to.equal('');
  });
});

describe('<peer-checklist lang="es">', () => {
  after(() => useLocale('en'));

  it('asks the questions in Spanish', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist lang="es"></peer-checklist>`);
    await waitUntil(() => text($(el, 'h2')) !== 'Your questions and notes', 'the Spanish text');
    expect(text($(el, '.question-text'))).to.equal('1. ¿Cuál es el propósito principal del grupo?');
    expect(text(button(el, 'Copiar como texto'))).to.equal('Copiar como texto');
    await expect(el).to.be.accessible();
  });

  it('changes language when its lang attribute changes', async () => {
    const el = await fixture<PeerChecklist>(html`<peer-checklist lang="en"></peer-checklist>`);
    await waitUntil(() => text($(el, 'h2')) === 'Your questions and notes', 'the English text');
    el.lang = 'es';
    await waitUntil(() => text($(el, 'h2')) === 'Sus preguntas y notas', 'the Spanish text');
    expect(text($(el, 'label[for="matters-cost"]'))).to.equal('Esto me importa (pregunta 8)');
  });
});
