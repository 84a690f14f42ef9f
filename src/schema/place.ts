import { fix, parse, validOutcode } from 'postcode';

/**
 * What a person typed into a place field, once recognised. `value` is how
 * people should see it and how the API accepts it.
 */
export type RecognisedPlace =
  /** A full UK postcode: `SW1A 1AA`. */
  | { kind: 'postcode'; value: string; outward: string; inward: string; area: string }
  /** A UK postcode district (outward code) alone: `SW1A`, `LS1`. */
  | { kind: 'district'; value: string; outward: string; area: string }
  /** A US ZIP code or ZIP+4 (`10001`, `10001-1234`); `zip` is its five digits. */
  | { kind: 'zip'; value: string; zip: string }
  /** A town, city or neighbourhood: `Leeds`, `Stoke-on-Trent`, `Newport, Wales`. */
  | { kind: 'place'; value: string };

/** The sentence for a query that is none of the kinds above. */
export const INVALID_PLACE_MESSAGE = 'Enter a UK postcode, like SW1A 1AA, or a US ZIP code, like 10001';

const ZIP = /^(\d{5})(?:[ -]?(\d{4}))?$/;
// Letters (any script), with the punctuation place names use: "St. Albans",
// "Stratford-upon-Avon", "Austin, TX", "Ynys Môn", "Coeur d’Alene",
// "Newport, England (PO30)".
const PLACE_NAME = /^\p{L}[\p{L}\p{M}\d .,'’&()/-]*$/u;

/**
 * Recognises a UK postcode (any case and spacing, `sw1a1aa` → `SW1A 1AA`,
 * with common slips such as `SWIA` for `SW1A` corrected by the `postcode`
 * library), a UK postcode district alone (`SW1A`, `M1`), a US ZIP or ZIP+4,
 * or a place name. The finder, the registration form and the server all
 * recognise places with this one function, so what one accepts the others
 * accept too.
 * @returns undefined for anything else (`12 Leeds Road`, `!!!`): show {@link INVALID_PLACE_MESSAGE} or similar
 */
export function recognisePlace(input: string): RecognisedPlace | undefined {
  const text = input.trim().replace(/\s+/g, ' ');

  const zip = ZIP.exec(text);
  if (zip) return { kind: 'zip', value: zip[2] ? `${zip[1]}-${zip[2]}` : zip[1]!, zip: zip[1]! };

  // Only a bracketed suffix may hold digits in a place name: the district
  // that tells two places of one name apart.
  const bare = text.replace(/\s*\([^)]*\)$/, '');
  if (/\d/.test(bare)) {
    const postcode = parse(fix(text));
    if (postcode.valid) {
      return { kind: 'postcode', value: postcode.postcode, outward: postcode.outcode, inward: postcode.incode, area: postcode.area };
    }
    const outward = text.replace(/ /g, '').toUpperCase();
    if (validOutcode(outward)) return { kind: 'district', value: outward, outward, area: /^[A-Z]+/.exec(outward)![0] };
    return undefined;
  }

  const letters = bare.replace(/[^\p{L}]/gu, '').length;
  if (letters >= 2 && text.length <= 60 && PLACE_NAME.test(text)) return { kind: 'place', value: text };
  return undefined;
}
