import { msg } from '@lit/localize';
import { html, nothing } from 'lit';

/**
 * A field's inline error in the GOV.UK pattern: its id is `<field id>-error`
 * for the field's `aria-describedby`, and a hidden "Error:" is read out first
 * so it is not mistaken for a hint.
 */
export function errorMessage(id: string, message: string | undefined) {
  return message
    ? html`<p class="error-message" id=${`${id}-error`}>
        <span class="visually-hidden">${msg('Error:')}</span> ${message}
      </p>`
    : nothing;
}
