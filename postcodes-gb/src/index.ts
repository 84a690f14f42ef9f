/**
 * Every live postcode in Great Britain, placed offline from OS Code-Point
 * Open, with the centroids of postcode sectors, districts and areas for a
 * postcode the data does not hold (terminated, or newer than the release).
 *
 * ```ts
 * import { loadPostcodes } from 'peer-directory-postcodes-gb';
 * const postcodes = loadPostcodes();
 * postcodes.locate('LS1 4DY'); // { lat: 53.79692, lng: -1.54716, level: 'postcode', name: 'LS1 4DY' }
 * postcodes.locate('LS1 9ZZ'); // { ..., level: 'sector', name: 'LS1 9' } (or the district, or the area)
 * ```
 *
 * Northern Ireland (BT), the Channel Islands (GY, JE) and the Isle of Man
 * (IM) are not in Code-Point Open, so nothing here places them.
 * @module
 */
import { readFileSync } from 'node:fs';
import { decode, inwardNumber, SCALE, type Dataset } from './format.js';

export type { Dataset } from './format.js';

/** How exactly a point places what was asked for: the postcode itself, or the centroid of the smallest group holding it. */
export type Level = 'postcode' | 'sector' | 'district' | 'area';

/** A point, and what it is the position of. */
export interface Located {
  /** WGS84 latitude and longitude, to 5 decimal places (about 1 m). */
  lat: number;
  lng: number;
  level: Level;
  /** What the point is for, written the usual way: `LS1 4DY`, `LS1 4`, `LS1`, `LS`. */
  name: string;
}

/** The file this package ships. */
export const DATA_FILE = new URL('../data/postcodes-gb.gz', import.meta.url);

/** Mean position of a group of postcodes, kept as sums while loading. */
class Centroids {
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly count: Uint32Array;
  constructor(size: number) {
    this.lat = new Float64Array(size);
    this.lng = new Float64Array(size);
    this.count = new Uint32Array(size);
  }
  add(at: number, lat: number, lng: number): void {
    this.lat[at]! += lat;
    this.lng[at]! += lng;
    this.count[at]! += 1;
  }
  at(at: number): { lat: number; lng: number } | undefined {
    const n = this.count[at];
    if (!n) return undefined;
    return { lat: round(this.lat[at]! / n), lng: round(this.lng[at]! / n) };
  }
}

const round = (scaled: number) => Math.round(scaled) / SCALE;

/**
 * The postcodes of one data file, held in typed arrays (about 17 MB for the
 * 1.7 million postcodes of a release). Lookups are a map read and a binary
 * search: a few hundred nanoseconds.
 */
export class GbPostcodes {
  /** Which release this is, and the attribution its licence requires. */
  readonly dataset: Dataset;
  /** How many postcodes it places. */
  readonly size: number;
  readonly #lat: Int32Array;
  readonly #lng: Int32Array;
  readonly #inward: Uint16Array;
  /** District number by outward code. */
  readonly #districts = new Map<string, number>();
  /** Where each district's postcodes start; one more entry than districts. */
  readonly #starts: Uint32Array;
  /** Ten sectors per district (`LS1 0` ... `LS1 9`). */
  readonly #sectors: Centroids;
  readonly #districtCentroids: Centroids;
  readonly #areas = new Map<string, number>();
  readonly #areaCentroids: Centroids;

  constructor(file: Uint8Array) {
    const { header, lat, lng, inward } = decode(file);
    this.dataset = header.dataset;
    this.size = inward.length;
    this.#lat = lat;
    this.#lng = lng;
    this.#inward = inward;
    const d = header.districts.length;
    this.#starts = new Uint32Array(d + 1);
    this.#sectors = new Centroids(d * 10);
    this.#districtCentroids = new Centroids(d);
    const areaCodes = [...new Set(header.districts.map(areaOf))];
    areaCodes.forEach((code, i) => this.#areas.set(code, i));
    this.#areaCentroids = new Centroids(areaCodes.length);

    let at = 0;
    header.districts.forEach((district, i) => {
      this.#districts.set(district, i);
      this.#starts[i] = at;
      const area = this.#areas.get(areaOf(district))!;
      for (const end = at + header.counts[i]!; at < end; at += 1) {
        const y = lat[at]!;
        const x = lng[at]!;
        this.#sectors.add(i * 10 + Math.floor(inward[at]! / 676), y, x);
        this.#districtCentroids.add(i, y, x);
        this.#areaCentroids.add(area, y, x);
      }
    });
    this.#starts[d] = at;
  }

  /**
   * Where a postcode is, or the centroid of its sector, district or area
   * when the data does not hold it, whichever is the smallest it has.
   * Undefined when even the area is unknown (BT, GY, JE, IM, or not a
   * postcode area at all).
   * @param postcode normalised, with one space: `LS1 4DY` (as the `postcode` library writes it)
   */
  locate(postcode: string): Located | undefined {
    const space = postcode.indexOf(' ');
    const outward = postcode.slice(0, space);
    const inward = postcode.slice(space + 1);
    const district = this.#districts.get(outward);
    if (district !== undefined) {
      const code = inwardNumber(inward);
      const found = this.#find(district, code);
      if (found >= 0) return { lat: this.#lat[found]! / SCALE, lng: this.#lng[found]! / SCALE, level: 'postcode', name: postcode };
      const sector = code >= 0 ? this.#sectors.at(district * 10 + Math.floor(code / 676)) : undefined;
      if (sector) return { ...sector, level: 'sector', name: `${outward} ${inward[0]}` };
      return { ...this.#districtCentroids.at(district)!, level: 'district', name: outward };
    }
    return this.area(areaOf(outward));
  }

  /** The centroid of a postcode district (`LS1`), or of its area when no postcode of that district is held. */
  district(outward: string): Located | undefined {
    const district = this.#districts.get(outward);
    if (district === undefined) return this.area(areaOf(outward));
    return { ...this.#districtCentroids.at(district)!, level: 'district', name: outward };
  }

  /** The centroid of a postcode area (`LS`), or undefined when the data has none there. */
  area(area: string): Located | undefined {
    const i = this.#areas.get(area);
    return i === undefined ? undefined : { ...this.#areaCentroids.at(i)!, level: 'area', name: area };
  }

  /** Whether the data has postcodes in an area (`LS`: yes; `BT`: no). */
  hasArea(area: string): boolean {
    return this.#areas.has(area);
  }

  /** The postcode districts held, in order, e.g. to find the district nearest a point. */
  districts(): string[] {
    return [...this.#districts.keys()];
  }

  /** Index of the postcode in a district, or -1. */
  #find(district: number, code: number): number {
    let lo = this.#starts[district]!;
    let hi = this.#starts[district + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.#inward[mid]!;
      if (value === code) return mid;
      if (value < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

function areaOf(outward: string): string {
  return /^[A-Z]*/.exec(outward)![0];
}

let shipped: GbPostcodes | undefined;

/**
 * The postcodes this package ships, read once (about 0.1–0.2 s) and shared.
 * @param file another data file built by this package's script, e.g. a newer release
 */
export function loadPostcodes(file?: string | URL): GbPostcodes {
  if (file !== undefined) return new GbPostcodes(readFileSync(file));
  shipped ??= new GbPostcodes(readFileSync(DATA_FILE));
  return shipped;
}
