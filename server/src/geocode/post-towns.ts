import { readFileSync } from 'node:fs';
import { z } from 'zod/mini';
import type { GeocodeResult } from 'peer-directory/schema';
import { townIn } from './gazetteer.js';

const fileSchema = z.object({
  regions: z.record(z.string(), z.string()),
  towns: z.record(z.string(), z.string()),
});

// The same relative path works from src/geocode (tsx) and dist/geocode (built).
const TOWNS_FILE = new URL('../../data/post-towns.json', import.meta.url);
let table: z.infer<typeof fileSchema> | undefined;

/**
 * Where a postcode district that no open postcode data covers (Northern
 * Ireland, the Channel Islands, the Isle of Man) most likely is: the centre
 * of the town at its heart (`BT1` → Belfast), from the gazetteer.
 * @param label what people typed, as the answer's label (`BT1 1AA`)
 * @returns undefined for a district the table does not list
 */
export function postTownResult(outward: string, area: string, label: string): GeocodeResult | undefined {
  table ??= z.parse(fileSchema, JSON.parse(readFileSync(TOWNS_FILE, 'utf8')));
  const name = table.towns[outward];
  const region = table.regions[area];
  const town = name && region ? townIn(name, region) : undefined;
  if (!town) return undefined;
  return { label, lat: town.lat, lng: town.lng, country: 'GB', precision: 'place', centre: town.name };
}
