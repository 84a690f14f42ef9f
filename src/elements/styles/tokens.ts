import { css } from 'lit';

/**
 * Design tokens: every `--peer-*` custom property with its default. Hosts
 * override them on the element or any ancestor; defaults meet WCAG AA
 * contrast on white, and dark mode / forced colours are handled below.
 * Every element lists these in its `static styles`, and the manifest
 * documents them on each (see custom-elements-manifest.config.mjs).
 *
 * @attribute {'auto'} theme - `auto`: use dark colours when the reader's system asks for them. Unset: always the light colours.
 * @cssprop [--peer-color-primary=#005eb8] - Buttons, links and accents.
 * @cssprop [--peer-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--peer-color-text=#212b32] - Body text.
 * @cssprop [--peer-color-text-secondary=#4c6272] - Secondary text: hints, distances, notes.
 * @cssprop [--peer-color-surface=#ffffff] - The background.
 * @cssprop [--peer-color-surface-alt=#f0f4f5] - Backgrounds of panels, badges and notes.
 * @cssprop [--peer-color-border=#768692] - Field, card and table borders.
 * @cssprop [--peer-color-error=#c22c00] - Error messages and borders.
 * @cssprop [--peer-color-success=#007f3b] - Confirmations.
 * @cssprop [--peer-color-focus=#ffeb3b] - The focus highlight.
 * @cssprop [--peer-color-focus-text=#212b32] - Text on the focus highlight.
 * @cssprop [--peer-radius=4px] - Corner radius.
 * @cssprop [--peer-space=1rem] - The basic spacing unit.
 * @cssprop [--peer-font-family=inherit] - The font; by default the page's.
 * @cssprop [--peer-max-width=60rem] - The widest the element grows.
 */
export const tokens = css`
  :host {
    /* Each colour: the host's --peer-* choice, else the theme's (set below, and inherited by
       the elements this one shows, such as the finder's cards), else the light default. */
    --_primary: var(--peer-color-primary, var(--_theme-primary, #005eb8));
    --_primary-text: var(--peer-color-on-primary, var(--_theme-primary-text, #ffffff));
    --_text: var(--peer-color-text, var(--_theme-text, #212b32));
    --_muted: var(--peer-color-text-secondary, var(--_theme-muted, #4c6272));
    --_surface: var(--peer-color-surface, var(--_theme-surface, #ffffff));
    --_surface-alt: var(--peer-color-surface-alt, var(--_theme-surface-alt, #f0f4f5));
    --_border: var(--peer-color-border, var(--_theme-border, #768692));
    --_error: var(--peer-color-error, var(--_theme-error, #c22c00));
    --_success: var(--peer-color-success, var(--_theme-success, #007f3b));
    --_focus: var(--peer-color-focus, #ffeb3b);
    --_focus-text: var(--peer-color-focus-text, #212b32);
    --_radius: var(--peer-radius, 4px);
    --_space: var(--peer-space, 1rem);
    --_font: var(--peer-font-family, inherit);
    --_max-width: var(--peer-max-width, 60rem);

    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
    box-sizing: border-box;
    /* A word longer than its line (a heading in large text on a phone) breaks rather than widening the page. */
    overflow-wrap: break-word;
  }
  /* theme="auto" follows the reader's dark-mode preference. The element then paints its own
     background, so its light text never lands on a host page that stayed light. */
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_theme-primary: #7cb6ff;
      --_theme-primary-text: #0b1a2a;
      --_theme-text: #f0f4f5;
      --_theme-muted: #c5d0d6;
      --_theme-surface: #15202b;
      --_theme-surface-alt: #1f2d3a;
      --_theme-border: #9fb0bb;
      --_theme-error: #ff9d85;
      --_theme-success: #7fdca4;
      --_theme-on-success: #0b1a2a;
      color-scheme: dark;
      background: var(--_surface);
      padding: var(--_space);
      border-radius: var(--_radius);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/**
 * Controls every element shares: buttons, fields, focus, hidden text.
 * Motion is only ever added inside `@media (prefers-reduced-motion: no-preference)`.
 */
export const controls = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_primary-text);
    font-weight: 600;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  .error-message {
    color: var(--_error);
    font-weight: 600;
    margin: 0.25rem 0;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
