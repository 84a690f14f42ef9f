import { INVALID_PLACE_MESSAGE, recognisePlace } from 'peer-directory/schema';
import { InvalidPlaceError } from './geocoder.js';

/** A UK postcode (`SW1A 1AA`) or postcode district (`SW1A`), as the sources read it. */
export type PostcodeQuery =
  | { kind: 'postcode'; key: string; label: string; outward: string; area: string }
  | { kind: 'district'; key: string; label: string; outward: string; area: string };

/** What people typed, recognised, with the key every cache files it under. */
export type PlaceQuery =
  PostcodeQuery | { kind: 'zip'; key: string; label: string; zip: string } | { kind: 'place'; key: string; label: string; name: string };

export { INVALID_PLACE_MESSAGE };

/**
 * Recognises a query with the schema's {@link recognisePlace} (the finder
 * and the form use the same function) and gives it its cache key.
 * @throws InvalidPlaceError for anything that is not a postcode, ZIP or place name
 */
export function parsePlaceQuery(query: string): PlaceQuery {
  const place = recognisePlace(query);
  switch (place?.kind) {
    case 'postcode':
    case 'district':
      return { kind: place.kind, key: `GB:${place.value}`, label: place.value, outward: place.outward, area: place.area };
    case 'zip':
      return { kind: 'zip', key: `US:${place.zip}`, label: place.zip, zip: place.zip };
    case 'place':
      return { kind: 'place', key: `place:${place.value.toLowerCase()}`, label: place.value, name: place.value };
    case undefined:
      throw new InvalidPlaceError(INVALID_PLACE_MESSAGE);
  }
}
