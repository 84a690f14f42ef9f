/**
 * Rows of OS Code-Point Open, with each grid reference converted to WGS84
 * here (independently of the data package's build script), to check the
 * built postcode file against. Tests read the committed sample in
 * test/fixtures/codepoint-open; the bench may read the whole release.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';

// EPSG:27700 (OSGB36 / British National Grid) as the EPSG registry defines
// it, with its seven-parameter shift to WGS84.
const osgb = proj4(
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
    '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  'WGS84',
);

/** One postcode unit of the release. */
export interface OsPostcode {
  /** `LS1 4DY` */
  postcode: string;
  /** OS positional quality: 10 best ... 90 no coordinates. */
  quality: number;
  lat: number;
  lng: number;
}

/** A row as OS writes it (`"M1  1AE",10,384627,398065,...`), its grid reference converted. */
export function fromOsRow([pc, pq, ea, no]: string[]): OsPostcode {
  const [lng, lat] = osgb.forward([Number(ea), Number(no)]);
  const compact = pc!.replace(/\s+/g, '');
  return { postcode: `${compact.slice(0, -3)} ${compact.slice(-3)}`, quality: Number(pq), lat: lat!, lng: lng! };
}

const FIXTURE = new URL('../fixtures/codepoint-open/', import.meta.url);
const readFixture = (file: string) =>
  (parse(readFileSync(new URL(file, FIXTURE)), { relax_column_count: true }) as string[][]).map(fromOsRow);

/**
 * The committed sample (see test/fixtures/codepoint-open/README.md):
 * `spread` holds postcodes from every area, including some OS gives no
 * coordinates; `whole` every postcode of a few areas, so that their
 * sectors, districts and areas are complete.
 */
export function readSample(): { spread: OsPostcode[]; whole: OsPostcode[] } {
  return { spread: readFixture('spread.csv'), whole: readFixture('whole-areas.csv') };
}
