import { css } from 'lit';

export const groupDetailsStyles = css`
  [part='base'] {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3,
  h4,
  p,
  dl,
  ol {
    margin: 0;
  }
  /* Focus lands here when the view opens; the heading is not a control, so no ring. */
  h2:focus {
    outline: none;
    box-shadow: none;
  }
  h2 {
    font-size: 1.6rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.25rem;
    margin-bottom: 0.5rem;
  }
  h4 {
    font-size: 1rem;
  }
  section {
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  p,
  dd,
  li {
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.5rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  ol {
    display: grid;
    gap: 0.75rem;
    padding-left: 1.5rem;
  }
  li::marker {
    font-weight: 700;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-top: 0.75rem;
  }
  [part='note'] {
    padding: 0.75rem var(--_space);
    border-left: 6px solid var(--_primary);
    background: var(--_surface-alt);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd + dt {
      margin-top: 0.5rem;
    }
  }
  @media print {
    button,
    .new-tab {
      display: none;
    }
    section {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    [part='note'] {
      border: 2px solid CanvasText;
    }
  }
`;
