import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LEADERS } from '../../schema/index.js';
import { leaderLabel } from '../shared/terms.js';
import { checkboxes, textInput, tickBox } from './fields.js';
import { section, type SectionContext } from './sections-group.js';

export function leadersSection(ctx: SectionContext): TemplateResult {
  return section(
    'leaders',
    msg('Who runs it'),
    nothing,
    checkboxes(ctx, 'leaders', {
      legend: msg('Who runs the group?'),
      // Training was question 5: asking again would only get the same answer twice.
      hint: msg('Select all that apply. You told us about their training in question 5.'),
      options: LEADERS.map((l) => ({ value: l.code, label: leaderLabel(l.code) })),
    }),
  );
}

export function contactSection(ctx: SectionContext): TemplateResult {
  return section(
    'contact',
    msg('Contact details to publish'),
    html`<strong>${msg('These will be shown to the public in the directory.')}</strong>
      ${msg('Give the details people should use to ask about joining.')}`,
    html`
      ${textInput(ctx, 'contactEmail', {
        label: msg('Email address for the group (optional)'),
        type: 'email',
        autocomplete: 'work email',
        spellcheck: false,
      })}
      ${textInput(ctx, 'contactPhone', {
        label: msg('Telephone number for the group (optional)'),
        type: 'tel',
        autocomplete: 'work tel',
        short: true,
      })}
      ${textInput(ctx, 'contactWebsite', {
        label: msg('Website for the group (optional)'),
        type: 'url',
        autocomplete: 'url',
        spellcheck: false,
      })}
    `,
  );
}

export function registrantSection(ctx: SectionContext): TemplateResult {
  return section(
    'registrant',
    msg('Your details'),
    html`<strong>${msg('These are never published.')}</strong>
      ${msg('Directory staff use them only to contact you about this registration.')}`,
    html`
      ${textInput(ctx, 'registrantName', { label: msg('Your name'), autocomplete: 'name', spellcheck: false })}
      ${textInput(ctx, 'registrantEmail', {
        label: msg('Your email address'),
        hint: msg('We will email you when the group is published or if we have questions.'),
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
      })}
      ${textInput(ctx, 'registrantPhone', {
        label: msg('Your telephone number (optional)'),
        type: 'tel',
        autocomplete: 'tel',
        short: true,
      })}
      ${textInput(ctx, 'registrantRole', {
        label: msg('Your role in the group (optional)'),
        hint: msg('For example, group leader or volunteer coordinator.'),
        autocomplete: 'organization-title',
      })}
    `,
  );
}

export function consentSection(ctx: SectionContext): TemplateResult {
  return section(
    'consent',
    msg('Consent'),
    nothing,
    html`
      ${tickBox(
        ctx,
        'consentStoreData',
        msg('I agree to the directory storing these details so that staff can review the group and publish it.'),
      )}
      ${tickBox(
        ctx,
        'consentNoMedicalAdvice',
        msg(
          'I confirm that the group gives no medical advice: for clinical questions, members are pointed to their usual healthcare team.',
        ),
      )}
    `,
  );
}

/**
 * The honeypot: hidden from sight and from assistive technology, out of the
 * tab order, and named like a field bots love to fill. People leave it
 * empty; the API quietly drops registrations where it is not.
 */
export function honeypot(ctx: SectionContext): TemplateResult {
  return html`<div class="visually-hidden" aria-hidden="true">
    <label for="website2">${msg('Leave this empty')}</label>
    <input
      id="website2"
      name="website2"
      type="text"
      tabindex="-1"
      autocomplete="off"
      .value=${live(ctx.draft.website2)}
      @input=${(e: Event) => ctx.set('website2', (e.target as HTMLInputElement).value)}
    />
  </div>`;
}
