/**
 * Geocoding as the routes need it: a place or a problem that names the field
 * people typed it in, so a form can show the error beside that field.
 * @module
 */
import type { GeocodeResult } from 'peer-directory/schema';
import { HttpProblem, validationProblem } from '../errors.js';
import { InvalidPlaceError, UnknownPlaceError, type Geocoder } from '../geocode/geocoder.js';

/**
 * Finds a place or throws the problem to answer with.
 * @param pointer the JSON Pointer of the field the query came from, e.g. `#/near`
 * @throws HttpProblem 400 (not a postcode or place) or 422 (well formed, but unknown);
 *   GeocoderUnavailableError passes through (503)
 */
export async function findPlace(geocoder: Geocoder, query: string, pointer: string): Promise<GeocodeResult> {
  let place: GeocodeResult | undefined;
  try {
    place = await geocoder.geocode(query);
  } catch (error) {
    if (error instanceof InvalidPlaceError) {
      throw validationProblem([{ pointer, detail: error.message || 'Enter a UK postcode like SW1A 1AA or a US ZIP code like 10001' }]);
    }
    if (error instanceof UnknownPlaceError) throw unknownPlace(query, pointer, error.message);
    throw error;
  }
  if (!place) throw unknownPlace(query, pointer);
  return place;
}

function unknownPlace(query: string, pointer: string, message?: string): HttpProblem {
  const detail = message || `We could not find “${query}”. Check it, or try a nearby postcode or town.`;
  return new HttpProblem(422, 'unknownPlace', detail, [{ pointer, detail }]);
}
