// Drafts of <peer-group-form> as a leader leaves them in the tab's
// sessionStorage, for stories that are not about typing.
import { emptyDraft, type Draft } from '../../src/elements/group-form/draft.js';

/** A draft a leader has filled in completely, for stories that are not about typing. */
export function completeDraft(name: string, overrides: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(),
    name,
    summary: 'A friendly monthly group for adults with type 2 diabetes.',
    conditions: ['type2'],
    audiences: ['adults'],
    model: 'support-group',
    languages: ['en'],
    purpose: 'Sharing what helps day to day.',
    attendees: 'Adults with type 2 diabetes.',
    familyWelcome: 'yes',
    clinicalEducation: 'no',
    leaderTraining: 'A peer support course.',
    professionalsInvolved: 'no',
    memberExpectations: 'Come when you can.',
    cost: 'free',
    formats: ['in-person'],
    town: 'Truro',
    postcode: 'TR1 2AA',
    country: 'GB',
    scheduleDescription: 'First Tuesday of the month, 7pm',
    timeZone: 'Europe/London',
    leaders: ['peer'],
    registrantName: 'Pat Leader',
    registrantEmail: 'pat@example.org',
    consentStoreData: true,
    consentNoMedicalAdvice: true,
    ...overrides,
  };
}

export const storageKey = (apiUrl: string, group = 'new') => `peer-group-form:${apiUrl}:${group}`;

/** Puts a draft in this tab's storage, as if the leader had typed it before a reload. */
export function keepDraft(apiUrl: string, draft: Draft, idempotencyKey = crypto.randomUUID(), group = 'new') {
  sessionStorage.setItem(storageKey(apiUrl, group), JSON.stringify({ draft, idempotencyKey }));
  return idempotencyKey;
}
