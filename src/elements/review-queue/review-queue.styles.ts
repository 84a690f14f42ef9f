import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

const layout = css`
  [part='base'] {
    max-width: var(--_max-width);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .toolbar p {
    margin: 0;
  }
  /* Headings take focus only to move the reader there (tabindex -1): no ring, as GOV.UK does. */
  h2[tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  select {
    width: auto;
    justify-self: start;
  }
  [part='detail'] {
    container-type: inline-size;
  }
  .only-changes {
    margin: 0 0 1rem;
  }
  .registrations {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .registrations li {
    /* A group's name is whatever its leader typed, unbroken words too: wrap rather than widen the page. */
    overflow-wrap: anywhere;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .meta {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .meta + * {
    margin-top: 0.75rem;
  }
  button.link {
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-size: 1.15rem;
    font-weight: 600;
    text-decoration: underline;
    text-align: start;
  }
  button.back {
    font-size: 1rem;
    margin-bottom: 0.5rem;
  }
  .side-by-side {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: var(--_space);
    align-items: start;
  }
  .panel-section {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .panel-section h3 {
    margin-top: 0;
  }
  .private {
    border-width: 3px;
    border-style: dashed;
  }
  .record {
    margin: 0;
  }
  .record .row {
    padding: 0.5rem 0;
    border-top: 1px solid var(--_surface-alt);
  }
  .record dt {
    font-weight: 600;
  }
  .record dd {
    margin: 0;
  }
  .value {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .none {
    color: var(--_muted);
    font-style: italic;
  }
  .table-scroll {
    overflow-x: auto;
    margin: 0 0 1.5rem;
  }
  .compare {
    border-collapse: collapse;
    width: 100%;
    min-width: 36rem;
  }
  .compare caption {
    text-align: start;
    font-weight: 600;
    font-size: 1.15rem;
    padding-bottom: 0.5rem;
  }
  .compare th,
  .compare td {
    padding: 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .compare thead th {
    border-bottom-width: 2px;
  }
  .compare tbody th {
    width: 28%;
  }
  .compare tr.changed {
    background: var(--_surface-alt);
  }
  .compare ins {
    text-decoration: none;
  }
  .cell-label {
    display: none;
  }
  /* Too narrow for three columns: each detail becomes a block, its two versions labelled. */
  @container (max-width: 40rem) {
    .table-scroll {
      overflow-x: visible;
    }
    .compare,
    .compare tbody,
    .compare tr,
    .compare th,
    .compare td {
      display: block;
      min-width: 0;
      width: auto;
    }
    .compare thead {
      display: none;
    }
    .compare caption {
      display: block;
    }
    .compare tr {
      padding: 0.5rem;
      border-bottom: 1px solid var(--_border);
    }
    .compare th,
    .compare td {
      padding: 0.25rem 0;
      border: 0;
    }
    .compare tbody th {
      width: auto;
    }
    .cell-label {
      display: block;
      color: var(--_muted);
      font-size: 0.9rem;
    }
  }
  .tag {
    display: inline-block;
    margin-top: 0.25rem;
    padding: 0 0.375rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    font-size: 0.85rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 1.5rem 0;
  }
  .actions.reject {
    display: block;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .loading {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .tag,
    .panel-section {
      border-color: CanvasText;
    }
    .compare tr.changed th {
      text-decoration: underline;
    }
  }
`;

export const reviewQueueStyles = [formStyles, layout];
