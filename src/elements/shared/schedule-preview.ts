import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ValidationError } from '../../index.js';
import type { MeetingOccurrence, Schedule } from '../../schema/index.js';
import { directoryClient } from './directory.js';
import { formatMeeting } from './time.js';

/** What the preview shows: nothing to show yet, the dates, or why there are none. */
export type PreviewState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'dates'; timeZone: string; meetings: MeetingOccurrence[] }
  /** The directory refused the schedule as it stands (a part missing or not fitting). */
  | { kind: 'incomplete' }
  /** The directory could not be asked. */
  | { kind: 'failed' };

/** How many dates a preview lists. */
export const PREVIEW_DATES = 3;

/**
 * The next dates a schedule gives, worked out by the directory
 * (`POST /v1/schedules/preview`): the page loads no recurrence library, and
 * the dates are the ones the directory will publish. Asked `delayMs` after
 * the last change (typing a date asks once), and a question overtaken by a
 * newer one is cancelled, so an old answer never replaces a newer one.
 */
export class SchedulePreview implements ReactiveController {
  state: PreviewState = { kind: 'none' };
  private asked = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delayMs: number,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
    // Connected again, the same schedule is asked again.
    this.asked = '';
  }

  /**
   * Asks for the dates of `schedule` (`undefined`: nothing to ask, e.g. no
   * meetings given yet) unless the same question was asked last.
   * `newGroup`: a first meeting in the past is refused, as for a registration.
   */
  show(api: string, schedule: Schedule | undefined, newGroup: boolean): void {
    const question = schedule ? JSON.stringify([api, schedule, newGroup]) : '';
    if (question === this.asked) return;
    this.asked = question;
    this.cancel();
    if (!schedule) {
      this.set({ kind: 'none' });
      return;
    }
    this.set({ kind: 'loading' });
    const controller = (this.controller = new AbortController());
    this.timer = setTimeout(() => {
      directoryClient(api)
        .groups.previewSchedule({ schedule, limit: PREVIEW_DATES, newGroup }, { signal: controller.signal })
        .then(
          ({ timeZone, meetings }) => controller.signal.aborted || this.set({ kind: 'dates', timeZone, meetings }),
          (error: unknown) => {
            if (controller.signal.aborted) return;
            this.set({ kind: error instanceof ValidationError ? 'incomplete' : 'failed' });
          },
        );
    }, this.delayMs);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = undefined;
  }

  private set(state: PreviewState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

/**
 * The preview as a list of dates, in a polite live region so that a screen
 * reader hears the new dates once they arrive. `messages` say why there are
 * none, in the words the page's readers need.
 */
export function previewDates(state: PreviewState, locale: string, messages: { incomplete: string; failed: string }): TemplateResult {
  const body = (() => {
    switch (state.kind) {
      case 'none':
        return nothing;
      case 'loading':
        return html`<p class="muted">${msg('Working out the next dates…')}</p>`;
      case 'incomplete':
        return html`<p>${messages.incomplete}</p>`;
      case 'failed':
        return html`<p>${messages.failed}</p>`;
      case 'dates':
        return state.meetings.length === 0
          ? html`<p>${msg('These meetings give no dates still to come.')}</p>`
          : html`<ol class="dates">
              ${state.meetings.map((m) => {
                const when = formatMeeting({ start: Date.parse(m.startsAt), end: Date.parse(m.endsAt) }, state.timeZone, locale);
                // Cancelled ones are listed (the directory marks them), so a date off can be checked too.
                return html`<li class=${m.cancelled ? 'cancelled' : ''}>
                  ${m.cancelled ? html`<strong>${msg('No meeting:')}</strong> ` : nothing}${when}${m.note ? ` (${m.note})` : ''}
                </li>`;
              })}
            </ol>`;
    }
  })();
  return html`<div class="preview-dates" role="status" aria-live="polite">${body}</div>`;
}
