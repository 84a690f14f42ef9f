import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** One problem the summary lists: the id of the input to fix, and what is wrong. */
export interface SummaryError {
  target: string;
  message: string;
}

function focusTarget(event: Event, id: string) {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as Document | ShadowRoot;
  const field = root.getElementById(id);
  if (!field) return;
  // As GOV.UK does: bring the question (a group's legend, or the label) into view, not just the input.
  const question = field.closest('fieldset.choices')?.querySelector('legend') ?? root.querySelector(`label[for="${CSS.escape(id)}"]`);
  field.focus({ preventScroll: true });
  (question ?? field).scrollIntoView({ block: 'start' });
}

/**
 * The GOV.UK error summary: "There is a problem" and a link to each input
 * that needs fixing. It takes focus when shown (give it to
 * `FocusAfterRender` as `[part=error-summary]`), and is read out as an alert.
 * @param heading its heading level: 2 in an element, 3 inside a section headed at 2
 */
export function errorSummary(errors: readonly SummaryError[], heading: 2 | 3 = 2): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const title = msg('There is a problem');
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      ${heading === 2 ? html`<h2 id="error-summary-title">${title}</h2>` : html`<h3 id="error-summary-title">${title}</h3>`}
      <ul>
        ${errors.map(
          (e) => html`<li><a href=${`#${e.target}`} @click=${(event: Event) => focusTarget(event, e.target)}>${e.message}</a></li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** The summary's look; add to the host's `static styles` after `controls`. */
export const errorSummaryStyles = css`
  .error-summary {
    width: 100%;
    margin: 0 0 1.5rem;
    padding: var(--_space);
    border: 5px solid var(--_error);
    background: var(--_surface);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary h2,
  .error-summary h3 {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary li {
    margin: 0.25rem 0;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .error-summary p:last-child {
    margin-bottom: 0;
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
