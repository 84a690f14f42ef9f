/**
 * Schema-valid test data. Each builder returns a complete, realistic record
 * that the shared schema accepts; tests override only what their story is
 * about. Builders parse their result, so an override that breaks the schema
 * fails loudly where it is written rather than deep inside the code under test.
 */
import { registrationInputSchema, storedGroupSchema, type Group, type RegistrationInput } from 'peer-directory/schema';

let counter = 0;
/** A fresh id for each call, so tests sharing a store never collide. */
export function uniqueId(prefix = 'group'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * A published group meeting face to face in Leeds, for adults with type 2
 * diabetes. Nested objects in `overrides` are merged, arrays replaced;
 * pass `location: undefined` for a group that meets only online.
 */
export function makeGroup(overrides: DeepPartial<Group> = {}): Group {
  const base: Group = {
    id: uniqueId(),
    name: 'Leeds Type 2 Together',
    summary: 'A friendly monthly meeting for adults living with type 2 diabetes.',
    organisation: { name: 'Leeds Diabetes Network', website: 'https://leeds-diabetes.example.org' },
    conditions: ['type2'],
    audiences: ['adults'],
    formats: ['in-person'],
    model: 'support-group',
    functions: ['social-emotional', 'daily-management'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose: 'To share what works in daily life with type 2 diabetes.',
      attendees: 'Adults with type 2 diabetes, newly diagnosed or not.',
      familyWelcome: { answer: true, details: 'Partners are welcome.' },
      clinicalEducation: { answer: false },
      leaderTraining: 'Our leaders completed a peer-support course.',
      professionalsInvolved: { answer: false },
      memberExpectations: 'Come when you can; listen and share.',
      cost: { free: true },
    },
    location: {
      venue: 'Central Library, Room 2',
      town: 'Leeds',
      postcode: 'LS1 3AB',
      country: 'GB',
      lat: 53.7997,
      lng: -1.5492,
    },
    servesEverywhere: false,
    schedule: {
      timeZone: 'Europe/London',
      // First Tuesday of the month, 6pm to 7.30pm, from 2099: in the future whenever tests run.
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 1, start: '2099-12-01T18:00', durationMinutes: 90 }],
      exceptions: [],
      meetings: [],
    },
    contact: { email: 'hello@leeds-diabetes.example.org' },
    principles: [],
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
  return storedGroupSchema.parse(merge(base, overrides));
}

/**
 * A leader's registration of a new group, with consent given, as
 * `POST /v1/registrations` receives it once validated.
 */
export function makeRegistrationInput(overrides: DeepPartial<RegistrationInput> = {}): RegistrationInput {
  const { id: _id, updatedAt: _updatedAt, ...group } = makeGroup({ name: 'Bradford Parents of Type 1 Kids' });
  const base: RegistrationInput = {
    group: { ...group, conditions: ['type1'], audiences: ['parents-carers'] },
    registrant: { name: 'Asha Patel', email: 'asha@example.org', role: 'Group leader' },
    consent: { storeData: true, noMedicalAdvice: true },
  };
  return registrationInputSchema.parse(merge(base, overrides));
}

function merge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return (overrides === undefined ? base : overrides) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    // An explicit undefined removes the field (e.g. an online-only group has no location).
    if (value === undefined) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
