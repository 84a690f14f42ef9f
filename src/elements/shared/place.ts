import { fix, parse } from 'postcode';

/** What a person typed into a place field, once recognised. */
export interface Place {
  kind: 'postcode' | 'outcode' | 'zip' | 'place';
  /** As people should see it and the API accepts it: `SW1A 1AA`, `SW1A`, `10001`, `10001-1234`, `Leeds`. */
  value: string;
}

const OUTCODE = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const ZIP = /^\d{5}(-?\d{4})?$/;
// Town and city names as the directory's geocoder reads them: letters, with
// the punctuation place names use ("St. Albans", "Stratford-upon-Avon", "Ynys Môn").
const PLACE_NAME = /^\p{L}[\p{L}\p{M} .,'’&()-]{1,59}$/u;

/**
 * Recognises a full UK postcode (any spacing or case, normalised, with
 * common slips such as `SWIA` for `SW1A` corrected by the `postcode`
 * library), a UK outward code such as `LS1`, a US ZIP code (5 digits or
 * ZIP+4) or a town name. Anything else is undefined: the field shows an
 * error at once, before anything is sent.
 */
export function parsePlace(input: string): Place | undefined {
  const text = input.trim().replace(/\s+/g, ' ');
  const compact = text.replace(/ /g, '').toUpperCase();
  if (ZIP.test(compact)) {
    return { kind: 'zip', value: compact.length === 9 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact };
  }
  if (/\d/.test(text)) {
    const full = parse(fix(text));
    if (full.valid) return { kind: 'postcode', value: full.postcode };
    return OUTCODE.test(compact) ? { kind: 'outcode', value: compact } : undefined;
  }
  return PLACE_NAME.test(text) ? { kind: 'place', value: text } : undefined;
}
