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


const LEEDS = { lat: 53.7997, lng: -1.5492 };

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

  it('accepts an outcode on its own', async () => {
    assert.equal((await geocoder.geocode(' m1 ')).label, 'M1');
  });

  it('a ZIP+4 becomes its ZIP', async () => {
    const place = await geocoder.geocode('10001-1234');
    assert.deepEqual(place, { label: '10001', lat: 40.7484, lng: -73.9967, country: 'US', precision: 'zip' });
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
    for (const q of ['LS1 4DY', 'LS1', '90012', 'Leeds', 'Austin, TX']) {
      assert.ok(geocodeResultSchema.safeParse(await geocoder.geocode(q)).success, q);
    }
  });
});

describe('offline, with no provider configured', () => {
  const geocoder = createGeocoder();

  it('places a UK postcode at the centre of its postcode area', async () => {
    const place = await geocoder.geocode('LS1 4DY');
    assert.equal(place.precision, 'area');
    assert.equal(place.label, 'LS1 4DY');
    assert.ok(miles(place, LEEDS) < 10, 'LS is the Leeds area');
  });

  it('finds a UK town that names a postcode area, and a US city with its state', async () => {
    const leeds = await geocoder.geocode('leeds');
    assert.equal(leeds.label, 'Leeds');
    assert.ok(miles(leeds, LEEDS) < 10);
    const austin = await geocoder.geocode('Austin, TX');
    assert.equal(austin.label, 'Austin, TX');
    assert.equal(austin.precision, 'place');
    assert.ok(miles(austin, { lat: 30.2672, lng: -97.7431 }) < 15);
  });

  it('says a place no offline table knows is unknown', async () => {
    await assert.rejects(geocoder.geocode('Narnia'), (error: Error) => {
      assert.ok(error instanceof UnknownPlaceError);
      assert.match(error.message, /a place called “Narnia”/);
      return true;
    });
  });
});

describe('with the postcodes.io provider', () => {
  it('finds a postcode exactly', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const place = await geocoder.geocode('cf101ep');
    assert.deepEqual(place, { label: 'CF10 1EP', lat: 51.48173, lng: -3.17919, country: 'GB', precision: 'postcode' });
  });

  it('finds an outcode with outcode precision', async () => {
    const place = await createGeocoder({ providerUrl: provider.url }).geocode('EH1');
    assert.equal(place.precision, 'outcode');
    assert.equal(place.label, 'EH1');
  });

  it('finds a place by name', async () => {
    const place = await createGeocoder({ providerUrl: provider.url }).geocode('Hebden Bridge');
    assert.equal(place.label, 'Hebden Bridge');
    assert.equal(place.precision, 'place');
  });

  it('says a well-formed but unknown postcode is unknown', async () => {
    await assert.rejects(createGeocoder({ providerUrl: provider.url }).geocode('LS1 9ZZ'), (error: Error) => {
      assert.ok(error instanceof UnknownPlaceError);
      assert.equal(error.message, 'We could not find the postcode LS1 9ZZ. Check it and try again.');
      return true;
    });
  });

  it('places a postcode the provider knows without coordinates at its area', async () => {
    const place = await createGeocoder({ providerUrl: provider.url }).geocode('GY1 1AA');
    assert.equal(place.precision, 'area');
  });

  it('answers US ZIP codes from the offline table without asking the provider', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    assert.equal((await geocoder.geocode('60601')).precision, 'zip');
    assert.equal(provider.requests, before);
  });

  it('a repeated postcode is answered from memory without asking the provider again', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const first = await geocoder.geocode('B1 1BB');
    const before = provider.requests;
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) assert.deepEqual(await geocoder.geocode('b1 1bb'), first);
    const perLookup = (performance.now() - started) / 10_000;
    assert.equal(provider.requests, before);
    assert.ok(perLookup < 0.1, `a repeat took ${perLookup.toFixed(4)} ms`);
  });

  it('remembers that a postcode is unknown', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    await assert.rejects(geocoder.geocode('M1 9ZZ'), UnknownPlaceError);
    const before = provider.requests;
    await assert.rejects(geocoder.geocode('M1 9ZZ'), UnknownPlaceError);
    assert.equal(provider.requests, before);
  });

  it('forgets the least recently used place when the memory cache is full', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url, memoryEntries: 2 });
    await geocoder.geocode('SW1A 1AA');
    await geocoder.geocode('M1 1AE');
    await geocoder.geocode('SW1A 1AA'); // now the most recent
    await geocoder.geocode('BT1 5GS'); // pushes out M1 1AE
    const before = provider.requests;
    await geocoder.geocode('SW1A 1AA');
    assert.equal(provider.requests, before, 'SW1A 1AA was used recently, so kept');
    await geocoder.geocode('M1 1AE');
    assert.equal(provider.requests, before + 1, 'M1 1AE was forgotten, so asked again');
  });

  it('asks once when many searches want the same postcode at the same moment', async () => {
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const before = provider.requests;
    const places = await Promise.all(Array.from({ length: 20 }, () => geocoder.geocode('NE1 7RU')));
    assert.equal(provider.requests, before + 1);
    assert.ok(places.every((p) => p.precision === 'postcode'));
  });

  it('survives the provider being down by falling back to the area', async () => {
    provider.failWith(503);
    const geocoder = createGeocoder({ providerUrl: provider.url });
    const place = await geocoder.geocode('LS1 4DY');
    assert.equal(place.precision, 'area');
    assert.equal(place.label, 'LS1 4DY');
    assert.ok(miles(place, LEEDS) < 10);
  });

  it('gives up on a provider that does not answer, within the timeout', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 200 });
    const started = performance.now();
    const place = await geocoder.geocode('BS1 5TR');
    assert.equal(place.precision, 'area');
    assert.ok(performance.now() - started < 2000);
  });

  it('after a failure, uses the areas straight away for a while, then asks the provider again', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 100, providerRetryMs: 300 });
    await geocoder.geocode('G1 1XQ');
    const before = provider.requests;
    const started = performance.now();
    assert.equal((await geocoder.geocode('G1 1XQ')).precision, 'area');
    assert.ok(performance.now() - started < 50, 'no second wait for the timeout');
    assert.equal(provider.requests, before);

    provider.failWith(null);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await geocoder.geocode('G1 1XQ')).precision, 'postcode', 'the fallback was not remembered');
  });

  it('says finding places is unavailable when only the provider could know the place', async () => {
    provider.failWith(500);
    await assert.rejects(createGeocoder({ providerUrl: provider.url }).geocode('Hebden Bridge'), GeocoderUnavailableError);
  });

  it('stops when the search that asked is abandoned', async () => {
    provider.failWith('hang');
    const geocoder = createGeocoder({ providerUrl: provider.url, timeoutMs: 5000 });
    const controller = new AbortController();
    const lookup = geocoder.geocode('EH1 1YZ', controller.signal);
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
    const first = await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('M1 1AE');
    assert.deepEqual(await store.getCachedPlace('GB:M1 1AE'), first);

    const before = provider.requests;
    const restarted = createGeocoder({ cache: store, providerUrl: provider.url });
    assert.deepEqual(await restarted.geocode('m11ae'), first);
    assert.equal(provider.requests, before);
  });

  it('serves postcode precision from the cache even when the provider is down', async () => {
    await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('BT1 5GS');
    provider.failWith(503);
    const place = await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('BT1 5GS');
    assert.equal(place.precision, 'postcode');
  });

  it('does not keep the area fallback as if the provider had said it', async () => {
    provider.failWith(503);
    await createGeocoder({ cache: store, providerUrl: provider.url }).geocode('B1 1BB');
    assert.equal(await store.getCachedPlace('GB:B1 1BB'), undefined);
  });
});

describe('the offline table of UK postcode areas', () => {
  const areas = ukPostcodeAreas();

  it('lists every area once, Northern Ireland and the Crown dependencies included', () => {
    assert.equal(areas.length, 124);
    assert.equal(new Set(areas.map((a) => a.code)).size, areas.length);
    for (const code of ['AB', 'BT', 'SW', 'ZE', 'GY', 'JE', 'IM', 'E', 'W', 'HS']) {
      assert.ok(areas.some((a) => a.code === code), code);
    }
    assert.equal(areas.find((a) => a.code === 'SW')?.name, 'London South West');
  });

  it('puts every area on the British Isles', () => {
    for (const a of areas) {
      assert.ok(a.lat > 49.1 && a.lat < 60.9 && a.lng > -8.2 && a.lng < 1.8, `${a.code} at ${a.lat}, ${a.lng}`);
    }
  });
});
