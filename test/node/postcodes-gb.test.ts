// The committed postcode file against the Ordnance Survey release it was
// built from: a committed sample of the OS rows (test/fixtures/codepoint-open)
// whose grid references are converted here, independently of the build script.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { DATA_FILE, loadPostcodes, type GbPostcodes } from 'peer-directory-postcodes-gb';
import { milesBetween } from '../support/distance.js';
import { readSample, type OsPostcode } from '../support/codepoint.js';

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => milesBetween(a, b) * 1609.344;

describe('the GB postcode data package, against the OS release', () => {
  let postcodes: GbPostcodes;
  let rows: OsPostcode[];
  let whole: OsPostcode[];
  before(() => {
    postcodes = loadPostcodes();
    const sample = readSample();
    whole = sample.whole;
    rows = [...sample.spread, ...whole];
  });

  it('holds every postcode OS places, in every postcode area', () => {
    const placed = rows.filter((r) => r.quality !== 90);
    const missing = placed.filter((r) => postcodes.locate(r.postcode)?.level !== 'postcode');
    assert.deepEqual(
      missing.slice(0, 5).map((r) => r.postcode),
      [],
    );
    const areas = (list: string[]) => [...new Set(list.map((code) => /^[A-Z]+/.exec(code)![0]))].sort();
    assert.deepEqual(areas(placed.map((r) => r.postcode)), areas(postcodes.districts()));
    assert.equal(areas(postcodes.districts()).length, 120);
  });

  it('places them where OS does: median within 25 m, 99th percentile within 150 m', () => {
    const errors = rows
      .filter((r) => r.quality !== 90)
      .map((r) => metres(postcodes.locate(r.postcode)!, r))
      .sort((a, b) => a - b);
    const at = (q: number) => errors[Math.floor(q * (errors.length - 1))]!;
    assert.ok(at(0.5) <= 25, `median ${at(0.5).toFixed(2)} m`);
    assert.ok(at(0.99) <= 150, `99th percentile ${at(0.99).toFixed(2)} m`);
    // Rounding to 1e-5 degree is all that should separate them.
    assert.ok(errors.at(-1)! < 2, `worst ${errors.at(-1)!.toFixed(2)} m`);
  });

  it('does not claim to place the postcodes OS gives no coordinates', () => {
    const unplaced = rows.filter((r) => r.quality === 90);
    assert.ok(unplaced.length > 0);
    for (const r of unplaced) assert.notEqual(postcodes.locate(r.postcode)?.level, 'postcode', r.postcode);
  });

  it('puts each sector, district and area at the middle of its postcodes', () => {
    // Only the areas the sample holds whole: each of their groups is complete.
    const groups = new Map<string, { lat: number; lng: number; n: number }>();
    for (const r of whole.filter((r) => r.quality !== 90)) {
      const outward = r.postcode.split(' ')[0]!;
      for (const key of [r.postcode.slice(0, -2), outward, /^[A-Z]+/.exec(outward)![0]]) {
        const g = groups.get(key) ?? { lat: 0, lng: 0, n: 0 };
        groups.set(key, { lat: g.lat + r.lat, lng: g.lng + r.lng, n: g.n + 1 });
      }
    }
    assert.deepEqual([...groups.keys()].filter((key) => !/\d/.test(key)).sort(), ['HS', 'WC', 'ZE']);
    for (const [key, g] of groups) {
      const middle = { lat: g.lat / g.n, lng: g.lng / g.n };
      const found = key.includes(' ') ? postcodes.locate(`${key}ZZ`) : /\d/.test(key) ? postcodes.district(key) : postcodes.area(key);
      assert.ok(found, key);
      // A ZZ postcode may exist; otherwise the sector's own centroid answers.
      if (found.level === 'postcode') continue;
      assert.equal(found.name, key);
      assert.ok(metres(found, middle) < 2, `${key} is ${metres(found, middle).toFixed(1)} m from the middle of its postcodes`);
    }
  });

  it('records the release and the attribution its licence asks for', () => {
    assert.equal(postcodes.dataset.version, '2025.4.0');
    assert.deepEqual(postcodes.dataset.attribution, [
      'Contains Ordnance Survey data © Crown copyright and database right 2025',
      'Contains Royal Mail data © Royal Mail copyright and database right 2025',
      'Contains National Statistics data © Crown copyright and database right 2025',
    ]);
  });

  it('fits the size budget of the published package', () => {
    const mb = statSync(DATA_FILE).size / 1e6;
    assert.ok(mb <= 15, `${mb.toFixed(2)} MB`);
  });

  it('knows no postcode where Code-Point Open has none', () => {
    for (const postcode of ['BT1 1AA', 'GY1 1AA', 'JE2 3NG', 'IM1 2LS']) assert.equal(postcodes.locate(postcode), undefined, postcode);
  });
});
