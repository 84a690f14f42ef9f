import type { Answers, Audience, Group, Condition, Format, Leader, Model, PeerFunction } from 'peer-directory/schema';
import type { Random } from './prng.js';
import type { ScheduleSpec } from './schedules.js';
import type { VenueKind } from './venues.js';

/** What a kind of group's words may depend on: where it is, and a random source for variety. */
export interface SampleContext {
  /** What the group calls its patch: a town, a city or a London borough. */
  town: string;
  /** Region, nation or US state. */
  region: string;
  uk: boolean;
  /** A sum of money in local currency: `£2`, `$5`. */
  money(amount: number): string;
  /** The nurse who teaches diabetes care locally: "diabetes specialist nurse" or "diabetes educator". */
  nurse: string;
  /** Family doctor: "GP" or "primary care doctor". */
  doctor: string;
  /** Names of the group's languages other than English, in English: "Punjabi and Urdu". */
  otherLanguages: string;
  random: Random;
}

/**
 * A kind of group (a "parents of children with type 1" support group, a
 * promotora programme, ...): everything about it that does not depend on
 * the town, and the words that do.
 */
export interface GroupKind {
  /** The end of the ids of groups of this kind: `grp-cardiff-t1-parents`. */
  key: string;
  model: Model;
  formats: readonly Format[];
  conditions: readonly Condition[];
  audiences: readonly Audience[];
  leaders: readonly Leader[];
  functions: readonly PeerFunction[];
  /** Default `['en']`; a place can ask for others. */
  languages?: readonly string[];
  /** Where it meets, in order of preference; none for remote groups. */
  venues: readonly VenueKind[];
  /** Remote groups that take people from a region: meet nowhere, serve the region. */
  remote?: { serviceArea(c: SampleContext): string };
  /** Whether contact is by phone first (telephone groups). */
  phoneFirst?: boolean;
  /** The organisation behind it, if any (fictional). */
  organisation?(c: SampleContext): Group['organisation'];
  name(c: SampleContext): string;
  summary(c: SampleContext): string;
  answers(c: SampleContext): Answers;
  schedules: readonly ScheduleSpec[];
}
