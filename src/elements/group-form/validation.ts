import { msg } from '@lit/localize';
import { recognisePlace, registrationInputSchema, type FieldError as ApiFieldError, type RegistrationInput } from '../../schema/index.js';
import { emptyDraft, meetsInPerson, toRegistrationInput, type Draft, type DraftKey } from './draft.js';
import {
  checkAnswerMessage,
  controlCharactersMessage,
  FIELD_MESSAGES,
  meetingDurationMessage,
  onlyRemoteEverywhereMessage,
  postcodeFormatMessage,
  tooLongMessage,
  tooManyMeetingsMessage,
  unknownPostcodeMessage,
} from './messages.js';

/** One problem with the form: which draft field, which input to focus, and what to say. */
export interface FormError {
  key: DraftKey;
  /** The id of the input the error summary links to (the first option of a group of radios or checkboxes). */
  target: string;
  message: string;
}

type Path = readonly PropertyKey[];

/** Where each part of the request comes from in the draft. */
const FIELD_FOR_PATH: Record<string, DraftKey> = {
  'group.name': 'name',
  'group.summary': 'summary',
  'group.organisation.name': 'organisationName',
  'group.organisation.website': 'organisationWebsite',
  'group.conditions': 'conditions',
  'group.audiences': 'audiences',
  'group.model': 'model',
  'group.functions': 'functions',
  'group.languages': 'languages',
  'group.principles': 'principles',
  'group.answers.purpose': 'purpose',
  'group.answers.attendees': 'attendees',
  'group.answers.familyWelcome.answer': 'familyWelcome',
  'group.answers.familyWelcome.details': 'familyWelcomeDetails',
  'group.answers.clinicalEducation.answer': 'clinicalEducation',
  'group.answers.clinicalEducation.details': 'clinicalEducationDetails',
  'group.answers.leaderTraining': 'leaderTraining',
  'group.answers.professionalsInvolved.answer': 'professionalsInvolved',
  'group.answers.professionalsInvolved.details': 'professionalsInvolvedDetails',
  'group.answers.memberExpectations': 'memberExpectations',
  'group.answers.cost.free': 'cost',
  'group.answers.cost.details': 'costDetails',
  'group.formats': 'formats',
  'group.location.venue': 'venue',
  'group.location.address': 'address',
  'group.location.town': 'town',
  'group.location.region': 'region',
  'group.location.postcode': 'postcode',
  'group.location.country': 'country',
  'group.location': 'town',
  'group.servesEverywhere': 'servesEverywhere',
  'group.serviceArea': 'serviceArea',
  'group.schedule.description': 'scheduleDescription',
  'group.schedule.timeZone': 'timeZone',
  'group.schedule.meetings': 'meetings',
  'group.leaders': 'leaders',
  'group.contact.email': 'contactEmail',
  'group.contact.phone': 'contactPhone',
  'group.contact.website': 'contactWebsite',
  'registrant.name': 'registrantName',
  'registrant.email': 'registrantEmail',
  'registrant.phone': 'registrantPhone',
  'registrant.role': 'registrantRole',
  'consent.storeData': 'consentStoreData',
  'consent.noMedicalAdvice': 'consentNoMedicalAdvice',
};

/** Fields answered by choosing: the summary links to their first option. */
const CHOICES = new Set<DraftKey>([
  'conditions',
  'audiences',
  'model',
  'functions',
  'languages',
  'principles',
  'familyWelcome',
  'clinicalEducation',
  'professionalsInvolved',
  'cost',
  'formats',
  'servesEverywhere',
  'leaders',
]);

/** The id of an option input: `conditions-0`, `cost-1`... */
export const optionId = (key: DraftKey, index: number) => `${key}-${index}`;
/** The id of one part of a planned meeting. */
export const meetingId = (index: number, part: 'date' | 'time' | 'duration' | 'remove') => `meeting-${index}-${part}`;

const FORM_ORDER = Object.keys(emptyDraft()) as DraftKey[];

/** The postcode (GB) or ZIP code (US) recognised in what was typed, if it is one. */
function postcodeOf(value: string, country: string): string | undefined {
  const place = recognisePlace(value);
  return place?.kind === (country === 'US' ? 'zip' : 'postcode') ? place.value : undefined;
}

/** Whether a postcode (GB) or ZIP code (US) is well formed. */
export function postcodeIsValid(value: string, country: string): boolean {
  return postcodeOf(value, country) !== undefined;
}

/** A postcode as the directory writes it: `sw1a1aa` → `SW1A 1AA`. */
export function normalisePostcode(value: string, country: string): string {
  const trimmed = value.trim();
  return postcodeOf(value, country) ?? (country === 'US' ? trimmed : trimmed.toUpperCase());
}

function valueAt(input: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
}

const isEmpty = (v: unknown) => v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

/** Finds the draft field for a path, trying shorter paths for parts nested below a field. */
function locate(path: Path): { key: DraftKey; target: string; meeting?: { index: number; part: string } } | undefined {
  const [a, b, c, index, part] = path;
  if (a === 'group' && b === 'schedule' && c === 'meetings' && typeof index === 'number') {
    const which = part === 'durationMinutes' ? 'duration' : 'date';
    return { key: 'meetings', target: meetingId(index, which), meeting: { index, part: String(part) } };
  }
  for (let n = path.length; n > 0; n--) {
    const key = FIELD_FOR_PATH[path.slice(0, n).join('.')];
    if (key) {
      const target = key === 'meetings' ? 'add-meeting' : CHOICES.has(key) ? optionId(key, 0) : key;
      return { key, target };
    }
  }
  return undefined;
}

interface Issue {
  code: string;
  path: Path;
  origin?: string;
  maximum?: number | bigint;
}

function messageFor(issue: Issue, key: DraftKey, value: unknown, part?: string): string {
  const field = FIELD_MESSAGES[key];
  if (part === 'durationMinutes') return meetingDurationMessage();
  if (issue.path.join('.') === 'group.location') return msg('Enter where the group meets');
  if (key === 'servesEverywhere' && issue.code === 'custom') return onlyRemoteEverywhereMessage();
  switch (issue.code) {
    case 'too_big': {
      const max = new Intl.NumberFormat().format(Number(issue.maximum));
      return issue.origin === 'array' ? tooManyMeetingsMessage(max) : tooLongMessage(max);
    }
    case 'custom':
      return controlCharactersMessage();
    case 'invalid_format':
      return (isEmpty(value) ? field?.required?.() : undefined) ?? field?.format?.() ?? checkAnswerMessage();
    default:
      return field?.required?.() ?? field?.format?.() ?? checkAnswerMessage();
  }
}

function inFormOrder(errors: FormError[]): FormError[] {
  const rank = (e: FormError) => FORM_ORDER.indexOf(e.key);
  // Array.prototype.sort is stable, so meetings keep their own order.
  return errors.sort((x, y) => rank(x) - rank(y));
}

/** One message per input: the first problem found with it is the one to fix first. */
function oncePerTarget(errors: FormError[]): FormError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.target) && seen.add(e.target));
}

/**
 * Checks the draft with the API's own schema (`registrationInputSchema`),
 * plus the postcode format, which only the browser can check before sending.
 * Returns the request body when all is well, else the problems in form order.
 */
export function validate(
  draft: Draft,
  updatesGroupId?: string,
): { input: RegistrationInput; errors: [] } | { input?: undefined; errors: FormError[] } {
  const input = toRegistrationInput(draft, updatesGroupId);
  const errors: FormError[] = [];
  const result = registrationInputSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      // The honeypot is for bots: people never see it, so never tell them about it.
      if (issue.path[0] === 'trap') continue;
      const place = locate(issue.path);
      if (!place) continue;
      errors.push({ key: place.key, target: place.target, message: messageFor(issue, place.key, valueAt(input, issue.path), place.meeting?.part) });
    }
  }
  if (meetsInPerson(draft) && !errors.some((e) => e.key === 'postcode')) {
    if (draft.postcode.trim() === '') {
      errors.push({ key: 'postcode', target: 'postcode', message: FIELD_MESSAGES.postcode!.required!() });
    } else if (!postcodeIsValid(draft.postcode, draft.country)) {
      errors.push({ key: 'postcode', target: 'postcode', message: postcodeFormatMessage(draft.country) });
    }
  }
  if (errors.length === 0 && result.success) return { input: result.data as RegistrationInput, errors: [] };
  return { errors: oncePerTarget(inFormOrder(errors)) };
}

/** `#/group/location/postcode` → `['group', 'location', 'postcode']` (JSON Pointer, RFC 6901). */
function pointerPath(pointer: string): Path {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The API's validation errors on the same fields. Its words are used as
 * sent, except for the one check only the API can make (whether a postcode
 * exists), which is said in the reader's language.
 */
export function fromApiErrors(apiErrors: readonly ApiFieldError[]): FormError[] {
  const errors: FormError[] = [];
  for (const e of apiErrors) {
    const place = locate(pointerPath(e.pointer));
    if (!place) continue;
    const message = place.key === 'postcode' ? unknownPostcodeMessage() : e.detail;
    errors.push({ key: place.key, target: place.target, message });
  }
  return oncePerTarget(inFormOrder(errors));
}
