import { fix, parse, validOutcode } from 'postcode';
import { InvalidPlaceError } from './geocoder.js';

/** What people typed, recognised and written the one way every source and cache expects. */
export type PlaceQuery =
  | { kind: 'postcode'; key: string; label: string; postcode: string; outcode: string; area: string }
  | { kind: 'outcode'; key: string; label: string; outcode: string; area: string }
  | { kind: 'zip'; key: string; label: string; zip: string }
  | { kind: 'place'; key: string; label: string; name: string };

/** The sentence shown when a query is neither a postcode, a ZIP code nor a place name. */
export const INVALID_PLACE_MESSAGE = 'Enter a UK postcode, like SW1A 1AA, or a US ZIP code, like 10001';

const ZIP = /^(\d{5})(?:[\s-]?\d{4})?$/;
// Letters (any script), with the punctuation place names use: "St. Albans",
// "Stratford-upon-Avon", "Austin, TX", "Ynys Môn", "Coeur d’Alene".
const PLACE_NAME = /^\p{L}[\p{L}\p{M} .,'’&()-]*$/u;

/**
 * Recognises a UK postcode (any case and spacing, `sw1a1aa` → `SW1A 1AA`;
 * common slips such as `SWIA` for `SW1A` are corrected), a UK outcode alone
 * (`SW1A`, `M1`), a US ZIP or ZIP+4 (→ its 5-digit ZIP) or a place name.
 * @throws InvalidPlaceError for anything else, with a message people can act on
 */
export function parsePlaceQuery(query: string): PlaceQuery {
  const text = query.trim().replace(/\s+/g, ' ');

  const zip = ZIP.exec(text)?.[1];
  if (zip) return { kind: 'zip', key: `US:${zip}`, label: zip, zip };

  if (/\d/.test(text)) {
    const postcode = parse(fix(text));
    if (postcode.valid) {
      return {
        kind: 'postcode',
        key: `GB:${postcode.postcode}`,
        label: postcode.postcode,
        postcode: postcode.postcode,
        outcode: postcode.outcode,
        area: postcode.area,
      };
    }
    const compact = text.replace(/ /g, '').toUpperCase();
    if (validOutcode(compact)) {
      const area = /^[A-Z]+/.exec(compact)![0];
      return { kind: 'outcode', key: `GB:${compact}`, label: compact, outcode: compact, area };
    }
    throw new InvalidPlaceError(INVALID_PLACE_MESSAGE);
  }

  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters >= 2 && text.length <= 60 && PLACE_NAME.test(text)) {
    return { kind: 'place', key: `place:${text.toLowerCase()}`, label: text, name: text };
  }
  throw new InvalidPlaceError(INVALID_PLACE_MESSAGE);
}
