import { localNow, meetingInstant, type Country, type Group, type RegistrationInput } from '../../schema/index.js';
import {
  ASKED_WHEN,
  REGISTRATION_FORM,
  type Draft,
  type DraftKey,
  ruleToDraft,
  type FormField,
  type RegistrationPath,
} from '../../schema/registration-form.js';
import type { RecurrenceRule } from '../../schema/index.js';

export {
  meetsInPerson,
  meetsRemotely,
  type Draft,
  type DraftException,
  type DraftKey,
  type DraftMeeting,
  type DraftRule,
  type YesNo,
} from '../../schema/registration-form.js';

/** The yes/no questions among the 8, with the draft fields holding their answer and details. */
export const YES_NO_QUESTIONS = [
  { key: 'familyWelcome', details: 'familyWelcomeDetails' },
  { key: 'clinicalEducation', details: 'clinicalEducationDetails' },
  { key: 'professionalsInvolved', details: 'professionalsInvolvedDetails' },
] as const satisfies readonly { key: DraftKey; details: DraftKey }[];

/** The draft's fields in the form's order. */
export const DRAFT_KEYS = Object.keys(REGISTRATION_FORM) as DraftKey[];

const fieldOf = (key: DraftKey) => REGISTRATION_FORM[key] as FormField<unknown>;

/** Builds a draft one field at a time. */
function draftOf(value: (key: DraftKey, field: FormField<unknown>) => unknown): Draft {
  return Object.fromEntries(DRAFT_KEYS.map((key) => [key, value(key, fieldOf(key))])) as Draft;
}

/** The rules (`ASKED_WHEN`) of the parts a path lies in, outermost first. */
function rulesFor(path: RegistrationPath) {
  return path.map((_, i) => ASKED_WHEN[path.slice(0, i + 1).join('.')]).filter((rule) => rule !== undefined);
}

const isAsked = (d: Draft, key: DraftKey) => rulesFor(fieldOf(key).path).every((rule) => rule.asked(d));

export function emptyDraft(country: Country = 'GB'): Draft {
  return draftOf((_, field) => field.empty(country));
}

/**
 * A draft as sessionStorage kept it, laid over an empty one (inputs added
 * since start empty). Drafts saved before the form edited rules hold the
 * API's rules (`start`, numbers): those become the inputs' strings.
 */
export function keptDraft(saved: Partial<Record<DraftKey, unknown>>): Draft {
  const draft = { ...emptyDraft(), ...saved } as Draft;
  const rules = Array.isArray(saved.scheduleRules) ? (saved.scheduleRules as unknown[]) : [];
  draft.scheduleRules = rules.map((r) =>
    r && typeof r === 'object' && 'start' in r ? ruleToDraft(r as RecurrenceRule) : (r as Draft['scheduleRules'][number]),
  );
  return draft;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** A draft that starts from a published group, for a leader asking to change it. */
export function draftFromGroup(group: Group): Draft {
  const empty = emptyDraft(group.location?.country);
  const draft = draftOf((key, field) => {
    const value = field.path[0] === 'group' ? valueAt(group, field.path.slice(1)) : undefined;
    return value === undefined ? empty[key] : field.fromGroup(value);
  });
  // A question the form would not ask this group starts unanswered.
  for (const key of DRAFT_KEYS) if (!isAsked(draft, key)) (draft as Record<DraftKey, unknown>)[key] = empty[key];
  // Exceptions and one-off meetings already over are history: they are not sent back (the API refuses past dates).
  const zone = group.schedule.timeZone;
  const today = localNow(zone).slice(0, 10);
  draft.scheduleExceptions = draft.scheduleExceptions.filter((x) => x.date >= today);
  draft.meetings = draft.meetings.filter((m) => meetingInstant(`${m.date}T${m.time}`, zone) > Date.now());
  return draft;
}

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
 * undefined, so the schema reports them with its own messages; parts the
 * form does not ask this group about are left out.
 */
export function toRegistrationInput(d: Draft, updatesGroupId?: string): UncheckedRegistration {
  const body: Record<string, unknown> = {};
  for (const key of DRAFT_KEYS) {
    const { path, toInput } = fieldOf(key);
    const unasked = rulesFor(path).find((rule) => !rule.asked(d));
    if (unasked && unasked.otherwise === undefined) continue;
    // Every part on the way is there, even when the answer is not: the schema then names the missing answer.
    let parent = body;
    for (const k of path.slice(0, -1)) parent = (parent[k] ??= {}) as Record<string, unknown>;
    const value = unasked ? unasked.otherwise : toInput(d[key]);
    if (value !== undefined) parent[path.at(-1)!] = value;
  }
  if (updatesGroupId !== undefined) body.updatesGroupId = updatesGroupId;
  return body as UncheckedRegistration;
}
