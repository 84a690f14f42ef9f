/**
 * The sample directory `npm start` and the demo show: a couple of hundred
 * invented groups in real towns across the UK and the US, plus online and
 * telephone groups open to everyone. Nothing here describes a real group or
 * reaches a real person: contact details use reserved example domains and
 * fictional telephone ranges.
 * @module
 */
import { createRequire } from 'node:module';
import { z } from 'zod/mini';
import { storedGroupSchema, type Group } from 'peer-directory/schema';
import { locateOffline, parsePlaceQuery } from '../geocode/index.js';
import { fictionalContact } from './contacts.js';
import { EVERYWHERE_GROUPS, type EverywhereGroup } from './everywhere-groups.js';
import type { GroupKind, SampleContext } from './kind.js';
import { SAMPLE_PLACES, type SamplePlace } from './places.js';
import { createRandom, seedFrom, type Random } from './prng.js';
import { PROGRAMME_KINDS } from './programme-kinds.js';
import { REMOTE_KINDS } from './remote-kinds.js';
import { buildSchedule } from './schedules.js';
import { SUPPORT_GROUP_KINDS } from './support-group-kinds.js';
import { makeVenue } from './venues.js';

/** Every kind of local or regional group, by key. */
export const GROUP_KINDS: ReadonlyMap<string, GroupKind> = new Map(
  [...SUPPORT_GROUP_KINDS, ...PROGRAMME_KINDS, ...REMOTE_KINDS].map((k) => [k.key, k]),
);

const LANGUAGE_NAMES: Record<string, string> = {
  bn: 'Bengali',
  cy: 'Welsh',
  es: 'Spanish',
  gd: 'Gaelic',
  gu: 'Gujarati',
  pa: 'Punjabi',
  pl: 'Polish',
  so: 'Somali',
  ur: 'Urdu',
};

const DAY = 86_400_000;

/**
 * The sample groups as of `now`. The same `now` always gives the same
 * groups; another `now` gives the same groups (same ids, names and answers)
 * with their next meetings and `updatedAt` moved on.
 * @throws Error if the sample data does not match the schema (a bug here, caught by tests)
 */
export function sampleGroups(now: Date): Group[] {
  const groups: Group[] = [];
  for (const place of SAMPLE_PLACES) {
    for (const key of place.kinds) {
      const kind = GROUP_KINDS.get(key);
      if (!kind) throw new Error(`Sample place ${place.slug} names an unknown kind of group: ${key}`);
      groups.push(localGroup(place, kind, now));
    }
  }
  for (const group of EVERYWHERE_GROUPS) groups.push(everywhereGroup(group, now));
  return groups.map((g) => z.parse(storedGroupSchema, g));
}

function localGroup(place: SamplePlace, kind: GroupKind, now: Date): Group {
  const id = `grp-${place.slug}-${kind.key}`;
  const random = createRandom(seedFrom(id));
  const languages = kind.key === 'link-workers' ? [...(place.linkLanguages ?? []), 'en'] : [...(kind.languages ?? ['en'])];
  const context = contextFor(place, languages, random);
  const centre = townCentre(place);
  const schedule = random.pick(kind.schedules);

  const venue = kind.remote ? undefined : makeVenue(random.pick(kind.venues), place.country === 'GB', random);
  const group: Group = {
    id,
    name: kind.name(context),
    summary: kind.summary(context),
    organisation: kind.organisation?.(context),
    conditions: [...kind.conditions],
    audiences: [...kind.audiences],
    formats: [...kind.formats],
    model: kind.model,
    functions: [...kind.functions],
    leaders: [...kind.leaders],
    languages,
    answers: kind.answers(context),
    // Regional remote groups have no venue; their base town lets searches nearby find them.
    location: {
      ...venue,
      town: place.town,
      region: place.region,
      postcode: place.postcode,
      country: place.country,
      ...centre,
    },
    servesEverywhere: false,
    serviceArea: kind.remote?.serviceArea(context),
    schedule: buildSchedule(schedule, place.timeZone, now),
    contact: fictionalContact(place, `${place.slug}.${kind.key}`, kind.phoneFirst ?? false, random),
    principles: [],
    updatedAt: updatedAt(now, random),
  };
  return withoutUndefined(group);
}

function everywhereGroup(written: EverywhereGroup, now: Date): Group {
  const id = `grp-online-${written.slug}`;
  const random = createRandom(seedFrom(id));
  const { slug: _slug, schedule, ...rest } = written;
  return withoutUndefined({
    ...rest,
    id,
    conditions: [...rest.conditions],
    servesEverywhere: true,
    schedule: buildSchedule(schedule, schedule.timeZone, now),
    principles: [],
    updatedAt: updatedAt(now, random),
  });
}

function contextFor(place: SamplePlace, languages: string[], random: Random): SampleContext {
  const uk = place.country === 'GB';
  const others = languages.filter((l) => l !== 'en').map((l) => LANGUAGE_NAMES[l] ?? l);
  return {
    town: place.local ?? place.town,
    region: place.area ?? place.region,
    uk,
    money: (amount) => `${uk ? '£' : '$'}${amount}`,
    nurse: uk ? 'diabetes specialist nurse' : 'diabetes educator',
    doctor: uk ? 'GP' : 'primary care doctor',
    otherLanguages: others.length > 1 ? `${others.slice(0, -1).join(', ')} and ${others.at(-1)}` : (others[0] ?? 'English'),
    random,
  };
}

// Groups are placed where the geocoder places their postcode, so a search
// from that postcode finds them 0 miles away. The ZIP table is loaded on
// first use: it is large, and only seeding needs it here.
let zipTable: typeof import('zipcodes') | undefined;
function townCentre(place: SamplePlace): { lat: number; lng: number } {
  if (place.country === 'GB') {
    const query = parsePlaceQuery(place.postcode);
    const located = query.kind === 'postcode' ? locateOffline(query) : undefined;
    if (!located) throw new Error(`Sample place ${place.slug}: ${place.postcode} cannot be placed`);
    return { lat: located.lat, lng: located.lng };
  }
  zipTable ??= createRequire(import.meta.url)('zipcodes') as typeof import('zipcodes');
  const row = zipTable.lookup(place.postcode);
  if (!row) throw new Error(`Sample place ${place.slug}: ZIP code ${place.postcode} is not in the ZIP table`);
  return { lat: row.latitude, lng: row.longitude };
}

function updatedAt(now: Date, random: Random): string {
  return new Date(now.getTime() - random.int(2, 200) * DAY - random.int(0, DAY / 1000 - 1) * 1000).toISOString();
}

// Optional fields the kind left out should be absent, not `undefined`, so
// the data compares and serialises cleanly.
function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
