// One recogniser for what people type as a place: the finder, the
// registration form and the server all call recognisePlace, so they agree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognisePlace } from 'peer-directory/schema';
import { parsePlaceQuery } from '../../server/src/geocode/index.js';

describe('recognising a place', () => {
  it('tidies UK postcodes however they are typed, correcting common slips', () => {
    assert.deepEqual(recognisePlace(' sw1a1aa '), { kind: 'postcode', value: 'SW1A 1AA', outward: 'SW1A', inward: '1AA', area: 'SW' });
    assert.equal(recognisePlace('SWIA 1AA')?.value, 'SW1A 1AA');
    assert.equal(recognisePlace('m1  1ae')?.value, 'M1 1AE');
  });

  it('knows a postcode district typed alone', () => {
    assert.deepEqual(recognisePlace('ls1'), { kind: 'district', value: 'LS1', outward: 'LS1', area: 'LS' });
  });

  it('reads a ZIP code or ZIP+4', () => {
    assert.deepEqual(recognisePlace('10001'), { kind: 'zip', value: '10001', zip: '10001' });
    assert.deepEqual(recognisePlace('10001 1234'), { kind: 'zip', value: '10001-1234', zip: '10001' });
  });

  it('takes town names with the punctuation they use, and the labels the directory gives', () => {
    for (const name of ['Leeds', 'Stoke-on-Trent', 'St. Albans', 'Ynys Môn', 'Austin, TX', 'Coeur d’Alene', 'Newport, England (TF10)']) {
      assert.deepEqual(recognisePlace(name), { kind: 'place', value: name });
    }
  });

  it('refuses what is none of these', () => {
    for (const text of ['', '!!!', '12', '1234567', 'SW1A 1A', '12 Leeds Road', 'x', 'Leeds 2']) {
      assert.equal(recognisePlace(text), undefined, text);
    }
  });

  it('is what the server reads too', () => {
    for (const text of ['sw1a1aa', 'ls1', '10001-1234', 'Leeds']) {
      assert.equal(parsePlaceQuery(text).label, text === '10001-1234' ? '10001' : recognisePlace(text)!.value);
    }
    assert.throws(() => parsePlaceQuery('12 Leeds Road'), /Enter a UK postcode/);
  });
});
