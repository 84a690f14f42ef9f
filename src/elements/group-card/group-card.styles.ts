import { css } from 'lit';

export const groupCardStyles = css`
  :host {
    height: 100%;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    height: 100%;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h3 {
    margin: 0;
    font-size: 1.2rem;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  p,
  dl {
    margin: 0;
  }
  [part='distance'] {
    font-weight: 700;
  }
  [part='summary'] {
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(5.5rem, max-content) 1fr;
    gap: 0.25rem 0.75rem;
  }
  dt {
    color: var(--_muted);
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='badge'] {
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 1rem;
    background: var(--_surface-alt);
    font-size: 0.9rem;
  }
  [part='details-button'] {
    align-self: flex-start;
    margin-top: auto;
  }
  @media (max-width: 22rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd + dt {
      margin-top: 0.375rem;
    }
  }
  @media print {
    :host {
      break-inside: avoid;
    }
    [part='details-button'] {
      display: none;
    }
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-left-color: CanvasText;
    }
  }
`;
