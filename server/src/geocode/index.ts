/**
 * Geocoding: what people type (a UK postcode, a US ZIP code, a place name)
 * turned into a point to search from. One module per source; the chain in
 * `chain.ts` puts them in order.
 * @module
 */
import { GeocoderChain, type PlaceCache } from './chain.js';
import { PostcodesIoClient } from './postcodes-io.js';

export { GeocoderUnavailableError, InvalidPlaceError, UnknownPlaceError, type Geocoder } from './geocoder.js';
export { GeocoderChain, type PlaceCache } from './chain.js';
export { INVALID_PLACE_MESSAGE, parsePlaceQuery, type PlaceQuery } from './normalise.js';
export { ukPostcodeArea, ukPostcodeAreas, type UkPostcodeArea } from './uk-areas.js';

/** Options of {@link createGeocoder}. */
export interface GeocoderOptions {
  /** Persistent cache (the store): read for every UK query, written with what the provider returns. */
  cache?: PlaceCache;
  /** Base URL of a postcodes.io-compatible API. Unset: offline sources only (UK at area precision). */
  providerUrl?: string;
  /** How long one provider request may take (default 3000 ms). */
  timeoutMs?: number;
  /** After the provider fails, how long to use the offline areas without asking it (default 30000 ms). */
  providerRetryMs?: number;
  /** How many answers the in-memory cache keeps (default 10,000). */
  memoryEntries?: number;
}

/**
 * The server's geocoder: memory cache, then the store's cache, then the US
 * ZIP table, the online provider when configured, and the offline UK
 * postcode areas (also the fallback when the provider is down). It never
 * resolves to undefined: unknown places throw UnknownPlaceError.
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
  return new GeocoderChain({ cache: options.cache, provider, memoryEntries: options.memoryEntries });
}
