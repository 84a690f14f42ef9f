import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { NetworkError, RateLimitError, TimeoutError, ValidationError } from '../../index.js';
import { REMINDER_TIMES, reminderRequestSchema, type MeetingOccurrence, type ReminderTime } from '../../schema/index.js';
import { directoryClient } from '../shared/directory.js';
import { errorMessage } from '../shared/error-message.js';
import { FocusAfterRender } from '../shared/focus-after-render.js';
import { retryIn } from '../shared/intl.js';

/** Where each problem is shown: next to the address, or next to the choice of reminders. */
type Problem = { email?: string; reminders?: string; failure?: string };

const REMINDER_LABELS: Record<ReminderTime, () => string> = {
  week: () => msg('A week before'),
  day: () => msg('The day before'),
  hour: () => msg('An hour before'),
};

const EMAIL_LANGUAGES = ['en', 'es', 'cy'] as const;

/**
 * "Remind me about this meeting": an address, which reminders, and one
 * meeting or every one. The directory sends a confirmation email first and
 * plans nothing until its link is followed; its answer is the same whether
 * or not the address had asked before, and so is what this box says. What
 * was typed stays after a failure.
 */
export class RemindMe {
  private email = '';
  private times = new Set<ReminderTime>(['day']);
  private every = true;
  private problem: Problem = {};
  private sending = false;
  /** The address the confirmation went to, once it was sent. */
  private sentTo = '';
  private readonly focusAfter: FocusAfterRender;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly groupId: () => string,
    private readonly api: () => string,
    private readonly locale: () => string,
  ) {
    this.focusAfter = new FocusAfterRender(host);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  private async send(event: SubmitEvent, next: MeetingOccurrence | undefined): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const language = EMAIL_LANGUAGES.find((l) => l === this.locale().split('-')[0]);
    const request = {
      email: this.email.trim(),
      reminders: REMINDER_TIMES.filter((t) => this.times.has(t)),
      ...(this.every || !next ? {} : { meeting: next.start }),
      ...(language ? { language } : {}),
    };
    const checked = reminderRequestSchema.safeParse(request);
    if (!checked.success) {
      const at = new Set(checked.error.issues.map((i) => i.path[0]));
      this.show({
        ...(at.has('email') ? { email: emailMessage(request.email) } : {}),
        ...(at.has('reminders') ? { reminders: msg('Choose when to be reminded') } : {}),
      });
      return;
    }
    this.sending = true;
    this.problem = {};
    this.update();
    try {
      await directoryClient(this.api()).reminders.request(this.groupId(), checked.data);
      this.sentTo = checked.data.email;
      this.focusAfter.request('#remind-sent');
    } catch (error) {
      this.show(failure(error, request.email, this.locale()));
    } finally {
      this.sending = false;
      this.update();
    }
  }

  private show(problem: Problem): void {
    this.problem = problem;
    this.focusAfter.request(problem.email ? '#remind-email' : problem.reminders ? '#remind-week' : '#remind-send');
    this.update();
  }

  /** The box, for a group with meetings to come (`next` is the soonest, when known). */
  render(next: MeetingOccurrence | undefined, when: (m: MeetingOccurrence) => string): TemplateResult {
    const p = this.problem;
    return html`<section part="remind-me" aria-labelledby="remind-title">
      <h3 id="remind-title">${msg('Remind me about this meeting')}</h3>
      ${
        this.sentTo
          ? html`<div class="sent" id="remind-sent" tabindex="-1" role="status">
            <p><strong>${msg('Check your email')}</strong></p>
            <p>
              ${msg(str`We have sent an email to ${this.sentTo}. Follow the link in it to confirm your reminders: nothing is sent until you do.`)}
            </p>
            <button type="button" class="secondary" @click=${() => ((this.sentTo = ''), this.update())}>
              ${msg('Ask for other reminders')}
            </button>
          </div>`
          : html`<form novalidate @submit=${(e: SubmitEvent) => this.send(e, next)}>
            <p class="hint">${msg('We will email you before the meeting, until the day it happens. Every email has a link to stop them.')}</p>
            <div class="field" ?data-error=${!!p.email}>
              <label for="remind-email">${msg('Your email address')}</label>
              ${errorMessage('remind-email', p.email)}
              <input
                id="remind-email"
                type="email"
                autocomplete="email"
                spellcheck="false"
                aria-describedby=${ifDefined(p.email ? 'remind-email-error' : undefined)}
                aria-invalid=${p.email ? 'true' : 'false'}
                .value=${live(this.email)}
                @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field" ?data-error=${!!p.reminders}>
              <fieldset aria-describedby=${ifDefined(p.reminders ? 'remind-times-error' : undefined)}>
                <legend>${msg('When should we remind you?')}</legend>
                ${errorMessage('remind-times', p.reminders)}
                <div class="options">
                  ${REMINDER_TIMES.map(
                    (t) => html`<div class="option">
                      <input
                        id=${`remind-${t}`}
                        type="checkbox"
                        .checked=${live(this.times.has(t))}
                        @change=${(e: Event) => {
                          if ((e.target as HTMLInputElement).checked) this.times.add(t);
                          else this.times.delete(t);
                        }}
                      />
                      <label for=${`remind-${t}`}>${REMINDER_LABELS[t]()}</label>
                    </div>`,
                  )}
                </div>
              </fieldset>
            </div>
            <div class="field">
              <fieldset>
                <legend>${msg('Which meetings?')}</legend>
                <div class="options">
                  ${[
                    { id: 'remind-every', every: true, label: msg('Every meeting, until I stop them') },
                    ...(next ? [{ id: 'remind-one', every: false, label: msg(str`Only the next meeting: ${when(next)}`) }] : []),
                  ].map(
                    (o) => html`<div class="option">
                      <input
                        id=${o.id}
                        name="remind-which"
                        type="radio"
                        .checked=${live(this.every === o.every)}
                        @change=${() => ((this.every = o.every), this.update())}
                      />
                      <label for=${o.id}>${o.label}</label>
                    </div>`,
                  )}
                </div>
              </fieldset>
            </div>
            ${p.failure ? html`<p class="error-message" role="alert">${p.failure}</p>` : nothing}
            <button type="submit" id="remind-send" aria-disabled=${this.sending ? 'true' : 'false'}>
              ${this.sending ? msg('Sending…') : msg('Email me a confirmation link')}
            </button>
          </form>`
      }
    </section>`;
  }
}

const emailMessage = (email: string) =>
  email === '' ? msg('Enter your email address') : msg('Enter an email address in the correct format, like name@example.org');

/** What to say, and next to which input, when the directory did not take the request. */
function failure(error: unknown, email: string, locale: string): Problem {
  if (error instanceof RateLimitError) {
    const when = retryIn(error.retryAfter, locale);
    return { email: msg(str`Too many reminders have been asked for. Try again ${when}.`) };
  }
  if (error instanceof ValidationError) {
    const pointers = (error.problem?.errors ?? []).map((e) => e.pointer);
    if (pointers.some((p) => p.startsWith('#/reminders'))) return { reminders: msg('Choose when to be reminded') };
    return { email: emailMessage(email) };
  }
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return { failure: msg('We could not reach the directory. Check your internet connection and try again.') };
  }
  return { failure: msg('Your request could not be sent. Try again in a few minutes.') };
}
