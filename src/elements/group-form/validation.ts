import { msg } from '@lit/localize';
import { recognisePlace, registrationInputSchema, type FieldError as ApiFieldError, type RegistrationInput } from '../../schema/index.js';
import { REGISTRATION_FORM } from '../../schema/registration-form.js';
import type { RuleProblem } from '../../schema/index.js';
import { DRAFT_KEYS, meetsInPerson, toRegistrationInput, type Draft, type DraftKey } from './draft.js';
import {
  checkAnswerMessage,
  controlCharactersMessage,
  FIELD_MESSAGES,
  clockChangeMessage,
  dayOffDateMessage,
  meetingDurationMessage,
  ruleProblemMessage,
  rulePartMessage,
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

/** Which draft field answers each part of the request, from the form's table. */
const FIELD_FOR_PATH: ReadonlyMap<string, DraftKey> = /* @__PURE__ */ new Map(
  DRAFT_KEYS.map((key) => [REGISTRATION_FORM[key].path.join('.'), key]),
);

/** The id of an option input: `conditions-0`, `cost-1`... */
export const optionId = (key: DraftKey, index: number) => `${key}-${index}`;
/** The id of one part of a planned meeting. */
export const meetingId = (index: number, part: 'date' | 'time' | 'duration' | 'remove') => `meeting-${index}-${part}`;
/** The id of one input of a recurrence rule. */
export type RulePart = 'repeat' | 'week' | 'weekday' | 'date' | 'time' | 'duration' | 'until' | 'remove';
export const ruleId = (index: number, part: RulePart) => `rule-${index}-${part}`;
/** The id of one input of a date off. */
export const exceptionId = (index: number, part: 'date' | 'note' | 'remove') => `off-${index}-${part}`;

/** Which input of a rule answers each part of it (an end given as a number of meetings: the last date's). */
const RULE_INPUT: Readonly<Record<string, RulePart>> = {
  frequency: 'repeat',
  interval: 'repeat',
  weekday: 'weekday',
  weekOfMonth: 'week',
  start: 'date',
  durationMinutes: 'duration',
  until: 'until',
  count: 'until',
};

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
  if (a === 'group' && b === 'schedule' && typeof index === 'number') {
    const nested = { index, part: String(part) };
    if (c === 'meetings') {
      const which = part === 'durationMinutes' ? 'duration' : 'date';
      return { key: 'meetings', target: meetingId(index, which), meeting: nested };
    }
    if (c === 'rules') return { key: 'scheduleRules', target: ruleId(index, RULE_INPUT[String(part)] ?? 'repeat'), meeting: nested };
    if (c === 'exceptions') {
      return { key: 'scheduleExceptions', target: exceptionId(index, part === 'note' ? 'note' : 'date'), meeting: nested };
    }
  }
  const at = (key: DraftKey) => ({ key, target: LIST_TARGETS[key] ?? (REGISTRATION_FORM[key].choice ? optionId(key, 0) : key) });
  for (let n = path.length; n > 0; n--) {
    const key = FIELD_FOR_PATH.get(path.slice(0, n).join('.'));
    if (key) return at(key);
  }
  // A whole part missing (no location for a group that meets in person): its first field, in form order.
  const prefix = `${path.join('.')}.`;
  const inside = [...FIELD_FOR_PATH].filter(([p]) => p.startsWith(prefix)).map(([, key]) => key);
  const first = DRAFT_KEYS.find((key) => inside.includes(key));
  return first ? at(first) : undefined;
}

/** A problem with a whole list points at its "add" button. */
const LIST_TARGETS: Partial<Record<DraftKey, string>> = {
  meetings: 'add-meeting',
  scheduleRules: 'add-rule',
  scheduleExceptions: 'add-day-off',
};

interface Issue {
  code: string;
  path: Path;
  origin?: string;
  maximum?: number | bigint;
  params?: { meeting?: 'past' | 'clock-change'; rule?: RuleProblem };
}

function messageFor(issue: Issue, key: DraftKey, value: unknown, part?: string): string {
  const field = FIELD_MESSAGES[key];
  if (part === 'durationMinutes') return meetingDurationMessage();
  if (issue.params?.meeting) return issue.params.meeting === 'past' ? pastMeetingMessage() : clockChangeMessage();
  if (issue.params?.rule) return ruleProblemMessage(issue.params.rule);
  if (key === 'scheduleRules' && part !== undefined && issue.code !== 'too_big') return rulePartMessage(part);
  if (key === 'scheduleExceptions' && part === 'date') return dayOffDateMessage();
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
  const rank = (e: FormError) => DRAFT_KEYS.indexOf(e.key);
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
      errors.push({
        key: place.key,
        target: place.target,
        message: messageFor(issue, place.key, valueAt(input, issue.path), place.meeting?.part),
      });
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
