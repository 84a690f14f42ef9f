import { css } from 'lit';

export const styles = css`
  :host {
    /* The element's own width picks the layout, wherever the host page puts it. */
    container-type: inline-size;
  }
  .base {
    max-width: var(--_max-width);
  }
  h2 {
    color: var(--_primary);
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  .header p {
    margin: 0 0 0.75rem;
  }
  .organisation {
    font-weight: 600;
  }
  .saving-note {
    color: var(--_muted);
  }
  .advice-note {
    border-left: 4px solid var(--_border);
    padding-left: 0.75rem;
  }
  .questions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .question {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.75) 0;
  }
  .question-text {
    font-size: 1.125rem;
    line-height: 1.35;
    margin: 0 0 0.5rem;
    display: flex;
    gap: 0.4rem;
  }
  .question-text > span {
    /* Lets a long word break (large text on a phone) instead of holding the line open. */
    min-width: 0;
  }
  .number {
    /* The question beside it wraps, not "4." (every word may break anywhere, so it would shrink to "4" over "."). */
    flex: none;
    color: var(--_primary);
    font-weight: 700;
  }
  .question-body {
    display: grid;
    gap: 0.75rem;
  }
  .label {
    display: block;
    font-size: 1rem;
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .answer {
    background: var(--_surface-alt);
    border-left: 4px solid var(--_primary);
    padding: 0.5rem 0.75rem;
  }
  .answer p,
  td p,
  dd p {
    margin: 0 0 0.25rem;
  }
  .answer-short {
    font-weight: 700;
  }
  .answer-text,
  .answer-details,
  .note-text,
  .print-note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 5.5rem;
    resize: vertical;
  }
  .matters {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .matters input {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--_primary);
    flex: none;
  }
  .badge {
    display: inline-block;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    font-size: 0.875rem;
    font-weight: 600;
    padding: 0 0.4rem;
    margin: 0.25rem 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  button.warning {
    background: var(--_error);
    border-color: var(--_error);
    color: #ffffff;
  }
  .status {
    min-height: 1.5em;
    margin: 0.5rem 0 0;
    font-weight: 600;
  }
  .copy-fallback textarea {
    min-height: 10rem;
  }
  .message {
    padding: var(--_space) 0;
  }
  .note {
    border-left: 4px solid var(--_primary);
    padding-left: 0.75rem;
  }

  /* Comparison: one question after another by default, a table when the element is wide enough. */
  .compare-wide {
    display: none;
  }
  dl {
    margin: 0;
  }
  .compare-entry {
    border-left: 4px solid var(--_primary);
    background: var(--_surface-alt);
    padding: 0.5rem 0.75rem;
    margin-top: 0.5rem;
  }
  dt {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  dd {
    margin: 0;
  }
  .compare-note {
    margin-top: 0.5rem;
  }
  .compare-note .label {
    font-size: 0.9375rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.5rem 0.75rem;
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_surface-alt);
    font-size: 1.0625rem;
  }
  .question-col {
    width: 28%;
  }
  tbody th {
    font-weight: 600;
  }
  .matters-row th {
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  @container (min-width: 40rem) {
    .question-body.with-answer {
      grid-template-columns: 1fr 1fr;
    }
    .compare-wide {
      display: block;
    }
    .compare-stacked {
      display: none;
    }
  }

  dialog {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 1.5);
    max-width: min(32rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  /* Printed on paper: what is not typed yet becomes lines to write on; buttons go. */
  .print-note,
  .print-lines {
    display: none;
  }
  /* Takes focus only to move the reader there (tabindex -1): no ring, as GOV.UK does. */
  .header h2[tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0 0 1rem;
  }
  .facts div {
    display: flex;
    gap: 0.5rem;
    min-width: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    /* Addresses and web addresses are long unbroken words. */
    overflow-wrap: anywhere;
  }
  .compared {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .compared li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }
  .compared span {
    font-weight: 600;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  @media print {
    .screen-only,
    .compared {
      display: none;
    }
    :host {
      color: #000000;
      font-size: 10.5pt;
      line-height: 1.35;
      --_primary: #000000;
      --_border: #000000;
      --_surface-alt: #ffffff;
    }
    .header p {
      margin-bottom: 4pt;
    }
    .facts {
      gap: 2pt 16pt;
      margin-bottom: 4pt;
    }
    .label,
    .compare-note .label {
      font-size: 1em;
      margin-bottom: 2pt;
    }
    .question-body {
      gap: 4pt 12pt;
    }
    .answer,
    .compare-entry {
      padding: 2pt 6pt;
    }
    .matters {
      margin-top: 2pt;
    }
    .matters input {
      width: 1.1em;
      height: 1.1em;
    }
    th,
    td {
      padding: 3pt 5pt;
    }
    thead th {
      font-size: 1em;
    }
    .toolbar,
    .status,
    .copy-fallback,
    .saving-note,
    .message button,
    dialog,
    textarea {
      display: none;
    }
    h2 {
      font-size: 15pt;
    }
    .question-text {
      font-size: 11.5pt;
      margin-bottom: 3pt;
    }
    /* "This matters to me" beside the question, not on a line of its own: the sheet stays on two pages. */
    .questions > .question {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 12pt;
    }
    .questions > .question > * {
      grid-column: 1 / -1;
    }
    .questions > .question > .question-text {
      grid-column: 1;
    }
    .questions > .question > .matters {
      grid-column: 2;
      grid-row: 1;
      margin: 0;
    }
    .question {
      padding: 3pt 0;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    tr {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    .print-note {
      display: block;
      margin: 0;
    }
    .print-lines {
      display: block;
    }
    .print-lines span {
      display: block;
      height: 1.6em;
      border-bottom: 1px solid #000000;
    }
    .answer,
    .compare-entry {
      border-left: 2pt solid #000000;
    }
    .compare-wide {
      display: block;
    }
    .compare-stacked {
      display: none;
    }
    .question-body.with-answer {
      grid-template-columns: 1fr 1fr;
    }
  }
  @media (forced-colors: active) {
    .answer,
    .compare-entry,
    .note,
    .advice-note {
      border-left-color: CanvasText;
    }
    .badge {
      border-color: CanvasText;
      color: CanvasText;
    }
    .matters-row th {
      box-shadow: none;
      border-left: 4px solid CanvasText;
    }
    button.warning {
      border-color: ButtonText;
    }
  }
`;
