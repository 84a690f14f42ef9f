/**
 * The published directory written out: as an HSDS 3.0 JSON data package
 * (an array of full services, HSDS's `service_package`), as the import's
 * CSV spreadsheet, or as a static directory file a browser can search with
 * no server (`StaticDirectory` in `peer-directory/schema`).
 * @module
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod/mini';
import {
  STATIC_DIRECTORY_FORMAT,
  staticDirectorySchema,
  type GeocodeResult,
  type Group,
  type StaticDirectory,
} from 'peer-directory/schema';
import type { Principle } from '../config.js';
import type { Geocoder } from '../geocode/geocoder.js';
import { loadPostcodes } from 'peer-directory-postcodes-gb';
import { ukPostcodeAreas } from '../geocode/index.js';
import { COLUMNS } from '../import/columns.js';
import { FeedTaxonomy, toService } from '../openreferral/index.js';
import { buildTaxonomy } from '../routes/taxonomy.js';

export const EXPORT_FORMATS = ['hsds', 'csv', 'static'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An HSDS 3.0 JSON data package: every group as a full service. */
export function toHsdsPackage(groups: readonly Group[], principles: Principle[]): string {
  const taxonomy = new FeedTaxonomy(principles);
  return `${JSON.stringify(
    groups.map((g) => toService(g, taxonomy)),
    null,
    2,
  )}\n`;
}

/** The spreadsheet: one row per group, the import's columns, the group's id as the row's id. */
export function toCsv(groups: readonly Group[]): string {
  return stringify(
    groups.map((group) => COLUMNS.map((c) => (c.header === 'id' ? group.id : c.write(group)))),
    { header: true, columns: COLUMNS.map((c) => c.header), bom: true },
  );
}

/** A directory for a site with no server; places are geocoded offline through `geocoder`. */
export async function toStaticDirectory(groups: readonly Group[], principles: Principle[], geocoder: Geocoder): Promise<string> {
  const places = new Map<string, GeocodeResult>();
  const names: Record<string, string> = {};
  const add = (place: GeocodeResult | undefined) => {
    if (place && !places.has(place.label)) places.set(place.label, place);
  };
  for (const { code, lat, lng } of ukPostcodeAreas()) add({ label: code, lat, lng, country: 'GB', precision: 'area' });
  // Every GB postcode district, so a page can place any postcode at least at its district.
  const postcodes = loadPostcodes();
  for (const district of postcodes.districts()) {
    const found = postcodes.district(district);
    if (found) add({ label: found.name, lat: found.lat, lng: found.lng, country: 'GB', precision: found.level });
  }
  for (const group of groups) {
    const location = group.location;
    if (!location) continue;
    // The town as a search for it is answered (its centre, its label, the other places of its name), else the group's own point.
    const town = await geocoder.geocode(location.town).catch(() => undefined);
    add(town ?? { label: location.town, lat: location.lat, lng: location.lng, country: location.country, precision: 'place' });
    if (town && town.label !== location.town) names[location.town.toLowerCase()] = town.label;
    if (!location.postcode) continue;
    const postcode = location.postcode;
    add(await geocoder.geocode(postcode).catch(() => undefined));
  }
  const directory: StaticDirectory = {
    format: STATIC_DIRECTORY_FORMAT,
    version: 1,
    generatedAt: new Date().toISOString(),
    groups: [...groups],
    taxonomy: buildTaxonomy(principles),
    places: [...places.values()],
    names,
  };
  return `${JSON.stringify(z.parse(staticDirectorySchema, directory))}\n`;
}
