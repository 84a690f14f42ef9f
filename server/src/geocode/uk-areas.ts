import { readFileSync } from 'node:fs';
import { z } from 'zod/mini';
import type { GeocodeResult } from 'peer-directory/schema';
import { loadPostcodes } from 'peer-directory-postcodes-gb';

const areaSchema = z.object({
  code: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  name: z.string().check(z.minLength(1)),
  lat: z.number().check(z.gte(49), z.lte(61)),
  lng: z.number().check(z.gte(-9), z.lte(2)),
});
const fileSchema = z.object({ areas: z.array(areaSchema) });

/** A UK postcode area with an approximate centre (see server/data/README.md). */
export type UkPostcodeArea = z.infer<typeof areaSchema>;

// The same relative path works from src/geocode (tsx) and dist/geocode (built).
const AREAS_FILE = new URL('../../data/uk-postcode-areas.json', import.meta.url);

let byCode: Map<string, UkPostcodeArea> | undefined;
let byName: Map<string, UkPostcodeArea> | undefined;

function load(): Map<string, UkPostcodeArea> {
  if (!byCode) {
    const { areas } = z.parse(fileSchema, JSON.parse(readFileSync(AREAS_FILE, 'utf8')));
    byCode = new Map(areas.map((a) => [a.code, a]));
  }
  return byCode;
}

/** Every UK postcode area the offline table knows, in code order. */
export function ukPostcodeAreas(): UkPostcodeArea[] {
  return [...load().values()];
}

/** The area for its letters (`SW`), or undefined when no such area exists. */
export function ukPostcodeArea(code: string): UkPostcodeArea | undefined {
  return load().get(code.toUpperCase());
}

/**
 * The area whose name is a place people type (`Leeds`, `Cardiff`), matched
 * whole and ignoring case; the bracketed part of `Lerwick (Shetland)` counts
 * as a name too, and full stops are ignored (`St. Albans`).
 */
export function ukPostcodeAreaNamed(name: string): UkPostcodeArea | undefined {
  if (!byName) {
    byName = new Map();
    for (const area of load().values()) {
      for (const n of area.name.split(/\s*[()]\s*/).filter(Boolean)) byName.set(n.toLowerCase(), area);
      byName.set(area.name.toLowerCase(), area);
    }
  }
  return byName.get(name.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' '));
}

/**
 * A place name that names a postcode area (`London South West`): the
 * area's centroid from the postcode data where it has one, else the table's centre.
 */
export function areaResult(area: UkPostcodeArea): GeocodeResult {
  const centroid = loadPostcodes().area(area.code) ?? area;
  return { label: area.name, lat: centroid.lat, lng: centroid.lng, country: 'GB', precision: 'area', centre: area.code };
}
