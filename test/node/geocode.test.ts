import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geocodeResultSchema } from 'peer-directory/schema';
import {
  createGeocoder,
  GeocoderUnavailableError,
  InvalidPlaceError,
  ukPostcodeAreas,
  UnknownPlaceError,
} from '../../server/src/geocode/index.js';
import { openStore, type Store } from '../../server/src/store/index.js';
import { milesBetween as miles } from '../support/distance.js';
import { startFakePostcodesIo, type FakePostcodesIo } from '../support/fake-postcodes-io.js';

// City centres to judge answers by (from a map, not from the data under test).
const LEEDS = { lat: 53.7997, lng: -1.5492 };
const MANCHESTER = { lat: 53.4808, lng: -2.2426 };
const CARDIFF = { lat: 51.4816, lng: -3.1791 };
const EDINBURGH = { lat: 55.9533, lng: -3.1883 };
const WESTMINSTER = { lat: 51.4994, lng: -0.1357 };
const BELFAST_CITY_HALL = { lat: 54.5964, lng: -5.9301 };

let provider: FakePostcodesIo;
before(async () => {
  provider = await startFakePostcodesIo();
});
after(() => provider.close());
beforeEach(() => provider.failWith(null));

describe('recognising what people type', () => {
  const geocoder = createGeocoder();

  it('normalises a lower-case postcode without a space', async () => {
    const place = await geocoder.geocode('sw1a1aa');
    assert.equal(place.label, 'SW1A 1AA');
    assert.equal(place.country, 'GB');
  });

  it('corrects a postcode typed with the letter I for the number 1', async () => {
    assert.equal((await geocoder.geocode('SWIA 1AA')).label, 'SW1A 1AA');
  });

  it('accepts a postcode district on its own, placed at its centroid', async () => {
    const place = await geocoder.geocode(' m1 ');
    assert.equal(place.label, 'M1');
    assert.equal(place.precision, 'district');
    assert.equal(place.centre, 'M1');
    assert.ok(miles(place, MANCHESTER) < 1);
  });

  it('a ZIP+4 becomes its ZIP', async () => {
    const place = await geocoder.geocode('10001-1234');
    assert.deepEqual(place, { label: '10001', lat: 40.7484, lng: -73.9967, country: 'US', precision: 'zip', centre: '10001' });
  });

  it('says an unknown ZIP code is unknown, naming it', async () => {
    await assert.rejects(geocoder.geocode('00000'), (error: Error) => {
      assert.ok(error instanceof UnknownPlaceError);
      assert.match(error.message, /We could not find ZIP code 00000/);
      return true;
    });
  });

  it('rejects gibberish with a message people understand', async () => {
    for (const gibberish of ['!!!', '12', '1234567', 'SW1A 1A', '12 Leeds Road', 'x']) {
      await assert.rejects(geocoder.geocode(gibberish), (error: Error) => {
        assert.ok(error instanceof InvalidPlaceError, `${gibberish} is not a place`);
        assert.equal(error.message, 'Enter a UK postcode, like SW1A 1AA, or a US ZIP code, like 10001');
        return true;
      });
    }
  });

  it('says a postcode with letters no UK postcode starts with is unknown, without asking anyone', async () => {
    const online = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    await assert.rejects(online.geocode('QQ1 1AA'), (error: Error) => {
      assert.ok(error instanceof UnknownPlaceError);
      assert.match(error.message, /no UK postcode starts with QQ/);
      return true;
    });
    assert.equal(provider.requests, before);
  });

  it('gives every answer in the shape the API serves', async () => {
    for (const q of ['LS1 4DY', 'LS1 3ZZ', 'LS1', 'BT1 1AA', '90012', 'Leeds', 'Newport', 'Austin, TX']) {
      assert.ok(geocodeResultSchema.safeParse(await geocoder.geocode(q)).success, q);
    }
  });
});

describe('offline: postcodes in Great Britain (OS Code-Point Open)', () => {
  const geocoder = createGeocoder();

  it('places a live postcode at its own point, with no word about approximation', async () => {
    const place = await geocoder.geocode('LS1 4DY');
    assert.equal(place.precision, 'postcode');
    assert.equal(place.label, 'LS1 4DY');
    assert.equal(place.centre, undefined);
    assert.ok(miles(place, LEEDS) < 1, 'LS1 is central Leeds');
  });

  it('places the postcodes the area centres put miles away where they are', async () => {
    for (const [postcode, centre] of [
      ['CF10 1EP', CARDIFF],
      ['EH1 1YZ', EDINBURGH],
      ['SW1A 1AA', WESTMINSTER],
    ] as const) {
      const place = await geocoder.geocode(postcode);
      assert.equal(place.precision, 'postcode', postcode);
      assert.ok(miles(place, centre) < 1, `${postcode} is ${miles(place, centre).toFixed(2)} miles from its city centre`);
    }
  });

  it('places a postcode the data does not hold at its sector, and says which', async () => {
    // LS1 3ZZ is well formed but not issued, as a brand-new postcode would be.
    const place = await geocoder.geocode('LS1 3ZZ');
    assert.equal(place.label, 'LS1 3ZZ');
    assert.equal(place.precision, 'sector');
    assert.equal(place.centre, 'LS1 3');
    assert.ok(miles(place, LEEDS) < 1);
  });

  it('falls back to the district when the sector has no postcodes, and to the area when the district has none', async () => {
    const district = await geocoder.geocode('LS99 9ZZ');
    assert.equal(district.precision, 'district');
    assert.equal(district.centre, 'LS99');
    const area = await geocoder.geocode('LS0 1AA');
    assert.equal(area.precision, 'area');
    assert.equal(area.centre, 'LS');
    assert.ok(miles(area, LEEDS) < 15, 'the centroid of the LS postcodes');
  });

  it('places a terminated postcode by what is left of it: AB1 0AA, from the districts Aberdeen renumbered', async () => {
    // postcodes.io's terminated-postcode example, last known at 57.101474, -2.242851.
    const place = await geocoder.geocode('AB1 0AA');
    assert.equal(place.precision, 'area');
    assert.equal(place.centre, 'AB');
    assert.ok(miles(place, { lat: 57.101474, lng: -2.242851 }) < 15);
  });
});

describe('offline: Northern Ireland, the Channel Islands and the Isle of Man', () => {
  const geocoder = createGeocoder();

  it('places BT1 1AA in the middle of Belfast, not 15 miles away at the BT area centre', async () => {
    const place = await geocoder.geocode('BT1 1AA');
    assert.equal(place.label, 'BT1 1AA');
    assert.equal(place.precision, 'place');
    assert.equal(place.centre, 'Belfast');
    const km = miles(place, BELFAST_CITY_HALL) * 1.609344;
    assert.ok(km < 3, `${km.toFixed(1)} km from Belfast City Hall`);
  });

  it('places other districts at the town at their heart', async () => {
    const cases = [
      ['BT48 6HQ', 'Derry', { lat: 54.9966, lng: -7.3086 }],
      ['BT34 1AA', 'Newry', { lat: 54.1751, lng: -6.3402 }],
      ['GY1 1AA', 'Saint Peter Port', { lat: 49.4555, lng: -2.5368 }],
      ['JE2 3NG', 'Saint Helier', { lat: 49.1868, lng: -2.1062 }],
      ['IM1 2LS', 'Douglas', { lat: 54.1509, lng: -4.4815 }],
      ['BT48', 'Derry', { lat: 54.9966, lng: -7.3086 }],
    ] as const;
    for (const [postcode, town, centre] of cases) {
      const place = await geocoder.geocode(postcode);
      assert.equal(place.precision, 'place', postcode);
      assert.equal(place.centre, town, postcode);
      assert.ok(miles(place, centre) < 2, `${postcode} is ${miles(place, centre).toFixed(1)} miles from ${town}`);
    }
  });
});

describe('towns and places people type (GeoNames gazetteer, offline)', () => {
  const geocoder = createGeocoder();

  it('finds towns, boroughs and neighbourhoods of the UK and the US, labelled with where they are', async () => {
    const cases = [
      ['London', 'London, England', { lat: 51.5074, lng: -0.1278 }],
      ['camden town', 'Camden Town, England', { lat: 51.539, lng: -0.1426 }],
      ['Brixton', 'Brixton, England', { lat: 51.4613, lng: -0.1156 }],
      ['Otley', 'Otley, England', { lat: 53.905, lng: -1.691 }],
      ['Stoke-on-Trent', 'Stoke-on-Trent, England', { lat: 53.0027, lng: -2.1794 }],
      ['stoke on trent', 'Stoke-on-Trent, England', { lat: 53.0027, lng: -2.1794 }],
      ['New York', 'New York City, NY', { lat: 40.7128, lng: -74.006 }],
      ['Brooklyn', 'Brooklyn, NY', { lat: 40.6782, lng: -73.9442 }],
      ['Cardiff', 'Cardiff, Wales', CARDIFF],
    ] as const;
    for (const [typed, label, centre] of cases) {
      const place = await geocoder.geocode(typed);
      assert.equal(place.label, label, typed);
      assert.equal(place.precision, 'place', typed);
      assert.equal(place.centre, label, typed);
      assert.ok(miles(place, centre) < 3, `${typed} is ${miles(place, centre).toFixed(1)} miles from its centre`);
    }
  });

  it('picks the most likely Newport, says which, and lists the others to choose from', async () => {
    const place = await geocoder.geocode('Newport');
    assert.equal(place.label, 'Newport, Wales');
    assert.ok(miles(place, { lat: 51.5842, lng: -2.9977 }) < 2);
    const others = place.alternatives?.map((a) => a.label) ?? [];
    assert.ok(others.length >= 3 && others.length <= 5, others.join('; '));
    assert.ok(others.includes('Newport, RI'), others.join('; '));
    assert.ok(others.includes('Newport, England'), 'the Isle of Wight’s Newport, the most populous English one');
    assert.equal(new Set(others).size, others.length, 'no two alternatives read the same');

    // Choosing an alternative searches from that place, which needs no alternatives of its own.
    for (const alternative of place.alternatives!) {
      const chosen = await geocoder.geocode(alternative.label);
      assert.equal(chosen.label, alternative.label);
      assert.deepEqual({ lat: chosen.lat, lng: chosen.lng }, { lat: alternative.lat, lng: alternative.lng });
      assert.equal(chosen.alternatives, undefined);
    }
  });

  it('offers both countries’ places of the name, and one whose name goes on from it: Camden Town for Camden', async () => {
    const place = await geocoder.geocode('Camden');
    assert.match(place.label, /^Camden, /);
    const others = place.alternatives?.map((a) => a.label) ?? [];
    assert.ok(others.includes('Camden Town, England'), others.join('; '));
    const richmond = await geocoder.geocode('Richmond');
    assert.ok(
      richmond.alternatives?.some((a) => a.country === 'GB'),
      'a UK Richmond is offered beside the more populous American ones',
    );
    const town = await geocoder.geocode('Camden Town, England');
    assert.ok(miles(town, { lat: 51.539, lng: -0.1426 }) < 1);
  });

  it('reads a state or nation after a comma, in full or as a code', async () => {
    for (const typed of ['Springfield, Illinois', 'Springfield, IL', 'springfield, il']) {
      const place = await geocoder.geocode(typed);
      assert.equal(place.label, 'Springfield, IL', typed);
      assert.ok(miles(place, { lat: 39.7817, lng: -89.6501 }) < 3, typed);
      assert.equal(place.alternatives, undefined);
    }
    const richmond = await geocoder.geocode('Richmond, England');
    assert.equal(richmond.country, 'GB');
    assert.match(richmond.label, /^Richmond, England/);
    const austin = await geocoder.geocode('Austin, TX');
    assert.equal(austin.label, 'Austin, TX');
    assert.ok(miles(austin, { lat: 30.2672, lng: -97.7431 }) < 15);
  });

  it('says a place no offline source knows is unknown', async () => {
    await assert.rejects(geocoder.geocode('Narnia'), (error: Error) => {
      assert.ok(error instanceof UnknownPlaceError);
      assert.match(error.message, /a place called “Narnia”/);
      return true;
    });
  });
});

describe('with the postcodes.io provider', () => {
  it('answers postcodes in Great Britain from the offline data, without asking it', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    for (const q of ['CF10 1EP', 'EH1', 'LS1 4DY']) await geocoder.geocode(q);
    assert.equal(provider.requests, before);
  });

  it('asks about a postcode the data does not hold, and falls back to the sector when it does not know either', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    const place = await geocoder.geocode('LS1 3ZZ');
    assert.equal(provider.requests, before + 1);
    assert.equal(place.precision, 'sector');
  });

  it('places Northern Ireland, Jersey and the Isle of Man exactly', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    assert.deepEqual(await geocoder.geocode('bt15gs'), {
      label: 'BT1 5GS',
      lat: 54.596492,
      lng: -5.930241,
      country: 'GB',
      precision: 'postcode',
    });
    assert.equal((await geocoder.geocode('JE2 3NG')).precision, 'postcode');
    assert.equal((await geocoder.geocode('IM1 2LS')).precision, 'postcode');
  });

  it('finds a Northern Ireland district with district precision', async () => {
    const place = await createGeocoder({ providerUrl: provider.url }).geocode('BT1');
    assert.equal(place.precision, 'district');
    assert.equal(place.centre, 'BT1');
  });

  it('places a postcode it does not know, or knows without coordinates, at the town at its heart', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const belfast = await geocoder.geocode('BT1 1AA');
    assert.equal(belfast.precision, 'place');
    assert.equal(belfast.centre, 'Belfast');
    const guernsey = await geocoder.geocode('GY1 1AA');
    assert.equal(guernsey.precision, 'place');
    assert.equal(guernsey.centre, 'Saint Peter Port');
  });

  it('finds a place too small for the gazetteer by name', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const place = await geocoder.geocode('Blackshaw Head');
    assert.equal(place.label, 'Blackshaw Head');
    assert.equal(place.precision, 'place');
    assert.equal(place.centre, 'Blackshaw Head');
    const before = provider.requests;
    await geocoder.geocode('Hebden Bridge');
    assert.equal(provider.requests, before, 'the gazetteer knows Hebden Bridge');
  });

  it('answers US ZIP codes from the offline table without asking the provider', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    assert.equal((await geocoder.geocode('60601')).precision, 'zip');
    assert.equal(provider.requests, before);
  });

  it('a repeated postcode is answered from memory without asking the provider again', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const first = await geocoder.geocode('BT1 5GS');
    const before = provider.requests;
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) assert.deepEqual(await geocoder.geocode('bt1 5gs'), first);
    const perLookup = (performance.now() - started) / 10_000;
    assert.equal(provider.requests, before);
    assert.ok(perLookup < 0.1, `a repeat took ${perLookup.toFixed(4)} ms`);
  });

  it('remembers that a place is unknown', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    await assert.rejects(geocoder.geocode('Narnia'), UnknownPlaceError);
    const before = provider.requests;
    await assert.rejects(geocoder.geocode('Narnia'), UnknownPlaceError);
    assert.equal(provider.requests, before);
  });

  it('forgets the least recently used place when the memory cache is full', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url, memoryEntries: 2 });
    await geocoder.geocode('BT1 5GS');
    await geocoder.geocode('JE2 3NG');
    await geocoder.geocode('BT1 5GS'); // now the most recent
    await geocoder.geocode('IM1 2LS'); // pushes out JE2 3NG
    const before = provider.requests;
    await geocoder.geocode('BT1 5GS');
    assert.equal(provider.requests, before, 'BT1 5GS was used recently, so kept');
    await geocoder.geocode('JE2 3NG');
    assert.equal(provider.requests, before + 1, 'JE2 3NG was forgotten, so asked again');
  });

  it('asks once when many searches want the same postcode at the same moment', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    const places = await Promise.all(Array.from({ length: 20 }, () => geocoder.geocode('IM1 2LS')));
    assert.equal(provider.requests, before + 1);
    assert.ok(places.every((p) => p.precision === 'postcode'));
  });

  it('survives the provider being down by placing Belfast offline', async () => {
    provider.failWith(503);
    const place = await createGeocoder({ providerUrl: provider.url }).geocode('BT1 5GS');
    assert.equal(place.precision, 'place');
    assert.equal(place.label, 'BT1 5GS');
    assert.ok(miles(place, BELFAST_CITY_HALL) < 2);
  });

  it('gives up on a provider that does not answer, within the timeout', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 200 });
    const started = performance.now();
    const place = await geocoder.geocode('JE2 3NG');
    assert.equal(place.precision, 'place');
    assert.ok(performance.now() - started < 2000);
  });

  it('after a failure, answers offline straight away for a while, then asks the provider again', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 100, providerRetryMs: 300 });
    await geocoder.geocode('BT1 5GS');
    const before = provider.requests;
    const started = performance.now();
    assert.equal((await geocoder.geocode('BT1 5GS')).precision, 'place');
    assert.ok(performance.now() - started < 50, 'no second wait for the timeout');
    assert.equal(provider.requests, before);

    provider.failWith(null);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await geocoder.geocode('BT1 5GS')).precision, 'postcode', 'the fallback was not remembered');
  });

  it('says finding places is unavailable when only the provider could know the place', async () => {
    provider.failWith(500);
    await assert.rejects(createGeocoder({ providerUrl: provider.url }).geocode('Blackshaw Head'), GeocoderUnavailableError);
  });

  it('stops when the search that asked is abandoned', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 5000 });
    const controller = new AbortController();
    const lookup = geocoder.geocode('IM1 2LS', controller.signal);
    setTimeout(() => controller.abort(new Error('the person left')), 50);
    await assert.rejects(lookup, /the person left/);
  });
});

describe('the persistent cache in the store', () => {
  let dataDir: string;
  let store: Store;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'peer-directory-geocode-'));
    store = await openStore({ dataDir });
  });
  after(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps what the provider said, so a restarted server does not ask again', async () => {
    const first = await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('JE2 3NG');
    assert.deepEqual(await store.getCachedPlace('GB:JE2 3NG'), first);

    const before = provider.requests;
    const restarted = createGeocoder({ cache: store, providerUrl: provider.url });
    assert.deepEqual(await restarted.geocode('je23ng'), first);
    assert.equal(provider.requests, before);
  });

  it('serves postcode precision from the cache even when the provider is down', async () => {
    await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('BT1 5GS');
    provider.failWith(503);
    const place = await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('BT1 5GS');
    assert.equal(place.precision, 'postcode');
  });

  it('does not keep the offline fallback as if the provider had said it', async () => {
    provider.failWith(503);
    await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('IM1 2LS');
    assert.equal(await store.getCachedPlace('GB:IM1 2LS'), undefined);
  });
});

describe('the offline table of UK postcode areas', () => {
  const areas = ukPostcodeAreas();

  it('lists every area once, Northern Ireland and the Crown dependencies included', () => {
    assert.equal(areas.length, 124);
    assert.equal(new Set(areas.map((a) => a.code)).size, areas.length);
    for (const code of ['AB', 'BT', 'SW', 'ZE', 'GY', 'JE', 'IM', 'E', 'W', 'HS']) {
      assert.ok(
        areas.some((a) => a.code === code),
        code,
      );
    }
    assert.equal(areas.find((a) => a.code === 'SW')?.name, 'London South West');
  });

  it('puts every area on the British Isles', () => {
    for (const a of areas) {
      assert.ok(a.lat > 49.1 && a.lat < 60.9 && a.lng > -8.2 && a.lng < 1.8, `${a.code} at ${a.lat}, ${a.lng}`);
    }
  });
});
