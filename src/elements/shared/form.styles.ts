import { css } from 'lit';
import { errorSummaryStyles } from './error-summary.js';

/**
 * The look of forms in the GOV.UK pattern, shared by the registration form
 * and the review queue: questions with hints, inline errors with a red bar,
 * the error summary, large tick boxes and radios, the confirmation panel.
 *
 * @cssprop [--peer-color-on-success=#ffffff] - Text on the confirmation panel.
 */
export const formStyles = [
  errorSummaryStyles,
  css`
  :host {
    --_on-success: var(--peer-color-on-success, var(--_theme-on-success, #ffffff));
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.2rem;
    line-height: 1.3;
    margin: 1.5rem 0 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .field {
    display: grid;
    /* One column no wider than the form, so long options wrap instead of overflowing. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin: 0 0 1.5rem;
    min-width: 0;
  }
  .field[data-error] {
    padding-left: 0.75rem;
    border-left: 5px solid var(--_error);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .field > button {
    justify-self: start;
  }
  .choices > .hint,
  .choices > .error-message {
    margin-bottom: 0.25rem;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-weight: normal;
  }
  .error-message {
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea,
  select {
    width: 100%;
    max-width: min(100%, 40rem);
  }
  input.short {
    max-width: min(100%, 12rem);
  }
  select {
    justify-self: start;
  }
  textarea {
    resize: vertical;
  }
  .options {
    display: grid;
    gap: 0.5rem;
    margin-top: 0.25rem;
  }
  .options.inline {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr));
    width: 100%;
    max-width: min(100%, 40rem);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: start;
  }
  .option input {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }
  .option label {
    font-weight: normal;
    padding: 0.1rem 0;
  }
  .option-hint {
    grid-column: 2;
  }
  .reveal {
    margin: 0 0 0 0.7rem;
    padding: 0.5rem 0 0 1.25rem;
    border-left: 4px solid var(--_border);
  }
  .notice {
    padding: 0.75rem var(--_space);
    border-left: 6px solid var(--_primary);
    background: var(--_surface-alt);
  }
  .panel {
    margin: 0 0 1.5rem;
    padding: 1.5rem var(--_space);
    background: var(--_success);
    color: var(--_on-success);
    text-align: center;
  }
  .panel h1 {
    font-size: 2rem;
    margin: 0 0 1rem;
  }
  .panel:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
  }
  .panel p {
    margin: 0;
    font-size: 1.2rem;
  }
  .reference {
    display: inline-block;
    font-size: 1.6rem;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.95rem;
  }
  @media (forced-colors: active) {
    .field[data-error],
    .notice,
    .reveal {
      border-color: CanvasText;
    }
    .panel {
      border: 3px solid CanvasText;
    }
  }
`,
];
