import { msg } from '@lit/localize';
import { recognisePlace, registrationInputSchema, type FieldError as ApiFieldError, type RegistrationInput } from '../../schema/index.js';
import { emptyDraft, meetsInPerson, toRegistrationInput, type Draft, type DraftKey } from './draft.js';
import {
  checkAnswerMessage,
  controlCharactersMessage,
  FIELD_MESSAGES,
  clockChangeMessage,
  meetingDurationMessage,
  pastMeetingMessage,
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

/**
 * Where each part of the request comes from in the draft, found by asking
 * `toRegistrationInput` itself rather than kept as a second table: each
 * draft field is changed in turn, from a draft that takes every branch
 * (in person and online, serving one area, run by an organisation), and the
 * parts of the request that change are that field's. A part several fields
 * move (the service area, which only an area-serving group sends) belongs
 * to the field that moves the fewest.
 */
const FIELD_FOR_PATH: ReadonlyMap<string, DraftKey> = /* @__PURE__ */ (() => {
  const base: Draft = {
    ...emptyDraft(),
    organisationName: 'a',
    formats: ['in-person', 'online'],
    servesEverywhere: 'no',
    familyWelcome: 'no',
    clinicalEducation: 'no',
    professionalsInvolved: 'no',
    cost: 'free',
  };
  const other = (key: DraftKey, v: unknown): unknown => {
    if (key === 'formats') return [...(v as string[]), 'telephone'];
    if (key === 'meetings') return [{ date: '2030-01-01', time: '10:00', durationMinutes: '60' }];
    if (Array.isArray(v)) return [...v, 'x'];
    if (typeof v === 'boolean') return !v;
    if (v === 'no') return 'yes';
    if (v === 'free') return 'fee';
    if (key === 'country') return v === 'GB' ? 'US' : 'GB';
    return `${String(v)}x`;
  };
  const leaves = (value: unknown, path: string, out: Map<string, string>) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
    } else {
      out.set(path, JSON.stringify(value));
    }
    return out;
  };
  const before = leaves(toRegistrationInput(base), '', new Map());
  const moved = new Map<string, { key: DraftKey; count: number }>();
  for (const key of Object.keys(base) as DraftKey[]) {
    const after = leaves(toRegistrationInput({ ...base, [key]: other(key, base[key]) }), '', new Map());
    const paths = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
    for (const path of paths) {
      const known = moved.get(path);
      if (!known || paths.length < known.count) moved.set(path, { key, count: paths.length });
    }
  }
  return new Map([...moved].map(([path, { key }]) => [path, key]));
})();

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
  const at = (key: DraftKey) => ({ key, target: key === 'meetings' ? 'add-meeting' : CHOICES.has(key) ? optionId(key, 0) : key });
  for (let n = path.length; n > 0; n--) {
    const key = FIELD_FOR_PATH.get(path.slice(0, n).join('.'));
    if (key) return at(key);
  }
  // A whole part missing (no location for a group that meets in person): its first field, in form order.
  const prefix = `${path.join('.')}.`;
  const inside = [...FIELD_FOR_PATH].filter(([p]) => p.startsWith(prefix)).map(([, key]) => key);
  const first = FORM_ORDER.find((key) => inside.includes(key));
  return first ? at(first) : undefined;
}

interface Issue {
  code: string;
  path: Path;
  origin?: string;
  maximum?: number | bigint;
  params?: { meeting?: 'past' | 'clock-change' };
}

function messageFor(issue: Issue, key: DraftKey, value: unknown, part?: string): string {
  const field = FIELD_MESSAGES[key];
  if (part === 'durationMinutes') return meetingDurationMessage();
  if (issue.params?.meeting) return issue.params.meeting === 'past' ? pastMeetingMessage() : clockChangeMessage();
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
  if (errors.length === 0 && result.success) return { input: result.data, errors: [] };
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
