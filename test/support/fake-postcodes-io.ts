/**
 * A stand-in for postcodes.io over real HTTP on 127.0.0.1: the endpoints the
 * geocoder uses, in postcodes.io's JSON shape, over a small fixture. Tests
 * never reach the internet; this is the only fake they use.
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FixturePostcode {
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  country: string;
  admin_district: string;
}

// Town-centre postcodes (the sample directory and the tests use them). Great Britain's are
// where OS Code-Point Open puts them, as postcodes.io (built on the same OS data) would say.
const POSTCODES: FixturePostcode[] = [
  { postcode: 'SW1A 1AA', latitude: 51.50101, longitude: -0.14159, country: 'England', admin_district: 'Westminster' },
  { postcode: 'M1 1AE', latitude: 53.48347, longitude: -2.23118, country: 'England', admin_district: 'Manchester' },
  { postcode: 'CF10 1EP', latitude: 51.47576, longitude: -3.17921, country: 'Wales', admin_district: 'Cardiff' },
  { postcode: 'EH1 1YZ', latitude: 55.95033, longitude: -3.19302, country: 'Scotland', admin_district: 'City of Edinburgh' },
  { postcode: 'BT1 5GS', latitude: 54.596492, longitude: -5.930241, country: 'Northern Ireland', admin_district: 'Belfast' },
  { postcode: 'B1 1BB', latitude: 52.48042, longitude: -1.90345, country: 'England', admin_district: 'Birmingham' },
  { postcode: 'LS1 4DY', latitude: 53.79513, longitude: -1.54666, country: 'England', admin_district: 'Leeds' },
  { postcode: 'NE1 7RU', latitude: 54.98032, longitude: -1.61571, country: 'England', admin_district: 'Newcastle upon Tyne' },
  { postcode: 'BS1 5TR', latitude: 51.45261, longitude: -2.60207, country: 'England', admin_district: 'Bristol, City of' },
  { postcode: 'G1 1XQ', latitude: 55.86125, longitude: -4.24471, country: 'Scotland', admin_district: 'Glasgow City' },
  // Outside Code-Point Open, so only a provider places them exactly (illustrative town-centre points).
  { postcode: 'JE2 3NG', latitude: 49.18655, longitude: -2.10616, country: 'Channel Islands', admin_district: 'Jersey' },
  { postcode: 'IM1 2LS', latitude: 54.15023, longitude: -4.47861, country: 'Isle of Man', admin_district: 'Isle of Man' },
  // Known to the provider, but without a grid reference (as postcodes.io has for some Channel Islands postcodes).
  { postcode: 'GY1 1AA', latitude: null, longitude: null, country: 'Channel Islands', admin_district: 'Guernsey' },
];

const PLACES = [
  { name_1: 'Leeds', latitude: 53.7965, longitude: -1.5478, country: 'England' },
  { name_1: 'Cardiff', latitude: 51.4816, longitude: -3.1791, country: 'Wales' },
  { name_1: 'Manchester', latitude: 53.4808, longitude: -2.2426, country: 'England' },
  { name_1: 'Edinburgh', latitude: 55.9533, longitude: -3.1883, country: 'Scotland' },
  { name_1: 'Belfast', latitude: 54.5973, longitude: -5.9301, country: 'Northern Ireland' },
  { name_1: 'Hebden Bridge', latitude: 53.7418, longitude: -2.0124, country: 'England' },
  // A hamlet too small for the offline gazetteer (places of 1,000 people or more).
  { name_1: 'Blackshaw Head', latitude: 53.7485, longitude: -2.0694, country: 'England' },
];

const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** A running fake provider. */
export interface FakePostcodesIo {
  /** Base URL to pass as `providerUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** How many requests it has received. */
  readonly requests: number;
  /** The paths (with query) it was asked for, in order. */
  readonly paths: readonly string[];
  /** Answer every request with this status, `'hang'` to never answer, or null to behave again. */
  failWith(mode: number | 'hang' | null): void;
  close(): Promise<void>;
}

/** Starts the fake on a free port. */
export async function startFakePostcodesIo(): Promise<FakePostcodesIo> {
  let failure: number | 'hang' | null = null;
  const paths: string[] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    paths.push(request.url ?? '');
    if (failure === 'hang') return;
    if (failure !== null) return send(response, failure, { status: failure, error: 'Service Unavailable' });
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, resource, key] = url.pathname.split('/').map(decodeURIComponent);

    if (resource === 'postcodes' && key) {
      const found = POSTCODES.find((p) => compact(p.postcode) === compact(key));
      if (!found) return send(response, 404, { status: 404, error: 'Postcode not found' });
      const [outcode, incode] = found.postcode.split(' ');
      return send(response, 200, { status: 200, result: { ...found, outcode, incode, quality: 1 } });
    }
    if (resource === 'outcodes' && key) {
      const members = POSTCODES.filter((p) => p.postcode.split(' ')[0] === compact(key) && p.latitude !== null);
      if (members.length === 0) return send(response, 404, { status: 404, error: 'Outcode not found' });
      const mean = (f: (p: FixturePostcode) => number) => members.reduce((s, p) => s + f(p), 0) / members.length;
      return send(response, 200, {
        status: 200,
        result: {
          outcode: compact(key),
          latitude: mean((p) => p.latitude!),
          longitude: mean((p) => p.longitude!),
          admin_district: [members[0]!.admin_district],
          country: [members[0]!.country],
        },
      });
    }
    if (resource === 'places' && !key) {
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const result = PLACES.filter((p) => q && p.name_1.toLowerCase().startsWith(q)).slice(0, limit);
      return send(response, 200, { status: 200, result });
    }
    send(response, 404, { status: 404, error: 'Resource not found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return paths.length;
    },
    paths,
    failWith(mode) {
      failure = mode;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
