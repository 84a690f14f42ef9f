/**
 * How a search is answered, shared by the API server's index and the SDK's
 * static directory (`createStaticDirectory`), so both give the same groups
 * in the same order for the same query: nearest first with geokdbush,
 * filters, word prefixes, paging cursors and the name order of the groups
 * serving everywhere. Internal to peer-directory: not part of its public API.
 * @module
 * @internal
 */
export { decodeCursor, encodeCursor, InvalidCursorError, MAX_OFFSET } from './cursor.js';
export { bitsOf, filterFieldsOf, groupFilter, maskOf, passes, primaryLanguage, type FilterFields, type GroupFilter } from './filter.js';
export {
  buildGeoIndex,
  byDistanceThenId,
  distanceIn,
  KM_PER_MILE,
  nearest,
  type GeoIndex,
  type ItemTest,
  type Nearby,
  type PointTable,
} from './nearest.js';
export { byNameThenId, pointOf } from './order.js';
export { foldText, wordsOf } from './words.js';
