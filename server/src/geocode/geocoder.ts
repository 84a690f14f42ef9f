import type { GeocodeResult } from 'peer-directory/schema';

/** Thrown when a query is not a postcode, ZIP or known place: people mistyped it. */
export class InvalidPlaceError extends Error {
  override name = 'InvalidPlaceError';
}

/** Thrown when a query is well formed (e.g. a valid-looking postcode) but no source knows it. */
export class UnknownPlaceError extends Error {
  override name = 'UnknownPlaceError';
}

/** Thrown when an online provider is configured but cannot be reached: a 503, not the user's fault. */
export class GeocoderUnavailableError extends Error {
  override name = 'GeocoderUnavailableError';
}

/**
 * Turns what people type (UK postcode, US ZIP, place) into a point.
 * Returns undefined when this source does not know the query, so a chain can
 * ask the next one; throws InvalidPlaceError when no source ever could.
 */
export interface Geocoder {
  geocode(query: string, signal?: AbortSignal): Promise<GeocodeResult | undefined>;
}
