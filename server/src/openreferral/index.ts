/**
 * Open Referral (HSDS 3.0, UK profile): the feed, and the mapping between a
 * group and a service that the feed, the HSDS import and the HSDS export share.
 * @module
 */
export { feedRoutes, FEED_PREFIX, type FeedRoutesOptions } from './routes.js';
export { FeedTaxonomy, TAXONOMY_NAMES, TIME_ZONE_TERM, type TaxonomyField } from './taxonomy.js';
export { EVERYWHERE_AREA, toService, toServiceSummary } from './services.js';
export { fromHsdsSchedules, toHsdsSchedules } from './schedules.js';
export type * from './hsds.js';
