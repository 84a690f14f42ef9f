/**
 * How a form holds a registration (`RegistrationInput`): one entry per
 * input, in the order the form asks, naming the part of the request it
 * answers and how the input holds it (text as typed, a yes/no pair of
 * radios, tick boxes). `<peer-group-form>` derives everything else from
 * this table: its draft (the type, an empty one, one started from a
 * published group), the request body a draft stands for, and which input an
 * error's path points at. A new field is its shape, one line here, and its
 * markup. Not exported from the package.
 * @module
 */
import type { Meeting, RecurrenceRule, ScheduleException } from './group.js';
import type { RegistrationInput } from './registration.js';
import type { Country } from './countries.js';

/** A yes/no radio pair before and after it is answered. */
export type YesNo = '' | 'yes' | 'no';

/** One planned meeting as the form holds it: separate date and time inputs. */
export interface DraftMeeting {
  date: string;
  time: string;
  durationMinutes: string;
}

/**
 * One recurrence rule as the form holds it: the inputs' strings. `repeat`
 * is how often as one choice, `weekly-1`, `weekly-2`, `monthly-1` (the
 * frequency and interval, so a published group's "every 3 weeks" survives
 * an edit); `count` is kept from a published group (the form asks for a
 * last date instead).
 */
export interface DraftRule {
  repeat: string;
  weekday: string;
  /** `1` to `4`, or `-1` for the last; monthly rules only. */
  weekOfMonth: string;
  /** The first meeting's date and time. */
  date: string;
  time: string;
  durationMinutes: string;
  /** The last date a meeting may fall on, or empty for no end. */
  until: string;
  count: string;
}

/** A date off (no `start`: the meeting is cancelled), or a moved meeting kept from a published group. */
export interface DraftException {
  date: string;
  note?: string;
  start?: string;
  durationMinutes?: number;
}

type Leaf = string | number | boolean | readonly unknown[];
/** Every part of `T` as a path of keys: `['group', 'location', 'town']`. */
type PathOf<T> = T extends Leaf
  ? never
  : { [K in keyof T & string]-?: readonly [K] | readonly [K, ...PathOf<NonNullable<T[K]>>] }[keyof T & string];

/** A part of a registration, as a path of keys. */
export type RegistrationPath = PathOf<RegistrationInput>;

/** How one input holds one part of the request. */
export interface FormField<V> {
  readonly path: RegistrationPath;
  /** Answered by choosing among options (radios, tick boxes): problems point at the first. */
  readonly choice: boolean;
  /** The value before anyone answers; a few depend on the country. */
  empty(country: Country): V;
  /** The request's value for the input's: `undefined` leaves the part out, as the schema reads absent as "not given". */
  toInput(value: V): unknown;
  /** The input's value for a published group's part (never called for a part the group lacks). */
  fromGroup(value: unknown): V;
}

const field = <V>(
  path: RegistrationPath,
  choice: boolean,
  empty: V | ((country: Country) => V),
  toInput: (value: V) => unknown,
  fromGroup: (value: unknown) => V,
): FormField<V> => ({
  path,
  choice,
  empty: (country) => (typeof empty === 'function' ? (empty as (c: Country) => V)(country) : empty),
  toInput,
  fromGroup,
});

const given = (s: string) => (s.trim() === '' ? undefined : s);
const asText = (v: unknown) => String(v);

/** Text sent as typed; the schema says when it is missing. */
const text = (path: RegistrationPath) => field(path, false, '', (v: string) => v, asText);
/** Text that may be left empty: empty is sent as absent (an empty email would be a format error). */
const optionalText = (path: RegistrationPath) => field(path, false, '', given, asText);
/** One code chosen with radios. */
const oneCode = (path: RegistrationPath) => field(path, true, '', (v: string) => v, asText);
/** One value chosen from a list (a `<select>`), which always holds one. */
const selected = <V extends string>(path: RegistrationPath, empty: (country: Country) => V) =>
  field<V>(
    path,
    false,
    empty,
    (v) => v,
    (v) => v as V,
  );
/** Codes chosen with tick boxes. */
const codes = (path: RegistrationPath) =>
  field<string[]>(
    path,
    true,
    [],
    (v) => v,
    (v) => [...(v as string[])],
  );
/** A true/false answer as two radios that start unanswered: `yes`/`no` by default, or the words given. */
const twoWay = <Yes extends string = 'yes', No extends string = 'no'>(path: RegistrationPath, yes = 'yes' as Yes, no = 'no' as No) =>
  field<'' | Yes | No>(
    path,
    true,
    '',
    (v) => (v === '' ? undefined : v === yes),
    (v) => (v ? yes : no),
  );
/** A single tick box. */
const tick = (path: RegistrationPath) =>
  field(
    path,
    false,
    false,
    (v: boolean) => v,
    (v) => v === true,
  );

/** Planned meetings: a date, a time and a length each. */
const meetings = (path: RegistrationPath) =>
  field<DraftMeeting[]>(
    path,
    false,
    [],
    (list) => list.map((m) => ({ start: m.date && m.time ? `${m.date}T${m.time}` : '', durationMinutes: Number(m.durationMinutes) })),
    (list) =>
      (list as Meeting[]).map((m) => ({
        date: m.start.slice(0, 10),
        time: m.start.slice(11, 16),
        durationMinutes: String(m.durationMinutes),
      })),
  );

/** A rule from the form's inputs: a part left unanswered is left out, so the schema names it. */
export function ruleFromDraft(r: DraftRule): Record<string, unknown> {
  const [frequency, interval] = r.repeat.split('-');
  const monthly = frequency === 'monthly';
  return {
    frequency: frequency || undefined,
    interval: Number(interval) || 1,
    weekday: r.weekday || undefined,
    ...(monthly ? { weekOfMonth: r.weekOfMonth === '' ? undefined : Number(r.weekOfMonth) } : {}),
    start: r.date && r.time ? `${r.date}T${r.time}` : '',
    durationMinutes: Number(r.durationMinutes),
    ...(r.count.trim() === '' ? {} : { count: Number(r.count) }),
    ...(r.until === '' ? {} : { until: r.until }),
  };
}

/** The form's inputs for a rule. */
export function ruleToDraft(r: RecurrenceRule): DraftRule {
  return {
    repeat: `${r.frequency}-${r.interval}`,
    weekday: r.weekday,
    weekOfMonth: r.weekOfMonth === undefined ? '' : String(r.weekOfMonth),
    date: r.start.slice(0, 10),
    time: r.start.slice(11, 16),
    durationMinutes: String(r.durationMinutes),
    until: r.until ?? '',
    count: r.count === undefined ? '' : String(r.count),
  };
}

/** Recurrence rules: how often, the day, the first meeting, its length and an optional last date each. */
const rules = (path: RegistrationPath) =>
  field<DraftRule[]>(
    path,
    false,
    [],
    (list) => list.map(ruleFromDraft),
    (list) => (list as RecurrenceRule[]).map(ruleToDraft),
  );

/** Dates off and moved meetings: a reason left empty is sent as none. */
const exceptions = (path: RegistrationPath) =>
  field<DraftException[]>(
    path,
    false,
    [],
    (list) => list.map(({ note, ...x }) => (note?.trim() ? { ...x, note } : x)),
    (list) => (list as ScheduleException[]).map((x) => ({ ...x })),
  );

/** The time zone the browser is in, when the directory covers it; else the UK's. */
function defaultTimeZone(country: Country): string {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (country === 'US') return here.startsWith('America/') || here === 'Pacific/Honolulu' ? here : 'America/New_York';
  return 'Europe/London';
}

/**
 * The inputs of the registration form, by the name each has in the draft
 * (and as its element id), in the form's order. The draft is kept in
 * sessionStorage under these names: renaming one loses what people typed
 * into it, unless the draft store migrates it.
 */
export const REGISTRATION_FORM = {
  name: text(['group', 'name']),
  summary: text(['group', 'summary']),
  organisationName: text(['group', 'organisation', 'name']),
  organisationWebsite: optionalText(['group', 'organisation', 'website']),
  conditions: codes(['group', 'conditions']),
  audiences: codes(['group', 'audiences']),
  model: oneCode(['group', 'model']),
  functions: codes(['group', 'functions']),
  languages: codes(['group', 'languages']),
  principles: codes(['group', 'principles']),

  purpose: text(['group', 'answers', 'purpose']),
  attendees: text(['group', 'answers', 'attendees']),
  familyWelcome: twoWay(['group', 'answers', 'familyWelcome', 'answer']),
  familyWelcomeDetails: optionalText(['group', 'answers', 'familyWelcome', 'details']),
  clinicalEducation: twoWay(['group', 'answers', 'clinicalEducation', 'answer']),
  clinicalEducationDetails: optionalText(['group', 'answers', 'clinicalEducation', 'details']),
  leaderTraining: text(['group', 'answers', 'leaderTraining']),
  professionalsInvolved: twoWay(['group', 'answers', 'professionalsInvolved', 'answer']),
  professionalsInvolvedDetails: optionalText(['group', 'answers', 'professionalsInvolved', 'details']),
  memberExpectations: text(['group', 'answers', 'memberExpectations']),
  cost: twoWay(['group', 'answers', 'cost', 'free'], 'free', 'fee'),
  costDetails: optionalText(['group', 'answers', 'cost', 'details']),

  formats: codes(['group', 'formats']),
  venue: optionalText(['group', 'location', 'venue']),
  address: optionalText(['group', 'location', 'address']),
  town: text(['group', 'location', 'town']),
  region: optionalText(['group', 'location', 'region']),
  postcode: optionalText(['group', 'location', 'postcode']),
  country: selected<Country>(['group', 'location', 'country'], (country) => country),
  servesEverywhere: twoWay(['group', 'servesEverywhere']),
  serviceArea: optionalText(['group', 'serviceArea']),
  // The schedule, in the form's order.
  timeZone: selected(['group', 'schedule', 'timeZone'], defaultTimeZone),
  // Saved drafts before the form edited rules kept them as the API's rules: the draft store reads those too.
  scheduleRules: rules(['group', 'schedule', 'rules']),
  scheduleExceptions: exceptions(['group', 'schedule', 'exceptions']),
  meetings: meetings(['group', 'schedule', 'meetings']),
  /** Words rules cannot say (the schedule's `note`). */
  scheduleDescription: optionalText(['group', 'schedule', 'note']),

  leaders: codes(['group', 'leaders']),

  contactEmail: optionalText(['group', 'contact', 'email']),
  contactPhone: optionalText(['group', 'contact', 'phone']),
  contactWebsite: optionalText(['group', 'contact', 'website']),

  registrantName: text(['registrant', 'name']),
  registrantEmail: text(['registrant', 'email']),
  registrantPhone: optionalText(['registrant', 'phone']),
  registrantRole: optionalText(['registrant', 'role']),

  consentStoreData: tick(['consent', 'storeData']),
  consentNoMedicalAdvice: tick(['consent', 'noMedicalAdvice']),

  /** The honeypot: people never see it, so it stays empty unless a bot fills it. */
  website2: optionalText(['trap']),
} satisfies Record<string, FormField<unknown>>;

/**
 * Parts of the request no input answers: the geocoder places the group; the
 * element's `group` says which group changes; the page's language is the
 * registrant's for emails.
 */
export const NOT_ASKED: readonly string[] = ['group.location.lat', 'group.location.lng', 'updatesGroupId', 'registrant.language'];

type Fields = typeof REGISTRATION_FORM;

/**
 * Everything the form holds, as its inputs hold it: strings, choices and
 * ticks. It is what is kept in sessionStorage, so it stays plain JSON.
 */
export type Draft = { -readonly [K in keyof Fields]: Fields[K] extends FormField<infer V> ? V : never };
export type DraftKey = keyof Draft;

/** Whether the group meets online or by telephone (and so may serve people anywhere). */
export const meetsRemotely = (d: Pick<Draft, 'formats'>) => d.formats.some((f) => f !== 'in-person');
export const meetsInPerson = (d: Pick<Draft, 'formats'>) => d.formats.includes('in-person');

/** Whether any input for a part of the group (`organisation`) has something in it. */
function someAnswered(d: Draft, part: string): boolean {
  return (Object.keys(REGISTRATION_FORM) as DraftKey[]).some(
    (key) => REGISTRATION_FORM[key].path[1] === part && String(d[key]).trim() !== '',
  );
}

/** A part of the request only some groups are asked about, and what is sent when it is not asked. */
export interface AskedWhen {
  asked(draft: Draft): boolean;
  /** Sent instead when not asked (for a rule on one field); by default the part is left out. */
  otherwise?: unknown;
}

/**
 * Parts of the request the form asks about only for some answers, by path
 * (`group.location`): every field under one is asked only when it holds.
 * A field added under a part follows its part's rule. A question not asked
 * starts unanswered in a draft from a published group.
 */
export const ASKED_WHEN: Readonly<Record<string, AskedWhen>> = {
  // An organisation is optional as a whole: left out unless one of its inputs is answered.
  'group.organisation': { asked: (d) => someAnswered(d, 'organisation') },
  'group.location': { asked: meetsInPerson },
  // Only a remote group can serve everywhere; unanswered counts as "no" for an in-person one.
  'group.servesEverywhere': { asked: meetsRemotely, otherwise: false },
  'group.serviceArea': { asked: (d) => meetsRemotely(d) && d.servesEverywhere === 'no' },
};
