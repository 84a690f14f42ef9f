import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DirectoryError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnknownPlaceError,
  ValidationError,
} from '../../index.js';
import type { Group, RegistrationReceipt, RegistrationStatus, Schedule, Term } from '../../schema/index.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { directoryClient } from '../shared/directory.js';
import { isOne, localeOf, retryIn } from '../shared/intl.js';
import { controls, tokens } from '../styles/tokens.js';
import { draftFromGroup, emptyDraft, toRegistrationInput, type Draft, type DraftKey } from './draft.js';
import { DraftStore } from './draft-store.js';
import { groupFormStyles } from './group-form.styles.js';
import { errorSummary } from '../shared/error-summary.js';
import { FocusAfterRender } from '../shared/focus-after-render.js';
import { DocumentTitle } from '../shared/document-title.js';
import { aboutSection, questionsSection } from './sections-group.js';
import type { ScheduleContext } from './sections-schedule.js';
import { SchedulePreview } from '../shared/schedule-preview.js';
import { consentSection, contactSection, honeypot, leadersSection, registrantSection } from './sections-people.js';
import { durationOptions, whereSection } from './sections-where.js';
import { fromApiErrors, normalisePostcode, validate, type FormError } from './validation.js';

const PREVIEW_DELAY_MS = 500;

/** `peer-submit`: the registration was received and waits for review. */
export interface PeerSubmitDetail {
  /** Quote this when getting in touch about the registration. */
  reference: string;
  status: RegistrationStatus;
}

/**
 * @summary A form for group leaders to register a peer support group, or ask
 * for changes to a published one. Nothing is published until directory staff
 * approve it.
 *
 * Answers are checked with the API's own schema; problems are listed in an
 * error summary at the top and shown beside each field. The draft is kept in
 * the tab's sessionStorage while the leader works and after a failed attempt,
 * and every attempt to send it carries the same idempotency key, so nothing
 * is lost and nothing is registered twice.
 *
 * @event {CustomEvent<PeerSubmitDetail>} peer-submit - The registration was received. `detail`: `{ reference, status }`.
 *
 * @csspart base - Everything the element shows.
 * @csspart form - The form.
 * @csspart section - Each section of the form (also `section-about`, `section-questions`, `section-where`,
 *   `section-leaders`, `section-contact`, `section-registrant`, `section-consent`).
 * @csspart questions - The list of the 8 questions.
 * @csspart location - Where an in-person group meets.
 * @csspart meetings - The list of planned meetings.
 * @csspart meeting - One planned meeting.
 * @csspart rules - The regular meetings.
 * @csspart rule - One regular meeting (a recurrence rule).
 * @csspart days-off - Dates when a regular meeting does not happen.
 * @csspart day-off - One date with no meeting.
 * @csspart schedule-preview - The schedule in words and the next three dates the directory will publish.
 * @csspart error-summary - "There is a problem": the list of problems, each linking to its field.
 * @csspart failure - The message when the registration could not be sent, or the group to change could not be loaded.
 * @csspart retry - The button in the failure message that sends the saved answers again.
 * @csspart submit - The send button.
 * @csspart confirmation - The panel with the reference number.
 * @csspart next-steps - What happens after sending.
 *
 * @cssprop --peer-color-primary - Buttons and links.
 * @cssprop --peer-color-success - The confirmation panel.
 * @cssprop --peer-color-error - Error messages and borders.
 * @cssprop --peer-color-focus - The focus highlight.
 * @cssprop --peer-font-family - Defaults to the page's font.
 * @cssprop --peer-max-width - The widest the form grows.
 */
@localized()
export class PeerGroupForm extends LitElement {
  static override styles = [tokens, controls, groupFormStyles];

  /** The directory API's base URL, e.g. `https://directory.example.org`. Defaults to this page's origin. */
  @property() api = '';
  /** A published group's id: the form starts from its details and asks for changes to it. */
  @property() group = '';
  /** How many working days staff usually take to review, as told to the leader after sending. */
  @property({ type: Number, attribute: 'review-days' }) reviewDays = 5;
  /** The language, e.g. `es`; by default the page's. */
  @property({ reflect: true }) override lang!: string;

  @state() private draft: Draft = emptyDraft();
  @state() private errors: FormError[] = [];
  /** Why the last attempt to send failed, when it was not the answers' fault. */
  @state() private failure = '';
  @state() private submitting = false;
  @state() private receipt?: RegistrationReceipt;
  /** The answers came back from an earlier visit in this tab. */
  @state() private restored = false;
  /** Waiting for the published group to start from. */
  @state() private prefilling = false;

  private idempotencyKey: string = crypto.randomUUID();
  private loadedFor?: string;
  private readonly focusAfter = new FocusAfterRender(this);
  /** The next dates the schedule being written gives, asked shortly after the leader stops typing. */
  private readonly preview = new SchedulePreview(this, PREVIEW_DELAY_MS);

  constructor() {
    super();
    new DocumentTitle(this, () => ({ error: !this.receipt && (this.errors.length > 0 || !!this.failure) }));
  }
  private readonly store = new DraftStore(this, () => this.storageKey(this.api, this.group));

  private readonly taxonomy = new Task<[string], { principles: Term[]; email: boolean }>(this, {
    task: async ([api], { signal }) => {
      const { principles, features } = await directoryClient(api).taxonomy({ signal });
      return { principles, email: features.email };
    },
    args: () => [this.apiUrl],
  });

  private readonly published = new Task<[string, string], Group | undefined>(this, {
    task: async ([api, id], { signal }) => (id ? directoryClient(api).groups.get(id, { signal }) : undefined),
    args: () => [this.apiUrl, this.group],
    onComplete: (group) => {
      if (group && this.prefilling) this.draft = draftFromGroup(group);
      this.prefilling = false;
    },
  });

  private get apiUrl(): string {
    return this.api || location.origin;
  }

  private storageKey(api: string, group: string): string {
    return `peer-group-form:${api || location.origin}:${group || 'new'}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') && this.hasUpdated) void useLocale(languageOf(this));
    const form = `${this.group}`;
    if (this.loadedFor !== form) {
      // A different group is a different form: load its own draft.
      this.loadedFor = form;
      this.load();
    } else if (changed.has('api') && changed.get('api') !== undefined) {
      // The same form pointed at another address (a page's settings changing):
      // carry the answers and their idempotency key over rather than lose them.
      this.store.clear(this.storageKey(changed.get('api') ?? '', this.group));
      this.keep();
      this.store.flush();
    }
  }

  protected override updated(): void {
    // After the draft settles: the preview asks again only when the schedule changed.
    if (this.prefilling || this.receipt) return;
    const schedule = toRegistrationInput(this.draft).group?.schedule as Schedule | undefined;
    const any = schedule && (schedule.rules?.length ?? 0) + (schedule.meetings?.length ?? 0) > 0;
    this.preview.show(this.apiUrl, any ? schedule : undefined, !this.group);
  }

  private load(): void {
    const saved = this.store.load();
    this.receipt = undefined;
    this.errors = [];
    this.failure = '';
    this.restored = !!saved;
    this.draft = saved?.draft ?? emptyDraft();
    this.idempotencyKey = saved?.idempotencyKey ?? crypto.randomUUID();
    this.prefilling = !saved && !!this.group;
  }

  private keep(): void {
    this.store.save({ draft: this.draft, idempotencyKey: this.idempotencyKey });
  }

  private get locale(): string {
    return localeOf(this);
  }

  private setField<K extends DraftKey>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.keep();
  }

  private context(): ScheduleContext {
    const draft = () => this.draft;
    return {
      // Read when an input changes, not when the template was made: two changes
      // before the next render must both count.
      get draft() {
        return draft();
      },
      locale: this.locale,
      principles: this.taxonomy.value?.principles ?? [],
      error: (target) => this.errors.find((e) => e.target === target)?.message,
      set: (key, value) => this.setField(key, value),
      addItem: (key, item, focus) => {
        this.setField(key, [...this.draft[key], item] as Draft[typeof key]);
        this.focusAfter.request(`#${focus}`);
      },
      removeItem: (key, index, whenEmpty, focusOn) => {
        const list = (this.draft[key] as unknown[]).filter((_, i) => i !== index);
        this.setField(key, list as Draft[typeof key]);
        this.focusAfter.request(`#${list.length > 0 ? focusOn(Math.min(index, list.length - 1)) : whenEmpty}`);
      },
      changeItem: (key, index, patch) =>
        this.setField(key, (this.draft[key] as object[]).map((m, i) => (i === index ? { ...m, ...patch } : m)) as Draft[typeof key]),
      preview: this.preview.state,
      durations: (current) => durationOptions(current, this.locale),
      normalisePostcode: (value) => {
        const normal = normalisePostcode(value, this.draft.country);
        if (normal !== value && value.trim() !== '') this.setField('postcode', normal);
      },
    };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Enter in a field, a double click, an impatient second click: one request at a time.
    if (this.submitting) return;
    const updatesGroupId = this.group || undefined;
    const { input, errors } = validate(this.draft, updatesGroupId);
    this.failure = '';
    if (!input) {
      this.errors = errors;
      this.focusAfter.request('[part=error-summary]');
      return;
    }
    this.errors = [];
    this.submitting = true;
    this.store.flush();
    try {
      // Emails to the registrant come in the form's language where the directory writes it.
      const language = (['en', 'es', 'cy'] as const).find((l) => l === this.locale.split('-')[0]);
      if (language) input.registrant.language = language;
      const receipt = await directoryClient(this.apiUrl).registrations.create(input, {
        idempotencyKey: this.idempotencyKey,
      });
      this.store.clear();
      this.receipt = receipt;
      this.restored = false;
      this.focusAfter.request('[part=confirmation]');
      this.dispatchEvent(
        new CustomEvent<PeerSubmitDetail>('peer-submit', {
          detail: { reference: receipt.reference, status: receipt.status },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.onFailure(error);
    } finally {
      this.submitting = false;
    }
  }

  private onFailure(error: unknown): void {
    const fieldErrors =
      error instanceof ValidationError || error instanceof UnknownPlaceError ? fromApiErrors(error.problem?.errors ?? []) : [];
    if (fieldErrors.length > 0) {
      this.errors = fieldErrors;
      this.focusAfter.request('[part=error-summary]');
    } else {
      this.failure = this.failureMessage(error);
      this.focusAfter.request('[part=failure]');
    }
    // Refused outright (4xx): nothing was created, so the corrected answers get a key of their own.
    // Otherwise (no answer, 5xx) the registration may exist: a retry must reuse the key.
    if (error instanceof DirectoryError && error.status !== undefined && error.status < 500) {
      this.idempotencyKey = crypto.randomUUID();
    }
    this.keep();
    this.store.flush();
  }

  private failureMessage(error: unknown): string {
    if (error instanceof RateLimitError) {
      const when = retryIn(error.retryAfter, this.locale);
      return msg(str`Too many registrations have been sent from your connection. Try again ${when}.`);
    }
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      return msg('We could not reach the directory. Check your internet connection and try again.');
    }
    if (error instanceof ServerError) {
      return msg('Something went wrong at the directory. Try again in a few minutes.');
    }
    if (error instanceof NotFoundError && this.group) {
      return msg('The group you are asking to change is no longer in the directory.');
    }
    return msg('Your registration could not be sent. Try again in a few minutes.');
  }

  private startAgain(): void {
    this.store.clear();
    this.group = '';
    this.loadedFor = undefined;
    this.focusAfter.request('#name');
  }

  override render(): TemplateResult {
    return html`<div part="base">${this.receipt ? this.renderConfirmation(this.receipt) : this.renderForm()}</div>`;
  }

  private renderFailure() {
    if (!this.failure) return nothing;
    return html`<div class="error-summary" part="failure" tabindex="-1" aria-labelledby="failure-title">
      <div role="alert">
        <h2 id="failure-title">${msg('Your registration has not been sent')}</h2>
        <p>${this.failure}</p>
        <p>${msg('Your answers are saved in this browser tab.')}</p>
      </div>
      <!-- Inside the form: it sends the saved answers again, with the same idempotency key. -->
      <button type="submit" part="retry">${msg('Try again')}</button>
    </div>`;
  }

  private renderPrefill() {
    return this.published.render({
      pending: () => html`<p role="status" class="loading">${msg('Loading the group’s details…')}</p>`,
      error: (error) =>
        html`<div class="error-summary" part="failure" role="alert">
          <p>
            ${
              error instanceof NotFoundError
                ? msg('We could not find this group in the directory. It may have been removed.')
                : msg('We could not load the group’s details.')
            }
          </p>
          <button type="button" class="secondary" @click=${() => this.published.run()}>${msg('Try again')}</button>
        </div>`,
    });
  }

  private renderForm(): TemplateResult {
    if (this.prefilling) return html`${this.renderPrefill()}`;
    const ctx = this.context();
    const changing = !!this.group;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${errorSummary(this.errors)} ${this.renderFailure()}
      ${this.restored ? html`<p class="notice">${msg('We have kept the answers you gave earlier in this tab.')}</p>` : nothing}
      ${
        changing
          ? html`<p class="notice">
            ${msg('You are asking for changes to a group in the directory. Staff will check them before they are published.')}
          </p>`
          : nothing
      }
      ${aboutSection(ctx)} ${questionsSection(ctx)} ${whereSection(ctx)} ${leadersSection(ctx)} ${contactSection(ctx)}
      ${registrantSection(ctx)} ${consentSection(ctx)} ${honeypot(ctx)}
      <div class="actions">
        <button type="submit" id="submit" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? msg('Sending…') : changing ? msg('Send changes for review') : msg('Send for review')}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.submitting ? msg('Sending your registration…') : ''}</p>
    </form>`;
  }

  private renderConfirmation(receipt: RegistrationReceipt): TemplateResult {
    const days = new Intl.NumberFormat(this.locale).format(this.reviewDays);
    const email = this.draft.registrantEmail.trim();
    return html`<div class="panel" part="confirmation" tabindex="-1" aria-labelledby="confirmation-title">
        <h1 id="confirmation-title">${this.group ? msg('Changes received') : msg('Registration received')}</h1>
        <p>
          ${msg('Your reference number')}<br />
          <strong class="reference">${receipt.reference}</strong>
        </p>
      </div>
      <div part="next-steps">
        <h2>${msg('What happens next')}</h2>
        <p>
          ${
            isOne(this.reviewDays, this.locale)
              ? msg('Directory staff will check the details, usually within 1 working day.')
              : msg(str`Directory staff will check the details, usually within ${days} working days.`)
          }
        </p>
        ${
          this.taxonomy.value?.email === false
            ? nothing
            : html`<p>
              ${
                email
                  ? msg(str`We will email you at ${email} when the group is published, or if we have any questions.`)
                  : msg('We will email you when the group is published, or if we have any questions.')
              }
            </p>`
        }
        <p>${msg('Nothing appears in the directory until staff have checked it. Quote your reference number if you contact us.')}</p>
        <button type="button" class="secondary" @click=${this.startAgain}>${msg('Register another group')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'peer-submit': CustomEvent<PeerSubmitDetail>;
  }
  // The events bubble and are composed, so hosts often listen on the document.
  interface DocumentEventMap {
    'peer-submit': CustomEvent<PeerSubmitDetail>;
  }
}
