import type { Term } from './taxonomy.js';

// Apart from the other vocabularies (taxonomy.ts) because the finder's first
// load needs these and nothing else of them: a bundler places a whole module
// in the first chunk that uses any of it.

/** Distance units; the UK and US both use miles. */
export const UNITS = ['mi', 'km'] as const;
export type Units = (typeof UNITS)[number];

/** Countries the directory geocodes for, with the units their road signs measure in. */
export const COUNTRIES = [
  { code: 'GB', label: 'United Kingdom', units: 'mi' },
  { code: 'US', label: 'United States', units: 'mi' },
] as const satisfies readonly (Term & { units: Units })[];
export type Country = (typeof COUNTRIES)[number]['code'];
