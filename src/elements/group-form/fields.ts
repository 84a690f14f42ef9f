import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Draft, DraftKey } from './draft.js';
import { errorMessage } from '../shared/error-message.js';
import { optionId } from './validation.js';

export { errorMessage };

/**
 * Templates for one question each, in the GOV.UK pattern: label, hint, the
 * error message (announced with the field through `aria-describedby`), then
 * the input. Every input's id is its draft key, so the error summary can
 * link to it.
 */
export interface FieldContext {
  readonly draft: Draft;
  /** The message shown for this input, if it has a problem. */
  error(target: string): string | undefined;
  set<K extends DraftKey>(key: K, value: Draft[K]): void;
}

type StringKey = { [K in DraftKey]: Draft[K] extends string ? K : never }[DraftKey];
type ListKey = { [K in DraftKey]: Draft[K] extends string[] ? K : never }[DraftKey];

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface TextOptions {
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url';
  autocomplete?: string;
  inputmode?: string;
  /** A short input, e.g. a postcode. */
  short?: boolean;
  spellcheck?: boolean;
  onBlur?: (value: string) => void;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

const hintText = (id: string, hint: string | undefined) => (hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing);

export function textInput(ctx: FieldContext, key: StringKey, o: TextOptions): TemplateResult {
  const error = ctx.error(key);
  return html`<div class="field" ?data-error=${!!error}>
    <label for=${key}>${o.label}</label>
    ${hintText(key, o.hint)} ${errorMessage(key, error)}
    <input
      id=${key}
      name=${key}
      class=${o.short ? 'short' : 'wide'}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      spellcheck=${ifDefined(o.spellcheck === undefined ? undefined : String(o.spellcheck))}
      aria-describedby=${ifDefined(describedBy(o.hint && `${key}-hint`, error && `${key}-error`))}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${live(ctx.draft[key])}
      @input=${(e: Event) => ctx.set(key, (e.target as HTMLInputElement).value)}
      @blur=${o.onBlur ? (e: Event) => o.onBlur?.((e.target as HTMLInputElement).value) : undefined}
    />
  </div>`;
}

export function textArea(
  ctx: FieldContext,
  key: StringKey,
  o: { label: string; hint?: string; rows?: number; labelClass?: string; number?: string },
): TemplateResult {
  const error = ctx.error(key);
  return html`<div class="field" ?data-error=${!!error}>
    <label for=${key} class=${ifDefined(o.labelClass)}>${numbered(o.number)}${o.label}</label>
    ${hintText(key, o.hint)} ${errorMessage(key, error)}
    <textarea
      id=${key}
      name=${key}
      rows=${o.rows ?? 3}
      aria-describedby=${ifDefined(describedBy(o.hint && `${key}-hint`, error && `${key}-error`))}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${live(ctx.draft[key])}
      @input=${(e: Event) => ctx.set(key, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

/** A question's number, shown before its text. */
const numbered = (n: string | undefined) => (n ? html`<span class="number">${n}</span> ` : nothing);

interface ChoiceOptions {
  legend: string;
  /** The question's number, e.g. `3.`. */
  number?: string;
  /** More questions about the same thing, inside the same fieldset (e.g. "tell people more"). */
  after?: TemplateResult;
  hint?: string;
  options: readonly Option[];
  /** Shown right after the chosen option (GOV.UK "conditional reveal"). */
  reveal?: (value: string) => TemplateResult | typeof nothing;
  inline?: boolean;
  legendClass?: string;
}

function choiceGroup(
  ctx: FieldContext,
  key: DraftKey,
  type: 'checkbox' | 'radio',
  o: ChoiceOptions,
  isChecked: (value: string) => boolean,
  onChange: (value: string, checked: boolean) => void,
): TemplateResult {
  const error = ctx.error(optionId(key, 0));
  // The red bar goes on a wrapper, as GOV.UK does: a fieldset's legend sits outside its padding.
  return html`<div class="field" ?data-error=${!!error}>
    <fieldset
      class="choices"
      aria-describedby=${ifDefined(describedBy(o.hint && `${key}-hint`, error && `${key}-error`))}
    >
      <legend class=${ifDefined(o.legendClass)}>${numbered(o.number)}${o.legend}</legend>
      ${hintText(key, o.hint)} ${errorMessage(key, error)}
      <div class=${o.inline ? 'options inline' : 'options'}>
        ${o.options.map((option, i) => {
          const id = optionId(key, i);
          const checked = isChecked(option.value);
          return html`<div class="option">
              <input
                id=${id}
                name=${key}
                type=${type}
                value=${option.value}
                aria-describedby=${ifDefined(option.hint ? `${id}-hint` : undefined)}
                .checked=${live(checked)}
                @change=${(e: Event) => onChange(option.value, (e.target as HTMLInputElement).checked)}
              />
              <label for=${id}>${option.label}</label>
              ${option.hint ? html`<p class="hint option-hint" id=${`${id}-hint`}>${option.hint}</p>` : nothing}
            </div>
            ${checked && o.reveal ? o.reveal(option.value) : nothing}`;
        })}
      </div>
      ${o.after ?? nothing}
    </fieldset>
  </div>`;
}

export function checkboxes(ctx: FieldContext, key: ListKey, o: ChoiceOptions): TemplateResult {
  const list = ctx.draft[key];
  return choiceGroup(
    ctx,
    key,
    'checkbox',
    o,
    (v) => list.includes(v),
    (v, checked) => {
      const values = o.options.map((opt) => opt.value);
      const others = ctx.draft[key].filter((x) => x !== v);
      const chosen = checked ? [...others, v] : others;
      // Keep the options' order, not the clicks', so a saved draft reads the same; codes not offered stay last.
      ctx.set(key, [...values.filter((x) => chosen.includes(x)), ...chosen.filter((x) => !values.includes(x))]);
    },
  );
}

export function radios(ctx: FieldContext, key: StringKey, o: ChoiceOptions): TemplateResult {
  return choiceGroup(
    ctx,
    key,
    'radio',
    o,
    (v) => ctx.draft[key] === v,
    (v, checked) => checked && ctx.set(key, v as never),
  );
}

/** A single required tick box, such as a consent. */
export function tickBox(ctx: FieldContext, key: 'consentStoreData' | 'consentNoMedicalAdvice', label: string): TemplateResult {
  const error = ctx.error(key);
  return html`<div class="field" ?data-error=${!!error}>
    ${errorMessage(key, error)}
    <div class="option">
      <input
        id=${key}
        name=${key}
        type="checkbox"
        aria-describedby=${ifDefined(error ? `${key}-error` : undefined)}
        aria-invalid=${error ? 'true' : 'false'}
        .checked=${live(ctx.draft[key])}
        @change=${(e: Event) => ctx.set(key, (e.target as HTMLInputElement).checked)}
      />
      <label for=${key}>${label}</label>
    </div>
  </div>`;
}

export function select(
  ctx: FieldContext,
  key: StringKey,
  o: { label: string; hint?: string; options: readonly Option[]; autocomplete?: string },
): TemplateResult {
  const error = ctx.error(key);
  return html`<div class="field" ?data-error=${!!error}>
    <label for=${key}>${o.label}</label>
    ${hintText(key, o.hint)} ${errorMessage(key, error)}
    <select
      id=${key}
      name=${key}
      autocomplete=${ifDefined(o.autocomplete)}
      aria-describedby=${ifDefined(describedBy(o.hint && `${key}-hint`, error && `${key}-error`))}
      aria-invalid=${error ? 'true' : 'false'}
      @change=${(e: Event) => ctx.set(key, (e.target as HTMLSelectElement).value as never)}
    >
      ${o.options.map(
        (option) => html`<option value=${option.value} ?selected=${ctx.draft[key] === option.value}>${option.label}</option>`,
      )}
    </select>
  </div>`;
}
