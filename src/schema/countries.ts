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

/** The IANA time zones groups in each country meet in, the most likely first: the form offers them, imports guess from them. */
export const TIME_ZONES: Readonly<Record<Country, readonly string[]>> = {
  GB: ['Europe/London'],
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
};
