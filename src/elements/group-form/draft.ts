import { localNow, meetingInstant, type Country, type Group, type RecurrenceRule, type RegistrationInput, type ScheduleException } from '../../schema/index.js';

const today = (zone: string) => localNow(zone).slice(0, 10);

/** A yes/no radio pair before and after it is answered. */
export type YesNo = '' | 'yes' | 'no';

/** One planned meeting as the form holds it: separate date and time inputs. */
export interface DraftMeeting {
  date: string;
  time: string;
  durationMinutes: string;
}

/**
 * Everything the form holds, as the inputs hold it: strings, choices and
 * ticks. It is what is kept in sessionStorage, so it must stay plain JSON;
 * `toRegistrationInput` turns it into what the API accepts.
 */
export interface Draft {
  name: string;
  summary: string;
  organisationName: string;
  organisationWebsite: string;
  conditions: string[];
  audiences: string[];
  model: string;
  functions: string[];
  languages: string[];
  principles: string[];

  purpose: string;
  attendees: string;
  familyWelcome: YesNo;
  familyWelcomeDetails: string;
  clinicalEducation: YesNo;
  clinicalEducationDetails: string;
  leaderTraining: string;
  professionalsInvolved: YesNo;
  professionalsInvolvedDetails: string;
  memberExpectations: string;
  cost: '' | 'free' | 'fee';
  costDetails: string;

  formats: string[];
  venue: string;
  address: string;
  town: string;
  region: string;
  postcode: string;
  country: Country;
  servesEverywhere: YesNo;
  serviceArea: string;
  /** Words rules cannot say (the schedule's `note`). */
  scheduleDescription: string;
  timeZone: string;
  /** The schedule's rules and exceptions, kept as they are until the form edits rules. */
  scheduleRules: RecurrenceRule[];
  scheduleExceptions: ScheduleException[];
  meetings: DraftMeeting[];

  leaders: string[];

  contactEmail: string;
  contactPhone: string;
  contactWebsite: string;

  registrantName: string;
  registrantEmail: string;
  registrantPhone: string;
  registrantRole: string;

  consentStoreData: boolean;
  consentNoMedicalAdvice: boolean;

  /** The honeypot: people never see it, so it stays empty unless a bot fills it. */
  website2: string;
}

export type DraftKey = keyof Draft;

/** The yes/no questions among the 8, with the draft fields holding their answer and details. */
export const YES_NO_QUESTIONS = [
  { key: 'familyWelcome', details: 'familyWelcomeDetails' },
  { key: 'clinicalEducation', details: 'clinicalEducationDetails' },
  { key: 'professionalsInvolved', details: 'professionalsInvolvedDetails' },
] as const satisfies readonly { key: DraftKey; details: DraftKey }[];

/** The time zone the browser is in, when the directory covers it; else the UK's. */
function defaultTimeZone(country: Country): string {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (country === 'US') return here.startsWith('America/') || here === 'Pacific/Honolulu' ? here : 'America/New_York';
  return 'Europe/London';
}

export function emptyDraft(country: Country = 'GB'): Draft {
  return {
    name: '',
    summary: '',
    organisationName: '',
    organisationWebsite: '',
    conditions: [],
    audiences: [],
    model: '',
    functions: [],
    languages: [],
    principles: [],
    purpose: '',
    attendees: '',
    familyWelcome: '',
    familyWelcomeDetails: '',
    clinicalEducation: '',
    clinicalEducationDetails: '',
    leaderTraining: '',
    professionalsInvolved: '',
    professionalsInvolvedDetails: '',
    memberExpectations: '',
    cost: '',
    costDetails: '',
    formats: [],
    venue: '',
    address: '',
    town: '',
    region: '',
    postcode: '',
    country,
    servesEverywhere: '',
    serviceArea: '',
    scheduleDescription: '',
    timeZone: defaultTimeZone(country),
    scheduleRules: [],
    scheduleExceptions: [],
    meetings: [],
    leaders: [],
    contactEmail: '',
    contactPhone: '',
    contactWebsite: '',
    registrantName: '',
    registrantEmail: '',
    registrantPhone: '',
    registrantRole: '',
    consentStoreData: false,
    consentNoMedicalAdvice: false,
    website2: '',
  };
}

const yesNo = (answer: boolean): YesNo => (answer ? 'yes' : 'no');

/** A draft that starts from a published group, for a leader asking to change it. */
export function draftFromGroup(group: Group): Draft {
  const a = group.answers;
  const loc = group.location;
  return {
    ...emptyDraft(loc?.country),
    name: group.name,
    summary: group.summary,
    organisationName: group.organisation?.name ?? '',
    organisationWebsite: group.organisation?.website ?? '',
    conditions: [...group.conditions],
    audiences: [...group.audiences],
    model: group.model,
    functions: [...group.functions],
    languages: [...group.languages],
    principles: [...group.principles],
    purpose: a.purpose,
    attendees: a.attendees,
    familyWelcome: yesNo(a.familyWelcome.answer),
    familyWelcomeDetails: a.familyWelcome.details ?? '',
    clinicalEducation: yesNo(a.clinicalEducation.answer),
    clinicalEducationDetails: a.clinicalEducation.details ?? '',
    leaderTraining: a.leaderTraining,
    professionalsInvolved: yesNo(a.professionalsInvolved.answer),
    professionalsInvolvedDetails: a.professionalsInvolved.details ?? '',
    memberExpectations: a.memberExpectations,
    cost: a.cost.free ? 'free' : 'fee',
    costDetails: a.cost.details ?? '',
    formats: [...group.formats],
    venue: loc?.venue ?? '',
    address: loc?.address ?? '',
    town: loc?.town ?? '',
    region: loc?.region ?? '',
    postcode: loc?.postcode ?? '',
    servesEverywhere: group.formats.some((f) => f !== 'in-person') ? yesNo(group.servesEverywhere) : '',
    serviceArea: group.serviceArea ?? '',
    scheduleDescription: group.schedule.note ?? '',
    timeZone: group.schedule.timeZone,
    scheduleRules: group.schedule.rules,
    // Exceptions and one-off meetings already over are history: they are not sent back (the API refuses past dates).
    scheduleExceptions: group.schedule.exceptions.filter((x) => x.date >= today(group.schedule.timeZone)),
    meetings: group.schedule.meetings.filter((m) => meetingInstant(m.start, group.schedule.timeZone) > Date.now()).map((m) => ({
      date: m.start.slice(0, 10),
      time: m.start.slice(11, 16),
      durationMinutes: String(m.durationMinutes),
    })),
    leaders: [...group.leaders],
    contactEmail: group.contact.email ?? '',
    contactPhone: group.contact.phone ?? '',
    contactWebsite: group.contact.website ?? '',
  };
}

/** Whether the group meets online or by telephone (and so may serve people anywhere). */
export const meetsRemotely = (d: Draft) => d.formats.some((f) => f !== 'in-person');
export const meetsInPerson = (d: Draft) => d.formats.includes('in-person');

// Optional values are left out when empty: the schema treats absent as "not given",
// while an empty email or web address would be a format error.
const optional = (s: string) => (s.trim() === '' ? undefined : s);
const answer = (v: YesNo) => (v === '' ? undefined : v === 'yes');

/**
 * The registration schema's input, as a form holds it before it is checked:
 * any part may be missing and any code may be any text. The schema, not the
 * type, judges it (`registrationInputSchema.safeParse`).
 */
export type UncheckedRegistration = Unchecked<RegistrationInput>;
type Unchecked<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends readonly (infer U)[]
    ? Unchecked<U>[]
    : T extends object
      ? { [K in keyof T]?: Unchecked<T[K]> | undefined }
      : T;

/**
 * The request body the draft stands for. Unanswered questions stay
 * undefined, so the schema reports them with its own messages.
 */
export function toRegistrationInput(d: Draft, updatesGroupId?: string): UncheckedRegistration {
  const remote = meetsRemotely(d);
  return {
    group: {
      name: d.name,
      summary: d.summary,
      organisation:
        optional(d.organisationName) || optional(d.organisationWebsite)
          ? { name: d.organisationName, website: optional(d.organisationWebsite) }
          : undefined,
      conditions: d.conditions,
      audiences: d.audiences,
      formats: d.formats,
      model: d.model,
      functions: d.functions,
      leaders: d.leaders,
      languages: d.languages,
      answers: {
        purpose: d.purpose,
        attendees: d.attendees,
        familyWelcome: { answer: answer(d.familyWelcome), details: optional(d.familyWelcomeDetails) },
        clinicalEducation: { answer: answer(d.clinicalEducation), details: optional(d.clinicalEducationDetails) },
        leaderTraining: d.leaderTraining,
        professionalsInvolved: {
          answer: answer(d.professionalsInvolved),
          details: optional(d.professionalsInvolvedDetails),
        },
        memberExpectations: d.memberExpectations,
        cost: { free: d.cost === '' ? undefined : d.cost === 'free', details: optional(d.costDetails) },
      },
      location: meetsInPerson(d)
        ? {
            venue: optional(d.venue),
            address: optional(d.address),
            town: d.town,
            region: optional(d.region),
            postcode: optional(d.postcode),
            country: d.country,
          }
        : undefined,
      // Only a remote group can serve everywhere; unanswered counts as "no" for an in-person one.
      servesEverywhere: remote ? answer(d.servesEverywhere) : false,
      serviceArea: remote && d.servesEverywhere === 'no' ? optional(d.serviceArea) : undefined,
      schedule: {
        timeZone: d.timeZone,
        rules: d.scheduleRules,
        exceptions: d.scheduleExceptions,
        meetings: d.meetings.map((m) => ({
          start: m.date && m.time ? `${m.date}T${m.time}` : '',
          durationMinutes: Number(m.durationMinutes),
        })),
        note: optional(d.scheduleDescription),
      },
      contact: {
        email: optional(d.contactEmail),
        phone: optional(d.contactPhone),
        website: optional(d.contactWebsite),
      },
      principles: d.principles,
    },
    updatesGroupId,
    registrant: {
      name: d.registrantName,
      email: d.registrantEmail,
      phone: optional(d.registrantPhone),
      role: optional(d.registrantRole),
    },
    consent: { storeData: d.consentStoreData, noMedicalAdvice: d.consentNoMedicalAdvice },
    trap: optional(d.website2),
  };
}
