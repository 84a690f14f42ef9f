/**
 * Geocoding: what people type (a UK postcode, a US ZIP code, a place name)
 * turned into a point to search from. One module per source; the chain in
 * `chain.ts` puts them in order.
 * @module
 */
import { GeocoderChain, type PlaceCache } from './chain.js';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import { loadGazetteer } from './gazetteer.js';
import { PostcodesIoClient } from './postcodes-io.js';

export { GeocoderUnavailableError, InvalidPlaceError, UnknownPlaceError, type Geocoder } from './geocoder.js';
export { GeocoderChain, type PlaceCache } from './chain.js';
export { INVALID_PLACE_MESSAGE, parsePlaceQuery, type PlaceQuery, type PostcodeQuery } from './normalise.js';
export { locateOffline } from './gb-postcodes.js';
export { ukPostcodeArea, ukPostcodeAreas, type UkPostcodeArea } from './uk-areas.js';

/** Options of {@link createGeocoder}. */
export interface GeocoderOptions {
  /** Persistent cache (the store): read for every UK query, written with what the provider returns. */
  cache?: PlaceCache;
  /**
   * Base URL of a postcodes.io-compatible API. Unset: offline sources only
   * (exact for Great Britain; Northern Ireland, the Channel Islands and the
   * Isle of Man at the town at the heart of each postcode district).
   */
  providerUrl?: string;
  /** How long one provider request may take (default 3000 ms). */
  timeoutMs?: number;
  /** After the provider fails, how long to use the offline data without asking it (default 30000 ms). */
  providerRetryMs?: number;
  /** How many answers the in-memory cache keeps (default 10,000). */
  memoryEntries?: number;
}

/**
 * The server's geocoder: a memory cache before the offline sources (OS
 * Code-Point Open for Great Britain's postcodes, the US ZIP table, the
 * GeoNames gazetteer for place names) and, when configured, the online
 * provider for what they lack. It never resolves to undefined: unknown
 * places throw UnknownPlaceError.
 * @example
 * ```ts
 * const geocoder = createGeocoder({ cache: store, providerUrl: 'https://api.postcodes.io' });
 * await geocoder.geocode('sw1a1aa'); // { label: 'SW1A 1AA', lat: 51.501, lng: -0.1416, country: 'GB', precision: 'postcode' }
 * ```
 */
export function createGeocoder(options: GeocoderOptions = {}): GeocoderChain {
  const provider = options.providerUrl
    ? new PostcodesIoClient({
        url: options.providerUrl,
        timeoutMs: options.timeoutMs,
        retryAfterMs: options.providerRetryMs,
      })
    : undefined;
  // Read the postcode data (about 0.15 s) and the gazetteer now, not in the first search.
  loadPostcodes();
  loadGazetteer();
  return new GeocoderChain({ cache: options.cache, provider, memoryEntries: options.memoryEntries });
}
