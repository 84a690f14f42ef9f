import type { GeocodeResult } from 'peer-directory/schema';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import type { PostcodeQuery } from './normalise.js';
import { postTownResult } from './post-towns.js';
import { ukPostcodeArea } from './uk-areas.js';

/**
 * Whether the offline postcode data covers the area, so that a postcode
 * there is placed at least at its sector, district or area without asking
 * anyone (`LS`: yes; `BT`, `GY`, `JE`, `IM`: no).
 */
export function coveredOffline(area: string): boolean {
  return loadPostcodes().hasArea(area);
}

/**
 * A UK postcode or district placed offline, as exactly as open data allows:
 * in Great Britain the postcode itself (OS Code-Point Open), else the centroid
 * of its sector, district or area; elsewhere in the UK's postcode system the
 * town at the heart of its district, else the area's centre.
 * @returns undefined only for letters that are no UK postcode area
 */
export function locateOffline(q: PostcodeQuery): GeocodeResult | undefined {
  const postcodes = loadPostcodes();
  const found = q.kind === 'postcode' ? postcodes.locate(q.label) : postcodes.district(q.outward);
  if (found) {
    const { lat, lng, level, name } = found;
    return { label: q.label, lat, lng, country: 'GB', precision: level, ...(level === 'postcode' ? {} : { centre: name }) };
  }
  const town = postTownResult(q.outward, q.area, q.label);
  if (town) return town;
  const area = ukPostcodeArea(q.area);
  return area && { label: q.label, lat: area.lat, lng: area.lng, country: 'GB', precision: 'area', centre: area.code };
}
