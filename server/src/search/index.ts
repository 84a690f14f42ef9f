/**
 * Search: the published directory held in memory as a kdbush index, fed by
 * the store's change feed. See {@link SearchService}.
 * @module
 */
export { DirectoryIndex } from './directory-index.js';
export { DEFAULT_REFRESH_MS, SearchService, type GroupFeed, type SearchPort, type SearchServiceOptions } from './search-service.js';
export { InvalidCursorError, MAX_OFFSET } from 'peer-directory/search';
