/**
 * A made-up directory as large as needed, for benchmarks and load tests:
 * groups clustered around real UK towns (more where more people live),
 * with codes spread so filters select realistic shares. The same count and
 * seed always give the same groups. Nothing here describes a real group.
 * @module
 */
import type { Audience, Condition, Format, GeocodeResult, Group, Leader, Model, PeerFunction } from 'peer-directory/schema';
import { partitionPoint } from '../sorted.js';

interface Town {
  readonly name: string;
  readonly region: 'England' | 'Scotland' | 'Wales' | 'Northern Ireland';
  readonly lat: number;
  readonly lng: number;
  /** Rough population of the built-up area, in thousands: how many groups it draws. */
  readonly people: number;
}

const t = (name: string, region: Town['region'], lat: number, lng: number, people: number): Town => ({
  name,
  region,
  lat,
  lng,
  people,
});

const TOWNS: readonly Town[] = [
  t('London', 'England', 51.5072, -0.1276, 8900),
  t('Birmingham', 'England', 52.4862, -1.8904, 1150),
  t('Manchester', 'England', 53.4808, -2.2426, 1400),
  t('Leeds', 'England', 53.8008, -1.5491, 790),
  t('Glasgow', 'Scotland', 55.8642, -4.2518, 630),
  t('Liverpool', 'England', 53.4084, -2.9916, 500),
  t('Newcastle upon Tyne', 'England', 54.9783, -1.6178, 300),
  t('Sheffield', 'England', 53.3811, -1.4701, 580),
  t('Bristol', 'England', 51.4545, -2.5879, 470),
  t('Edinburgh', 'Scotland', 55.9533, -3.1883, 530),
  t('Cardiff', 'Wales', 51.4816, -3.1791, 360),
  t('Belfast', 'Northern Ireland', 54.5973, -5.9301, 340),
  t('Leicester', 'England', 52.6369, -1.1398, 370),
  t('Nottingham', 'England', 52.9548, -1.1581, 330),
  t('Coventry', 'England', 52.4068, -1.5197, 370),
  t('Bradford', 'England', 53.796, -1.7594, 360),
  t('Stoke-on-Trent', 'England', 53.0027, -2.1794, 260),
  t('Wolverhampton', 'England', 52.587, -2.1288, 260),
  t('Plymouth', 'England', 50.3755, -4.1427, 265),
  t('Southampton', 'England', 50.9097, -1.4044, 250),
  t('Reading', 'England', 51.4543, -0.9781, 230),
  t('Derby', 'England', 52.9225, -1.4746, 260),
  t('Portsmouth', 'England', 50.8198, -1.088, 210),
  t('Brighton', 'England', 50.8225, -0.1372, 290),
  t('Hull', 'England', 53.7676, -0.3274, 260),
  t('Aberdeen', 'Scotland', 57.1497, -2.0943, 200),
  t('Dundee', 'Scotland', 56.462, -2.9707, 150),
  t('Swansea', 'Wales', 51.6214, -3.9436, 245),
  t('Newport', 'Wales', 51.5842, -2.9977, 150),
  t('Norwich', 'England', 52.6309, 1.2974, 145),
  t('Exeter', 'England', 50.7184, -3.5339, 130),
  t('Cambridge', 'England', 52.2053, 0.1218, 145),
  t('Oxford', 'England', 51.752, -1.2577, 150),
  t('York', 'England', 53.96, -1.0873, 210),
  t('Milton Keynes', 'England', 52.0406, -0.7594, 230),
  t('Northampton', 'England', 52.2405, -0.9027, 225),
  t('Luton', 'England', 51.8787, -0.42, 215),
  t('Preston', 'England', 53.7632, -2.7031, 145),
  t('Middlesbrough', 'England', 54.5742, -1.235, 140),
  t('Sunderland', 'England', 54.9069, -1.3838, 175),
  t('Bournemouth', 'England', 50.7192, -1.8808, 200),
  t('Peterborough', 'England', 52.5695, -0.2405, 200),
  t('Ipswich', 'England', 52.0567, 1.1482, 140),
  t('Gloucester', 'England', 51.8642, -2.2382, 130),
  t('Lincoln', 'England', 53.2307, -0.5406, 100),
  t('Carlisle', 'England', 54.8925, -2.9329, 75),
  t('Inverness', 'Scotland', 57.4778, -4.2247, 50),
  t('Stirling', 'Scotland', 56.1165, -3.9369, 40),
  t('Perth', 'Scotland', 56.395, -3.4308, 47),
  t('Dumfries', 'Scotland', 55.0709, -3.6051, 33),
  t('Wrexham', 'Wales', 53.043, -2.9925, 65),
  t('Bangor', 'Wales', 53.2274, -4.1293, 18),
  t('Aberystwyth', 'Wales', 52.4153, -4.0829, 19),
  t('Carmarthen', 'Wales', 51.8576, -4.3121, 16),
  t('Derry', 'Northern Ireland', 54.9966, -7.3086, 85),
  t('Newry', 'Northern Ireland', 54.1751, -6.3402, 27),
  t('Truro', 'England', 50.2632, -5.051, 20),
  t('Shrewsbury', 'England', 52.7073, -2.7553, 75),
  t('Hereford', 'England', 52.0565, -2.716, 60),
  t('Worcester', 'England', 52.192, -2.22, 100),
  t('Canterbury', 'England', 51.2802, 1.0789, 55),
  t('Chelmsford', 'England', 51.7356, 0.4685, 110),
  t('Blackpool', 'England', 53.8175, -3.0357, 140),
  t('Bath', 'England', 51.3811, -2.359, 90),
  t('Lancaster', 'England', 54.0466, -2.8007, 50),
];

/** Share of groups that meet only online or by telephone and serve everywhere. */
const EVERYWHERE_SHARE = 0.02;

// mulberry32: tiny, fast and good enough for spreading made-up groups about.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks towns in proportion to how many people live there. */
function townPicker(rand: () => number): () => Town {
  const cumulative: number[] = [];
  let total = 0;
  for (const town of TOWNS) cumulative.push((total += town.people));
  return () => {
    const r = rand() * total;
    return TOWNS[partitionPoint(cumulative.length - 1, (at) => cumulative[at]! <= r)]!;
  };
}

/** A point near a town: bigger towns spread wider (a sum of uniforms is gaussian enough). */
function near(town: Town, rand: () => number): { lat: number; lng: number } {
  const spreadKm = 2 + Math.sqrt(town.people) * 0.12;
  const gauss = () => rand() + rand() + rand() - 1.5;
  const lat = town.lat + (gauss() * spreadKm) / 111;
  const lng = town.lng + (gauss() * spreadKm) / (111 * Math.cos((town.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
}

type Weighted<T> = readonly (readonly [T, number])[];

function weighted<T>(rand: () => number, choices: Weighted<T>): T {
  let r = rand() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) if ((r -= w) < 0) return value;
  return choices[choices.length - 1]![0];
}

/** Each code with its own chance; at least one is always chosen (the first if none fell). */
function someOf<T>(rand: () => number, chances: Weighted<T>): T[] {
  const chosen = chances.filter(([, p]) => rand() < p).map(([code]) => code);
  return chosen.length > 0 ? chosen : [chances[0]![0]];
}

const CONDITIONS: Weighted<Condition> = [
  ['type2', 0.55],
  ['type1', 0.4],
  ['long-term-conditions', 0.1],
  ['other-diabetes', 0.06],
  ['gestational', 0.04],
];
const AUDIENCES: Weighted<Audience> = [
  ['adults', 0.8],
  ['families', 0.15],
  ['parents-carers', 0.12],
  ['young-people', 0.1],
  ['children', 0.07],
];
const IN_PERSON_MODELS: Weighted<Model> = [
  ['support-group', 50],
  ['self-management', 16],
  ['peer-coaching', 12],
  ['group-visits', 10],
  ['community-health-workers', 8],
  ['telephone-support', 2],
  ['web-based', 2],
];
const FUNCTIONS: Weighted<PeerFunction> = [
  ['social-emotional', 0.85],
  ['being-there', 0.6],
  ['daily-management', 0.5],
  ['ongoing-support', 0.5],
  ['linkage-to-care', 0.3],
];
const LEADERS: Weighted<Leader> = [
  ['peer', 0.7],
  ['trained-volunteer', 0.3],
  ['health-professional', 0.15],
  ['community-health-worker', 0.08],
];
const OTHER_LANGUAGES: Weighted<string> = [
  ['pa', 3],
  ['ur', 3],
  ['bn', 2],
  ['pl', 2],
  ['gu', 1],
  ['so', 1],
];

const KINDS = ['Support Group', 'Peer Group', 'Circle', 'Friends', 'Meet-up', 'Network', 'Coffee Morning', 'Walk and Talk'];
const PLACES = ['Central', 'North', 'South', 'East', 'West', 'Riverside', 'Parkside', 'Old Town', 'Hillside', 'Village'];
const ORGANISATIONS = ['Diabetes Friends', 'Healthy Communities Trust', 'Local NHS Trust', 'Together Health', 'Community Voices'];
// Weekday codes and a 2026 date on each, for a fortnightly rule's first meeting.
const DAYS = [
  ['MO', '05'],
  ['TU', '06'],
  ['WE', '07'],
  ['TH', '08'],
  ['FR', '09'],
  ['SA', '10'],
] as const;
const CONDITION_WORDS: Record<Condition, string> = {
  type1: 'Type 1',
  type2: 'Type 2',
  gestational: 'Gestational Diabetes',
  'other-diabetes': 'Diabetes',
  'long-term-conditions': 'Long-term Conditions',
};

const UPDATED_FROM = Date.UTC(2026, 0, 1);

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)]!;
}

/**
 * `count` made-up published groups, the same for the same `count` and
 * `seed`: about 2% meet online or by telephone and serve everywhere, the
 * rest meet in person around UK towns. Valid against `storedGroupSchema`.
 */
export function syntheticGroups(count: number, seed = 1): Group[] {
  return [...syntheticGroupBatches(count, Math.max(1, count), seed)].flat();
}

/**
 * The groups of {@link syntheticGroups}, `size` at a time, so that a
 * million of them never need to be held at once.
 */
export function* syntheticGroupBatches(count: number, size: number, seed = 1): Generator<Group[], void, undefined> {
  const rand = random(seed);
  const town = townPicker(rand);
  for (let start = 0; start < count; start += size) {
    const batch: Group[] = [];
    for (let i = start; i < Math.min(count, start + size); i++) batch.push(syntheticGroup(i, rand, town));
    yield batch;
  }
}

function syntheticGroup(i: number, rand: () => number, townOf: () => Town): Group {
  const id = `syn-${String(i).padStart(6, '0')}`;
  const everywhere = rand() < EVERYWHERE_SHARE;
  const town = townOf();
  const conditions = someOf(rand, CONDITIONS);
  const audiences = someOf(rand, AUDIENCES);
  const free = rand() < 0.85;
  const familyWelcome = rand() < 0.5;
  const languages = ['en'];
  if (town.region === 'Wales' && rand() < 0.3) languages.push('cy');
  if (rand() < 0.05) languages.push(weighted(rand, OTHER_LANGUAGES));

  let formats: Format[];
  let model: Model;
  if (everywhere) {
    formats = rand() < 0.7 ? ['online'] : rand() < 0.5 ? ['telephone'] : ['online', 'telephone'];
    model = formats[0] === 'telephone' ? 'telephone-support' : 'web-based';
  } else {
    formats = ['in-person'];
    if (rand() < 0.15) formats.push('online');
    if (rand() < 0.05) formats.push('telephone');
    model = weighted(rand, IN_PERSON_MODELS);
  }

  const what = CONDITION_WORDS[conditions[0]!];
  const name = everywhere ? `${what} ${pick(rand, KINDS)} Online ${i}` : `${pick(rand, PLACES)} ${town.name} ${what} ${pick(rand, KINDS)}`;
  const day = pick(rand, DAYS);
  const hasOrganisation = rand() < 0.4;

  return {
    id,
    name,
    summary: everywhere
      ? `People living with ${what.toLowerCase()} supporting each other from wherever they are.`
      : `People living with ${what.toLowerCase()} in and around ${town.name} meeting to support each other.`,
    ...(hasOrganisation ? { organisation: { name: pick(rand, ORGANISATIONS) } } : {}),
    conditions,
    audiences,
    formats,
    model,
    functions: someOf(rand, FUNCTIONS),
    leaders: someOf(rand, LEADERS),
    languages,
    answers: {
      purpose: 'Sharing what works day to day and keeping each other going.',
      attendees: 'Adults living with diabetes, and some partners.',
      familyWelcome: { answer: familyWelcome },
      clinicalEducation: { answer: rand() < 0.3 },
      leaderTraining: 'The leader has done a peer support course.',
      professionalsInvolved: { answer: rand() < 0.2 },
      memberExpectations: 'Come when you can; keep what others share private.',
      cost: free ? { free: true } : { free: false, details: '£2 a session towards the room.' },
    },
    ...(everywhere ? {} : { location: { town: town.name, region: town.region, country: 'GB' as const, ...near(town, rand) } }),
    servesEverywhere: everywhere,
    schedule: {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 2, weekday: day[0], start: `2026-01-${day[1]}T19:00`, durationMinutes: 90 }],
      exceptions: [],
      meetings: [],
    },
    contact: { email: `${id}@example.org` },
    principles: [],
    updatedAt: new Date(UPDATED_FROM + i * 60_000).toISOString(),
  };
}

/**
 * `count` search origins near the same towns, as geocoded points, so
 * benchmark searches land where people (and groups) are.
 */
export function syntheticCentres(count: number, seed = 1): GeocodeResult[] {
  const rand = random(seed ^ 0x5eed);
  const town = townPicker(rand);
  const centres: GeocodeResult[] = [];
  for (let i = 0; i < count; i++) {
    const place = town();
    const { lat, lng } = near(place, rand);
    centres.push({ label: place.name, lat, lng, country: 'GB', precision: 'device' });
  }
  return centres;
}
