import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { AUDIENCES, CONDITIONS, FUNCTIONS, LANGUAGES, MODELS, QUESTIONS, type Question, type Term } from '../../schema/index.js';
import { audienceLabel, conditionLabel, functionLabel, languageName, modelDescription, modelLabel, questionText } from '../shared/terms.js';
import { YES_NO_QUESTIONS, type Draft, type DraftKey } from './draft.js';
import { checkboxes, radios, textArea, textInput, type FieldContext, type Option } from './fields.js';

/** The draft's lists whose items the form adds, changes and removes one by one. */
export type ItemListKey = 'meetings' | 'scheduleRules' | 'scheduleExceptions';
type Item<K extends ItemListKey> = Draft[K] extends readonly (infer I)[] ? I : never;

/** What the section templates need besides the draft. */
export interface SectionContext extends FieldContext {
  /** The reader's language, for `Intl`. */
  readonly locale: string;
  /** The quality principles this directory's operator configured (from the taxonomy). */
  readonly principles: readonly Term[];
  /** Adds an item to a list and moves focus to `focus` (an input of the new item). */
  addItem<K extends ItemListKey>(key: K, item: Item<K>, focus: string): void;
  /** Removes an item; focus goes to the item now in its place (`focusOn(index)`), or to `whenEmpty`. */
  removeItem(key: ItemListKey, index: number, whenEmpty: string, focusOn: (index: number) => string): void;
  changeItem<K extends ItemListKey>(key: K, index: number, patch: Partial<Item<K>>): void;
  normalisePostcode(value: string): void;
}

const options = (terms: readonly { code: string }[], label: (code: string) => string): Option[] =>
  terms.map((t) => ({ value: t.code, label: label(t.code) }));

/** A section of the form: a fieldset whose legend is its heading. */
export function section(name: string, title: string, intro: TemplateResult | string | typeof nothing, body: unknown) {
  return html`<fieldset class="section" part="section ${`section-${name}`}">
    <legend><h2>${title}</h2></legend>
    ${intro === nothing ? nothing : html`<p class="intro">${intro}</p>`} ${body}
  </fieldset>`;
}

export function aboutSection(ctx: SectionContext): TemplateResult {
  // The directory's list, then any other language a published group already lists.
  const offered: string[] = LANGUAGES.map((l) => l.code);
  const languages = [...offered, ...ctx.draft.languages.filter((l) => !offered.includes(l))];
  return section(
    'about',
    msg('About the group'),
    nothing,
    html`
      ${textInput(ctx, 'name', {
        label: msg('Name of the group'),
        hint: msg('As people will see it in the directory.'),
        autocomplete: 'off',
      })}
      ${textArea(ctx, 'summary', {
        label: msg('Describe the group in a sentence or two'),
        hint: msg('This is shown in search results. Up to 500 characters.'),
      })}
      ${textInput(ctx, 'organisationName', {
        label: msg('Organisation (optional)'),
        hint: msg('The charity, clinic or other organisation that runs the group, if there is one.'),
        autocomplete: 'organization',
      })}
      ${textInput(ctx, 'organisationWebsite', {
        label: msg("Organisation's website (optional)"),
        type: 'url',
        autocomplete: 'url',
        spellcheck: false,
      })}
      ${checkboxes(ctx, 'conditions', {
        legend: msg('Which conditions is the group for?'),
        hint: msg('Select all that apply.'),
        options: options(CONDITIONS, conditionLabel),
      })}
      ${checkboxes(ctx, 'audiences', {
        legend: msg('Who is the group for?'),
        hint: msg('Select all that apply.'),
        options: options(AUDIENCES, audienceLabel),
      })}
      ${radios(ctx, 'model', {
        legend: msg('What kind of peer support is it?'),
        options: MODELS.map((m) => ({ value: m.code, label: modelLabel(m.code), hint: modelDescription(m.code) })),
      })}
      ${checkboxes(ctx, 'functions', {
        legend: msg('What support does the group give? (optional)'),
        hint: msg('The key functions of peer support. Select all that apply.'),
        options: options(FUNCTIONS, functionLabel),
      })}
      ${checkboxes(ctx, 'languages', {
        legend: msg('Which languages are spoken in the group?'),
        hint: msg('Select all that apply.'),
        options: languages.map((tag) => ({ value: tag, label: languageName(tag, ctx.locale) })),
        inline: true,
      })}
      ${
        ctx.principles.length > 0
          ? checkboxes(ctx, 'principles', {
              legend: msg('Which principles of good peer support does the group follow? (optional)'),
              hint: msg('Select all that apply.'),
              // The operator's own words: shown as they wrote them.
              options: ctx.principles.map((p) => ({ value: p.code, label: p.label, ...(p.description ? { hint: p.description } : {}) })),
            })
          : nothing
      }
    `,
  );
}

const QUESTION_HINTS: Partial<Record<string, () => string>> = {
  attendees: () => msg('For example, adults recently told they have type 2 diabetes, and their partners.'),
  leaderTraining: () => msg('For example, a peer support course, who ran it and when.'),
  memberExpectations: () => msg('For example, coming most weeks and keeping what is said in the group private.'),
};

function question(ctx: SectionContext, q: Question): TemplateResult {
  const text = questionText(q.key);
  const number = `${new Intl.NumberFormat(ctx.locale).format(q.number)}.`;
  if (q.kind === 'text') {
    return textArea(ctx, q.key as DraftKey & typeof q.key, {
      label: text,
      number,
      hint: QUESTION_HINTS[q.key]?.(),
      labelClass: 'question',
    });
  }
  // The details box sits inside the question's fieldset, so "tell people more" is heard with its question.
  if (q.kind === 'cost') {
    return radios(ctx, 'cost', {
      legend: text,
      number,
      legendClass: 'question',
      options: [
        { value: 'free', label: msg('Free') },
        { value: 'fee', label: msg('There is a fee') },
      ],
      inline: true,
      after: textArea(ctx, 'costDetails', {
        label: msg('Details of the cost (optional)'),
        hint: msg('For example, £2 a session towards the room and refreshments.'),
        rows: 2,
      }),
    });
  }
  const yesNo = YES_NO_QUESTIONS.find((y) => y.key === q.key)!;
  return radios(ctx, yesNo.key, {
    legend: text,
    number,
    legendClass: 'question',
    options: [
      { value: 'yes', label: msg('Yes') },
      { value: 'no', label: msg('No') },
    ],
    inline: true,
    after: textArea(ctx, yesNo.details, { label: msg('Tell people more (optional)'), rows: 2 }),
  });
}

export function questionsSection(ctx: SectionContext): TemplateResult {
  return section(
    'questions',
    msg('The 8 questions'),
    msg('People deciding whether a group is right for them are advised to ask these questions. Answer them in your own words.'),
    html`<div class="questions" part="questions">${QUESTIONS.map((q) => question(ctx, q))}</div>`,
  );
}
