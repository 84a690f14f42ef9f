import { css } from 'lit';

export const finderStyles = css`
  [part='base'] {
    max-width: var(--_max-width);
  }
  [hidden] {
    display: none !important;
  }
  form {
    display: grid;
    /* One column no wider than the finder: large text wraps rather than widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    justify-items: start;
  }
  h2 {
    font-size: 1.3rem;
    line-height: 1.3;
    margin: 1rem 0 0.5rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem;
    width: 100%;
  }
  .field,
  fieldset {
    grid-template-columns: minmax(0, 1fr);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    max-width: 100%;
    /* A field's input is wide (20 characters) and would otherwise hold the row open on a phone with large text. */
    min-width: 0;
  }
  .place {
    flex: 0 1 20rem;
  }
  .place input {
    width: 100%;
  }
  label,
  legend,
  summary {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
  }
  .place:has([aria-invalid='true']) {
    padding-left: 0.75rem;
    border-left: 5px solid var(--_error);
  }
  .error-summary {
    width: 100%;
    padding: var(--_space);
    border: 5px solid var(--_error);
  }
  .error-summary h2 {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .filters {
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    cursor: pointer;
    padding: 0.625rem 0.75rem;
    color: var(--_primary);
  }
  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: 0.5rem 1rem;
    padding: 0 0.75rem 0.75rem;
  }
  fieldset {
    display: grid;
    align-content: start;
    gap: 0.25rem;
    margin: 0;
    padding: 0.25rem 0 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0 0 0.25rem;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.25rem 0;
    font-weight: normal;
  }
  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0.15rem 0 0;
    accent-color: var(--_primary);
  }
  .status-line {
    display: grid;
    margin: 1rem 0 0.5rem;
  }
  .status {
    grid-area: 1 / 1;
    min-height: 1.5em;
    margin: 0;
    font-weight: 600;
  }
  .held {
    visibility: hidden;
  }
  .status:focus {
    outline: none;
  }
  /* Dim old results only if a search takes a moment, so quick ones do not
     flicker; no animation, and back to full strength at once. */
  .busy {
    opacity: 0.55;
    transition: opacity 0s 0.15s;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space);
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .problem,
  .none-found {
    padding: var(--_space);
    border-left: 6px solid var(--_primary);
    background: var(--_surface-alt);
  }
  .problem {
    border-color: var(--_error);
  }
  .problem h2,
  .none-found h2 {
    margin-top: 0;
  }
  .none-found ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .none-found li {
    margin: 0.25rem 0;
  }
  .alternatives p {
    margin: 0 0 0.25rem;
  }
  .alternatives ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: inherit;
    text-decoration: underline;
    text-align: start;
  }
  [part='back'] {
    margin: 0 0 var(--_space);
  }
  /* On paper: what was found, or the group open; not the search form or any button. */
  @media print {
    form,
    button,
    .held {
      display: none;
    }
    .busy {
      opacity: 1;
    }
  }
  @media (forced-colors: active) {
    .error-summary,
    .problem,
    .none-found,
    .place:has([aria-invalid='true']) {
      border-color: CanvasText;
    }
    button.link {
      color: LinkText;
      border: 0;
    }
  }
`;
