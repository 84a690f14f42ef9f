import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

const layout = css`
  [part='base'] {
    max-width: var(--_max-width);
  }
  .section {
    margin: 0 0 2rem;
    padding: 0 0 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  .section > legend {
    margin-bottom: 0.75rem;
  }
  .section > legend h2 {
    margin: 0;
  }
  .intro {
    max-width: 40rem;
  }
  .question {
    font-size: 1.15rem;
  }
  .choices > .field {
    margin: 1rem 0 0;
  }
  .group {
    margin-bottom: 1.5rem;
  }
  .group > legend {
    font-size: 1.15rem;
    margin-bottom: 0.75rem;
  }
  .meeting {
    margin: 0 0 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .meeting > legend {
    padding: 0 0.25rem;
  }
  .date-time {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .date-time .field {
    margin-bottom: 0.75rem;
  }
  .date-time input,
  .date-time select {
    width: auto;
  }
  /* A date fits its date: a full-width one reads as a text box. */
  .meeting input[type='date'] {
    width: auto;
  }
  .preview .dates {
    margin: 0;
  }
  .actions {
    margin: 1rem 0;
  }
  .loading {
    font-weight: 600;
  }
`;

export const groupFormStyles = [formStyles, layout];
