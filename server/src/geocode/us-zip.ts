import type { GeocodeResult } from 'peer-directory/schema';

type ZipTable = typeof import('zipcodes');

// The table is 4.6 MB of JavaScript (about 0.2 s to load): loaded on the
// first US query, so a UK-only directory never pays for it.
let table: Promise<ZipTable> | undefined;
function zipTable(): Promise<ZipTable> {
  table ??= import('zipcodes').then((m) => m.default);
  return table;
}

/** The centre of a 5-digit US ZIP code, or undefined when the table does not know it. */
export async function lookupZip(zip: string): Promise<GeocodeResult | undefined> {
  const row = (await zipTable()).lookup(zip);
  if (!row || row.country !== 'US') return undefined;
  return { label: zip, lat: row.latitude, lng: row.longitude, country: 'US', precision: 'zip', centre: zip };
}

const CITY_STATE = /^(.+?),\s*([A-Za-z]{2}|[A-Za-z][A-Za-z .]+)$/;

/**
 * A US city written with its state (`Austin, TX`, `Austin, Texas`): the
 * middle of its ZIP codes. Undefined for anything else, so a bare name
 * goes on to other sources.
 */
export async function lookupUsCity(name: string): Promise<GeocodeResult | undefined> {
  const match = CITY_STATE.exec(name.trim());
  if (!match) return undefined;
  const zips = await zipTable();
  const state = zips.states.normalize(match[2]!.trim().toUpperCase()) as string | undefined;
  // Not a state the table knows ("Leeds, West Yorkshire"): the table would throw on it.
  if (!state) return undefined;
  const rows = zips.lookupByName(match[1]!.trim(), state).filter((r) => r.country === 'US');
  if (rows.length === 0) return undefined;
  const lat = rows.reduce((sum, r) => sum + r.latitude, 0) / rows.length;
  const lng = rows.reduce((sum, r) => sum + r.longitude, 0) / rows.length;
  const city = rows[0]!.city.replace(/\w\S*/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  const label = `${city}, ${rows[0]!.state}`;
  return { label, lat: round(lat), lng: round(lng), country: 'US', precision: 'place', centre: label };
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

/** A US state's two-letter code from its name (`Texas` → `TX`), for place names written with one. */
export async function stateCode(name: string): Promise<string | undefined> {
  const code = (await zipTable()).states.normalize(name.trim().toUpperCase());
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}
