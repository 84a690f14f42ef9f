/**
 * The OS Code-Point Open release the postcode data was built from, read
 * again for checking it: the CSVs of chosen postcode areas, with each grid
 * reference converted to WGS84 here (independently of the build script).
 * @module
 */
import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse';
import proj4 from 'proj4';
import { Parser, type ReadEntry } from 'tar';

/** The release beside the repository (`../shared/data/codepoint-open`). */
export const RELEASE = resolve(import.meta.dirname, '../../../shared/data/codepoint-open/codepo_gb-2025.4.0.tar.gz');

/** Cities, towns, islands and countryside from Shetland to Cornwall: about 150,000 postcodes. */
export const SAMPLE_AREAS = ['ze', 'hs', 'iv', 'ab', 'eh', 'g', 'ls', 'm', 'll', 'cf', 'sw', 'ec', 'tr', 'ip'];

// EPSG:27700 (OSGB36 / British National Grid) as the EPSG registry defines
// it, with its seven-parameter shift to WGS84.
const osgb = proj4(
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
    '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  'WGS84',
);

/** One row of the release. */
export interface OsPostcode {
  /** `LS1 4DY` */
  postcode: string;
  /** OS positional quality: 10 best ... 90 no coordinates. */
  quality: number;
  lat: number;
  lng: number;
}

/** Every postcode of the areas named (lower case, as the files are: `ls`). */
export async function readRelease(areas = SAMPLE_AREAS): Promise<OsPostcode[]> {
  assert.ok(existsSync(RELEASE), `the OS release the data was built from is expected at ${RELEASE}`);
  const rows: OsPostcode[] = [];
  const reading: Promise<void>[] = [];
  const parser = new Parser({
    onReadEntry(entry: ReadEntry) {
      const area = /^(?:.*\/)?([a-z]{1,2})\.csv$/.exec(entry.path)?.[1];
      if (!area || !areas.includes(area)) return entry.resume();
      reading.push(
        (async () => {
          for await (const [pc, pq, ea, no] of entry.pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) {
            const [lng, lat] = osgb.forward([Number(ea), Number(no)]);
            const compact = pc!.replace(/\s+/g, '');
            rows.push({ postcode: `${compact.slice(0, -3)} ${compact.slice(-3)}`, quality: Number(pq), lat: lat!, lng: lng! });
          }
        })(),
      );
    },
  });
  await new Promise<void>((done, fail) => createReadStream(RELEASE).pipe(parser).on('finish', done).on('error', fail));
  await Promise.all(reading);
  return rows;
}
