import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ConflictError, NetworkError, NotFoundError, TimeoutError, UnauthorizedError } from '../../index.js';
import {
  REGISTRATION_STATUSES,
  rejectionSchema,
  type Group,
  type Registration,
  type RegistrationStatus,
  type Term,
} from '../../schema/index.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { directoryClient } from '../shared/directory.js';
import { errorMessage } from '../shared/error-message.js';
import { localeOf } from '../shared/intl.js';
import { controls, tokens } from '../styles/tokens.js';
import { FocusAfterRender } from '../shared/focus-after-render.js';
import { reviewQueueStyles } from './review-queue.styles.js';
import { signInForm } from './sign-in.js';
import { StaffSession } from './staff-session.js';
import { previewDates, SchedulePreview } from '../shared/schedule-preview.js';
import { scheduleText } from '../shared/schedule-text.js';
import { changesView, decisionText, newGroupView, registrationFacts, registrationList, statusLabel } from './views.js';

/** `peer-decide`: a registration was approved or rejected. */
export interface PeerDecideDetail {
  id: string;
  reference: string;
  status: RegistrationStatus;
  /** The published group, when approved. */
  groupId?: string;
}

interface Opened {
  registration: Registration;
  /** For changes to a published group: that group, or null when it is gone. */
  published?: Group | null;
}

/**
 * @summary The moderation queue for directory staff: sign in with an access
 * token, see registrations by status (pending first), open one to see it
 * side by side (a new group beside the registrant's private details, or a
 * published group beside the changes asked for, differences marked), and
 * approve or reject it with a reason.
 *
 * The token is kept in this tab's sessionStorage until sign-out. Put this
 * element on a page only staff use: it shows registrants' private details.
 *
 * @event {CustomEvent<PeerDecideDetail>} peer-decide - A registration was approved or rejected. `detail`: `{ id, reference, status, groupId? }`.
 *
 * @csspart base - Everything the element shows.
 * @csspart sign-in - The sign-in form.
 * @csspart toolbar - "Signed in" and the sign-out button.
 * @csspart status - Announcements of what just happened.
 * @csspart list - The list of registrations.
 * @csspart detail - One registration.
 * @csspart side-by-side - The comparison (a table for changes; two columns for a new group).
 * @csspart proposed - The proposed group's record.
 * @csspart registrant - The registrant's private details.
 * @csspart schedule-preview - The schedule in words and the next three dates the directory gives it.
 * @csspart actions - Approve and reject.
 *
 * @cssprop --peer-color-primary - Buttons and links.
 * @cssprop --peer-color-error - Errors.
 * @cssprop --peer-color-surface-alt - Changed rows and notices.
 * @cssprop --peer-max-width - The widest it grows.
 */
@localized()
export class PeerReviewQueue extends LitElement {
  static override styles = [tokens, controls, reviewQueueStyles];

  /** The directory API's base URL. Defaults to this page's origin. */
  @property() api = '';
  /** The language, e.g. `es`; by default the page's. */
  @property({ reflect: true }) override lang!: string;

  @state() private status: RegistrationStatus = 'pending';
  @state() private selectedId?: string;
  @state() private notice = '';
  @state() private actionError = '';
  @state() private rejecting = false;
  /** "Approve" was pressed once: publishing waits for the second, confirming press. */
  @state() private approving = false;
  @state() private reason = '';
  @state() private reasonError = '';
  @state() private acting = false;
  @state() private refreshed = 0;
  @state() private onlyChanges = false;

  private readonly focusAfter = new FocusAfterRender(this);
  private readonly session = new StaffSession(this, () => this.apiUrl);
  /** The next dates the registration's schedule gives, as the directory will publish them. */
  private readonly preview = new SchedulePreview(this, 0);

  private readonly taxonomy = new Task<[string], { principles: Term[]; email: boolean }>(this, {
    task: async ([api], { signal }) => {
      const { principles, features } = await directoryClient(api).taxonomy({ signal });
      return { principles, email: features.email };
    },
    args: () => [this.apiUrl],
  });

  private readonly list = new Task<[string, string, RegistrationStatus, number], Registration[]>(this, {
    task: async ([, token, status], { signal }) => (token ? this.admin().registrations.list({ status, signal }) : []),
    args: () => [this.apiUrl, this.session.token, this.status, this.refreshed],
    onError: (error) => this.onAuthError(error),
  });

  private readonly opened = new Task<[string, string, string | undefined], Opened | undefined>(this, {
    task: async ([api, token, id], { signal }) => {
      if (!token || !id) return undefined;
      const registration = await this.admin().registrations.get(id, { signal });
      if (!registration.updatesGroupId) return { registration };
      const published = await directoryClient(api)
        .groups.get(registration.updatesGroupId, { signal })
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        });
      return { registration, published };
    },
    args: () => [this.apiUrl, this.session.token, this.selectedId],
    onComplete: () => {
      if (!this.focusAfter.pending && this.selectedId) this.focusAfter.request('#detail-title');
    },
    onError: (error) => this.onAuthError(error),
  });

  protected override updated(): void {
    const schedule = this.selectedId ? this.opened.value?.registration.group.schedule : undefined;
    const any = schedule && schedule.rules.length + schedule.meetings.length > 0;
    // A change keeps the date its group began on, as approving it would.
    this.preview.show(this.apiUrl, any ? schedule : undefined, false);
  }

  private get apiUrl(): string {
    return this.api || location.origin;
  }

  private get locale(): string {
    return localeOf(this);
  }

  private admin() {
    return this.session.client();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') && this.hasUpdated) void useLocale(languageOf(this));
    if (changed.has('api')) {
      this.session.restore();
      this.selectedId = undefined;
    }
  }

  /** A rejected token: back to sign-in, saying why. */
  private onAuthError(error: unknown): void {
    if (!(error instanceof UnauthorizedError)) return;
    this.session.expire();
    this.selectedId = undefined;
    this.focusAfter.request('[part=sign-in] .error-summary');
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.session.busy) return;
    this.notice = '';
    // Set first: a missing token is answered at once, in the very next render.
    this.focusAfter.request('[part=sign-in] .error-summary');
    // The toolbar says who is signed in, and focus moves to the list: nothing more to announce.
    if (await this.session.signIn()) this.focusAfter.request('#list-title');
    this.requestUpdate();
  }

  private signOut(): void {
    this.session.signOut();
    this.selectedId = undefined;
    this.notice = msg('Signed out.');
    this.focusAfter.request('#token');
  }

  private open(id: string): void {
    this.selectedId = id;
    this.rejecting = false;
    this.approving = false;
    this.reason = '';
    this.reasonError = '';
    this.actionError = '';
    this.notice = '';
  }

  private backToList(): void {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.actionError = '';
    this.focusAfter.request(id ? `#${CSS.escape(`reg-${id}`)}` : '#list-title');
  }

  private decided(r: Registration, message: string): void {
    this.notice = message;
    this.approving = false;
    this.selectedId = undefined;
    this.refreshed++;
    this.focusAfter.request('#list-title');
    this.dispatchEvent(
      new CustomEvent<PeerDecideDetail>('peer-decide', {
        detail: { id: r.id, reference: r.reference, status: r.status, ...(r.groupId ? { groupId: r.groupId } : {}) },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private async act(action: () => Promise<Registration>, done: (r: Registration) => string): Promise<void> {
    if (this.acting) return;
    this.acting = true;
    this.actionError = '';
    try {
      const r = await action();
      this.decided(r, done(r));
    } catch (error) {
      if (error instanceof UnauthorizedError) this.onAuthError(error);
      else {
        this.actionError =
          error instanceof ConflictError
            ? msg('Someone has already decided on this registration. Its current state is shown below.')
            : error instanceof NetworkError || error instanceof TimeoutError
              ? msg('We could not reach the directory. Nothing was changed. Try again.')
              : msg('That did not work. Nothing was changed. Try again in a few minutes.');
        this.focusAfter.request('#action-error');
        if (error instanceof ConflictError) void this.opened.run();
      }
    } finally {
      this.acting = false;
    }
  }

  private approve(r: Registration): void {
    void this.act(
      () => this.admin().registrations.approve(r.id),
      () => msg(str`Approved “${r.group.name}”. It is now in the directory.`),
    );
  }

  private reject(r: Registration): void {
    const parsed = rejectionSchema.safeParse({ reason: this.reason });
    if (!parsed.success) {
      const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
      this.reasonError = tooLong
        ? msg('The reason must be 1,000 characters or fewer')
        : msg('Give a reason the registrant will understand');
      this.focusAfter.request('#reason');
      return;
    }
    this.reasonError = '';
    void this.act(
      () => this.admin().registrations.reject(r.id, parsed.data.reason),
      () =>
        this.taxonomy.value?.email === false
          ? msg(str`Rejected “${r.group.name}”.`)
          : msg(str`Rejected “${r.group.name}”. The registrant will be told why.`),
    );
  }

  override render(): TemplateResult {
    return html`<div part="base">
      <div class="notice-area" part="status" role="status">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      ${
        this.session.token
          ? this.renderQueue()
          : signInForm(
              this.session,
              (e) => void this.signIn(e),
              () => this.requestUpdate(),
            )
      }
    </div>`;
  }

  private renderQueue(): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
        <p>${msg('Signed in as directory staff.')}</p>
        <button type="button" class="secondary" @click=${this.signOut}>${msg('Sign out')}</button>
      </div>
      ${this.selectedId ? this.renderDetail() : this.renderList()}`;
  }

  private renderList(): TemplateResult {
    return html`<section part="list" aria-labelledby="list-title">
      <h2 id="list-title" tabindex="-1">${msg('Registrations')}</h2>
      <div class="field">
        <label for="status">${msg('Show')}</label>
        <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as RegistrationStatus)}>
          ${REGISTRATION_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${statusLabel(s)}</option>`)}
        </select>
      </div>
      ${this.list.render({
        pending: () => html`<p class="loading">${msg('Loading registrations…')}</p>`,
        error: () =>
          html`<div class="error-summary" role="alert">
            <p>${msg('We could not load the registrations.')}</p>
            <button type="button" class="secondary" @click=${() => this.list.run()}>${msg('Try again')}</button>
          </div>`,
        complete: (registrations) => registrationList(registrations, this.status, this.locale, (id) => this.open(id)),
      })}
    </section>`;
  }

  private renderDetail(): TemplateResult {
    return html`<section part="detail" aria-labelledby="detail-title">
      <button type="button" class="link back" @click=${this.backToList}>${msg('Back to registrations')}</button>
      ${this.opened.render({
        pending: () => html`<p class="loading">${msg('Loading the registration…')}</p>`,
        error: (error) =>
          html`<div class="error-summary" role="alert">
            <p>
              ${error instanceof NotFoundError ? msg('This registration no longer exists.') : msg('We could not load this registration.')}
            </p>
            <button type="button" class="secondary" @click=${() => this.opened.run()}>${msg('Try again')}</button>
          </div>`,
        complete: (opened) => (opened ? this.renderOpened(opened) : nothing),
      })}
    </section>`;
  }

  private renderOpened({ registration: r, published }: Opened): TemplateResult {
    const locale = this.locale;
    const principles = this.taxonomy.value?.principles ?? [];
    return html`<h2 id="detail-title" tabindex="-1">${r.group.name}</h2>
      <p class="meta">${registrationFacts(r, locale)} · ${statusLabel(r.status)}</p>
      ${r.decision ? html`<p class="notice">${decisionText(r, locale)}</p>` : nothing}
      ${this.actionError ? html`<div class="error-summary" id="action-error" tabindex="-1" role="alert"><p>${this.actionError}</p></div>` : nothing}
      ${
        r.updatesGroupId
          ? changesView(r, published ?? null, locale, principles, this.onlyChanges, (only) => (this.onlyChanges = only))
          : newGroupView(r, locale, principles)
      }
      ${this.renderPreview(r)} ${r.status === 'pending' ? this.renderActions(r) : nothing}`;
  }

  private renderPreview(r: Registration): TemplateResult | typeof nothing {
    if (this.preview.state.kind === 'none') return nothing;
    const words = scheduleText({ rules: r.group.schedule.rules }, this.locale);
    return html`<section class="panel-section" part="schedule-preview" aria-labelledby="schedule-preview-title">
      <h3 id="schedule-preview-title">${msg('Next dates, as they will be published')}</h3>
      ${words.length > 0 ? html`<p class="words">${words.map((line, i) => (i ? html`<br />${line}` : line))}</p>` : nothing}
      ${previewDates(this.preview.state, this.locale, {
        incomplete: msg('The directory cannot work out dates from this schedule. Ask the registrant to check it.'),
        failed: msg('The next dates could not be worked out just now. Open the registration again to retry.'),
      })}
    </section>`;
  }

  private renderActions(r: Registration): TemplateResult {
    const busy = this.acting ? 'true' : 'false';
    if (this.approving) {
      // Publishing cannot be taken back from here: say what it does, and ask once more.
      return html`<div class="actions confirm" part="actions" role="group" aria-labelledby="confirm-approve">
        <p id="confirm-approve" tabindex="-1">
          ${
            r.updatesGroupId
              ? msg(str`Publish the changes to “${r.group.name}”? Everyone searching the directory will see them at once.`)
              : msg(str`Publish “${r.group.name}”? Everyone searching the directory will see it at once.`)
          }
        </p>
        ${this.decisionButtons(
          html`<button type="button" id="approve" aria-disabled=${busy} @click=${() => this.approve(r)}>${msg('Yes, publish it')}</button>`,
          this.step(() => (this.approving = false), '#approve'),
        )}
      </div>`;
    }
    if (!this.rejecting) {
      return html`<div class="actions" part="actions">
        <button type="button" id="approve" @click=${this.step(() => (this.approving = true), '#confirm-approve')}>
          ${r.updatesGroupId ? msg('Approve and publish the changes') : msg('Approve and publish')}
        </button>
        <button type="button" class="secondary" id="reject" @click=${this.step(() => (this.rejecting = true), '#reason')}>
          ${msg('Reject')}
        </button>
      </div>`;
    }
    const error = this.reasonError;
    return html`<form class="actions reject" part="actions" novalidate @submit=${(e: Event) => (e.preventDefault(), this.reject(r))}>
      <div class="field" ?data-error=${!!error}>
        <label for="reason">${msg('Why is this registration being rejected?')}</label>
        <p class="hint" id="reason-hint">${msg('The registrant will be told this, so write it for them.')}</p>
        ${errorMessage('reason', error)}
        <textarea
          id="reason"
          rows="4"
          aria-describedby=${error ? 'reason-hint reason-error' : 'reason-hint'}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(this.reason)}
          @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${this.decisionButtons(
        html`<button type="submit" aria-disabled=${busy}>${msg('Reject registration')}</button>`,
        this.step(() => {
          this.rejecting = false;
          this.reasonError = '';
        }, '#reject'),
      )}
    </form>`;
  }

  /** A decision's last step: the button that decides, and Cancel, which goes back a step. */
  private decisionButtons(decide: TemplateResult, cancel: () => void): TemplateResult {
    return html`<div class="buttons">
      ${decide}
      <button type="button" class="secondary" @click=${cancel}>${msg('Cancel')}</button>
    </div>`;
  }

  /** A click that moves between the decision's steps, and then focus to what the step shows (`selector`). */
  private step(change: () => void, selector: string): () => void {
    return () => {
      change();
      this.focusAfter.request(selector);
    };
  }
}

declare global {
  interface HTMLElementEventMap {
    'peer-decide': CustomEvent<PeerDecideDetail>;
  }
  // The events bubble and are composed, so hosts often listen on the document.
  interface DocumentEventMap {
    'peer-decide': CustomEvent<PeerDecideDetail>;
  }
}
