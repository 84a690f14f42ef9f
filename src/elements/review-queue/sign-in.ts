import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { errorMessage } from '../shared/error-message.js';
import { errorSummary } from '../shared/error-summary.js';
import type { StaffSession } from './staff-session.js';

/** The sign-in form: one password-type field for the access token, with the GOV.UK error pattern. */
export function signInForm(session: StaffSession, onSubmit: (event: SubmitEvent) => void, onType: () => void): TemplateResult {
  const error = session.error;
  return html`<form part="sign-in" novalidate @submit=${onSubmit}>
    <h2>${msg('Sign in to review registrations')}</h2>
    ${errorSummary(error ? [{ target: 'token', message: error }] : [], 3)}
    <div class="field" ?data-error=${!!error}>
      <label for="token">${msg('Staff access token')}</label>
      <p class="hint" id="token-hint">
        ${msg('The directory’s administrator gives this to staff. It is kept in this tab until you sign out.')}
      </p>
      ${errorMessage('token', error)}
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="current-password"
        spellcheck="false"
        aria-describedby=${error ? 'token-hint token-error' : 'token-hint'}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${live(session.typed)}
        @input=${(e: Event) => {
          session.typed = (e.target as HTMLInputElement).value;
          onType();
        }}
      />
    </div>
    <button type="submit" aria-disabled=${session.busy ? 'true' : 'false'}>
      ${session.busy ? msg('Signing in…') : msg('Sign in')}
    </button>
  </form>`;
}
