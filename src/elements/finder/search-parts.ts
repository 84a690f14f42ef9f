/**
 * What the finder needs to search and to show results, as one file it
 * fetches right after it first renders: the SDK (ky), the filters and the
 * page's address kept and read with the schema (zod), place recognition (postcode),
 * the results and `<peer-group-card>`. The form people type into is in the
 * first load and works at once; by the time someone has typed a postcode
 * this has arrived, and a search sent sooner waits for it ("Searching…").
 * @module
 */
import '../group-card.js';

export { directoryReader } from '../shared/directory.js';
export { recognisePlace } from '../../schema/index.js';
export { filtersFromForm, readFilters, withoutVisibleFilters } from './filter-reading.js';
export { addressParams, readAddress } from './address.js';
export { PageAddress } from './page-address.js';
export { rejectsPlace, resultsArea, statusText } from './results.js';
export { UnknownPlaceError } from '../../sdk/errors.js';
