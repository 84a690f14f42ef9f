/**
 * Builds `data/postcodes-gb.gz` from OS Code-Point Open.
 *
 * ```sh
 * npm run build:data -w peer-directory-postcodes-gb               # ../shared/data/codepoint-open (next to the repository)
 * npm run build:data -w peer-directory-postcodes-gb -- ~/codepo_gb # a newer OS download, unzipped
 * ```
 *
 * The argument is a `.tar.gz` of the OS files, a folder holding one, or a
 * folder of the CSVs themselves (the OS Data Hub's zip, unzipped: `Data/CSV/*.csv`
 * and `Doc/`). Grid references are converted to WGS84 latitude/longitude with
 * proj4 (EPSG:27700, whose towgs84 parameters shift OSGB36 to WGS84 to within
 * a few metres).
 * @module
 */
import { createReadStream, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import proj4 from 'proj4';
import { Parser } from 'tar';
import { encode, FORMAT, inwardNumber, SCALE, type Dataset } from '../src/format.js';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const DEFAULT_SOURCE = resolve(PACKAGE_DIR, '../../shared/data/codepoint-open');
const OUTPUT = join(PACKAGE_DIR, 'data/postcodes-gb.gz');

// EPSG:27700 as epsg.io gives it for proj4.
proj4.defs(
  'EPSG:27700',
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
    '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs +type=crs',
);
const toWgs84 = proj4('EPSG:27700', 'WGS84');

/** The columns the build reads, as `DOC_Code-Point_Open_Column_Headers.csv` names them. */
const WANTED = ['PC', 'PQ', 'EA', 'NO'] as const;
/** Their positions in the 2025 release, used until the headers file is read (it comes first in OS's archives). */
let columns: Record<(typeof WANTED)[number], number> = { PC: 0, PQ: 1, EA: 2, NO: 3 };
let rowsRead = 0;

interface Unit {
  outward: string;
  inward: number;
  lat: number;
  lng: number;
}
const units: Unit[] = [];
let unplaced = 0;
let metadata = '';
let licence = '';

/** One file from the release: a postcode area's CSV, the column headers, the metadata or the licence. */
async function readFile(name: string, stream: Readable): Promise<void> {
  const file = basename(name).toLowerCase();
  if (file === 'doc_metadata.txt') metadata = await text(stream, 'utf8');
  else if (file === 'doc_licence.txt') licence = await text(stream, 'latin1');
  else if (/column_headers\.csv$/.test(file)) readHeaders(await text(stream, 'utf8'));
  else if (/^[a-z]{1,2}\.csv$/.test(file)) await readArea(stream);
  else stream.resume();
}

async function text(stream: Readable, encoding: BufferEncoding): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString(encoding);
}

function readHeaders(csv: string): void {
  const names = csv
    .split(/\r?\n/)[0]!
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, ''));
  const found = Object.fromEntries(WANTED.map((w) => [w, names.indexOf(w)])) as typeof columns;
  if (WANTED.some((w) => found[w] < 0)) throw new Error(`The column headers lack one of ${WANTED.join(', ')}: ${names.join(',')}`);
  if (rowsRead > 0 && WANTED.some((w) => found[w] !== columns[w])) {
    throw new Error(
      'The column headers came after postcode files that were read with other columns: unpack the archive and pass the folder',
    );
  }
  columns = found;
}

async function readArea(stream: Readable): Promise<void> {
  const rows = stream.pipe(parse({ relax_column_count: true, trim: true }));
  for await (const row of rows as AsyncIterable<string[]>) {
    rowsRead += 1;
    const postcode = row[columns.PC]!.replace(/\s+/g, '');
    const quality = Number(row[columns.PQ]);
    const easting = Number(row[columns.EA]);
    const northing = Number(row[columns.NO]);
    const outward = postcode.slice(0, -3);
    const inward = inwardNumber(postcode.slice(-3));
    if (inward < 0 || !/^[A-Z]{1,2}\d[A-Z\d]?$/.test(outward)) throw new Error(`Not a postcode: ${row[columns.PC]}`);
    // Quality 90 means OS has no coordinates for it; such rows hold 0, 0.
    if (quality === 90 || (easting === 0 && northing === 0)) {
      unplaced += 1;
      continue;
    }
    const [lng, lat] = toWgs84.forward([easting, northing]) as [number, number];
    units.push({ outward, inward, lat: Math.round(lat * SCALE), lng: Math.round(lng * SCALE) });
  }
}

async function readArchive(file: string): Promise<void> {
  const pending: Promise<void>[] = [];
  const parser = new Parser({
    onReadEntry: (entry) => {
      if (entry.type === 'File') pending.push(readFile(entry.path, entry));
      else entry.resume();
    },
  });
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).pipe(parser).on('error', fail).on('finish', done);
  });
  await Promise.all(pending);
}

async function readFolder(folder: string): Promise<void> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(folder);
  // Headers first, so every area is read with the right columns.
  files.sort((a, b) => Number(/column_headers/i.test(b)) - Number(/column_headers/i.test(a)));
  for (const path of files) await readFile(path, createReadStream(path));
}

function dataset(): Dataset {
  const field = (label: string) => new RegExp(`${label}:\\s*(\\S+)`).exec(metadata)?.[1];
  const version = field('DATASET VERSION NUMBER');
  const date = field('COPYRIGHT DATE');
  if (!version || !date) throw new Error('DOC_metadata.txt is missing or lacks the dataset version and copyright date');
  const attribution = licence
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/\uFFFD|\u00A9/g, '©')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\.$/, ''),
    )
    .filter((line) => line.startsWith('Contains '));
  if (attribution.length === 0) throw new Error('DOC_licence.txt is missing or lacks the attribution lines');
  return {
    product: 'OS Code-Point Open',
    version,
    copyrightDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    attribution,
  };
}

const source = process.argv[2] ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]) : DEFAULT_SOURCE;
if (!existsSync(source)) throw new Error(`No Code-Point Open release at ${source}`);
const started = performance.now();
if (statSync(source).isDirectory()) {
  const archive = readdirSync(source)
    .filter((f) => /\.tar\.gz$|\.tgz$/.test(f))
    .sort()
    .at(-1);
  await (archive ? readArchive(join(source, archive)) : readFolder(source));
} else {
  await readArchive(source);
}
if (units.length === 0) throw new Error(`No postcode CSVs found in ${source}`);

units.sort((a, b) => (a.outward < b.outward ? -1 : a.outward > b.outward ? 1 : a.inward - b.inward));
const districts: string[] = [];
const counts: number[] = [];
for (const unit of units) {
  if (districts.at(-1) !== unit.outward) {
    districts.push(unit.outward);
    counts.push(0);
  }
  counts[counts.length - 1]! += 1;
}
const file = encode({
  header: { format: FORMAT, dataset: dataset(), districts, counts },
  lat: Int32Array.from(units, (u) => u.lat),
  lng: Int32Array.from(units, (u) => u.lng),
  inward: Uint16Array.from(units, (u) => u.inward),
});
writeFileSync(OUTPUT, file);
const sectors = new Set(units.map((u) => `${u.outward} ${Math.floor(u.inward / 676)}`)).size;
const areas = new Set(districts.map((d) => /^[A-Z]+/.exec(d)![0])).size;
console.log(
  `${basename(dirname(OUTPUT))}/${basename(OUTPUT)}: ${units.length} postcodes placed (${unplaced} without coordinates left out), ` +
    `${sectors} sectors, ${districts.length} districts, ${areas} areas; ${(file.length / 1e6).toFixed(2)} MB; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
