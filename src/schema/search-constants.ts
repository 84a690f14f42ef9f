/**
 * The search's numbers and filter names, apart from its schemas: code in a
 * page's first load (the finder's form) reads them from here, and so
 * downloads no zod (a bundler places a module, with everything it keeps
 * of it, in the first chunk that imports it).
 * @module
 */

/** Largest radius a search may ask for, in miles or kilometres. */
export const MAX_RADIUS = 200;
/** Radius used when a search names none, in its units. */
export const DEFAULT_RADIUS = 25;
/** Page size used when a search names none. */
export const DEFAULT_LIMIT = 10;
/** Largest page a search may ask for. */
export const MAX_LIMIT = 50;

/** The parts of a search that narrow what it finds, as opposed to where, how far and which page. */
export const FILTER_KEYS = ['condition', 'audience', 'format', 'model', 'free', 'family', 'language'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The parameters of `GET /v1/everywhere`: what the SDK keeps of a search to ask for it. */
export const EVERYWHERE_QUERY_KEYS = [...FILTER_KEYS, 'q', 'cursor', 'limit'] as const;
