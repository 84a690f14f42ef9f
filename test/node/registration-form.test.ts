// The registration form's draft is derived from one table beside the schema
// (src/schema/registration-form.ts). These stories hold the table to the
// schema: every part of a registration is an input or said not to be, and a
// published group survives the trip into a draft and back into a request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupInputSchema, registrationInputSchema, type Group } from 'peer-directory/schema';
import { NOT_ASKED, REGISTRATION_FORM } from '../../src/schema/registration-form.js';
import { draftFromGroup, emptyDraft, keptDraft, toRegistrationInput } from '../../src/elements/group-form/draft.js';
import { validate } from '../../src/elements/group-form/validation.js';
import { completeDraft } from '../elements/draft-fixture.js';
import { sampleGroups } from '../../server/src/sample/sample-groups.js';
import { makeGroup } from '../support/fixtures.js';

interface SchemaNode {
  _zod: { def: { type: string; innerType?: SchemaNode; shape?: Record<string, SchemaNode> } };
}

/** Every part of a schema that holds a value (not an object), as `group.location.town`. */
function partsOf(schema: SchemaNode, path: string[] = []): string[] {
  const { type, innerType, shape } = schema._zod.def;
  if (type === 'optional') return partsOf(innerType!, path);
  if (type === 'object') return Object.entries(shape!).flatMap(([k, v]) => partsOf(v, [...path, k]));
  return [path.join('.')];
}

/**
 * What a leader would send to describe a published group again: no id, time
 * or coordinates, and a place only for a group that meets in person (the form
 * asks where only those meet; sample telephone groups carry one for search).
 */
function asSubmitted(group: Group): unknown {
  const { id: _id, updatedAt: _at, location, ...rest } = group;
  if (!location || !group.formats.includes('in-person')) return rest;
  const { lat: _lat, lng: _lng, ...place } = location;
  return { ...rest, location: place };
}

describe('the registration form’s table', () => {
  it('has an input for every part of a registration, or says why not', () => {
    const asked = Object.values(REGISTRATION_FORM).map((f) => f.path.join('.'));
    assert.deepEqual(
      [...asked, ...NOT_ASKED].sort(),
      partsOf(registrationInputSchema as unknown as SchemaNode).sort(),
      'a part added to the schema needs its line in REGISTRATION_FORM (or NOT_ASKED)',
    );
    assert.equal(new Set(asked).size, asked.length, 'each part has one input');
  });

  it('turns every sample group into a draft that sends the group back unchanged', () => {
    const groups = [
      ...sampleGroups(new Date('2026-06-01T12:00:00Z')),
      makeGroup(),
      makeGroup({ location: undefined, formats: ['online'] }),
    ];
    const kinds = new Set<string>();
    for (const group of groups) {
      const draft = draftFromGroup(group);
      // Through JSON, as the draft store keeps it and as the request is sent.
      const sent = JSON.parse(JSON.stringify(toRegistrationInput(JSON.parse(JSON.stringify(draft)), group.id))) as { group: unknown };
      assert.deepEqual(groupInputSchema.parse(sent.group), asSubmitted(group), group.name);
      kinds.add(`${group.formats.join('+')}:${group.servesEverywhere}:${!!group.organisation}:${group.schedule.meetings.length > 0}`);
    }
    assert.ok(kinds.size >= 4, `groups of several kinds were tried: ${[...kinds].join(', ')}`);
  });

  it('reads drafts kept in sessionStorage by the version before the table', () => {
    // A draft as that version saved it: every name must still mean the same input, holding the same kind of value.
    const kept = {
      name: 'Truro Type 2',
      summary: 'Monthly.',
      organisationName: '',
      organisationWebsite: '',
      conditions: ['type2'],
      audiences: ['adults'],
      model: 'support-group',
      functions: [],
      languages: ['en'],
      principles: [],
      purpose: 'p',
      attendees: 'a',
      familyWelcome: 'yes',
      familyWelcomeDetails: '',
      clinicalEducation: 'no',
      clinicalEducationDetails: '',
      leaderTraining: 't',
      professionalsInvolved: 'no',
      professionalsInvolvedDetails: '',
      memberExpectations: 'm',
      cost: 'free',
      costDetails: '',
      formats: ['in-person'],
      venue: '',
      address: '',
      town: 'Truro',
      region: '',
      postcode: 'TR1 2AA',
      country: 'GB',
      servesEverywhere: '',
      serviceArea: '',
      scheduleDescription: 'First Tuesday',
      timeZone: 'Europe/London',
      meetings: [{ date: '2030-01-07', time: '19:00', durationMinutes: '90' }],
      leaders: ['peer'],
      contactEmail: '',
      contactPhone: '',
      contactWebsite: '',
      registrantName: 'Pat',
      registrantEmail: 'pat@example.org',
      registrantPhone: '',
      registrantRole: '',
      consentStoreData: true,
      consentNoMedicalAdvice: true,
      website2: '',
    };
    const empty = emptyDraft();
    // Inputs added since (the schedule's rules and exceptions) start empty: the draft store lays a kept draft over an empty one.
    for (const [key, value] of Object.entries(kept)) {
      assert.equal(typeof value, typeof empty[key as keyof typeof empty], key);
    }
    const input = registrationInputSchema.parse(toRegistrationInput({ ...empty, ...kept } as typeof empty));
    assert.deepEqual(input.group.schedule.meetings, [{ start: '2030-01-07T19:00', durationMinutes: 90 }]);
  });

  it('leaves out what the form does not ask, and names every unanswered question', () => {
    const input = toRegistrationInput({ ...emptyDraft(), formats: ['online'] });
    assert.equal(input.group?.location, undefined, 'no venue for a group that meets online');
    assert.equal(input.group?.organisation, undefined, 'no organisation unless one is named');
    assert.equal(toRegistrationInput(emptyDraft()).group?.servesEverywhere, false, 'an in-person group never serves everywhere');
    const issues = registrationInputSchema.safeParse(input).error!.issues.map((i) => i.path.join('.'));
    for (const part of [
      'group.name',
      'group.answers.familyWelcome.answer',
      'group.answers.cost.free',
      'group.servesEverywhere',
      'registrant.name',
      'consent.storeData',
    ]) {
      assert.ok(issues.includes(part), `${part} is reported`);
    }
  });

  it('reads drafts kept by the version that passed rules through as the API’s, and sends the same rules', () => {
    const rule = {
      frequency: 'monthly',
      interval: 1,
      weekday: 'TU',
      weekOfMonth: 1,
      start: '2030-01-01T19:00',
      durationMinutes: 90,
      count: 6,
    } as const;
    const kept = { ...emptyDraft(), scheduleRules: [rule], scheduleExceptions: [{ date: '2030-02-05', note: 'Hall shut' }] };
    const draft = keptDraft(JSON.parse(JSON.stringify(kept)));
    assert.deepEqual(draft.scheduleRules[0], {
      repeat: 'monthly-1',
      weekday: 'TU',
      weekOfMonth: '1',
      date: '2030-01-01',
      time: '19:00',
      durationMinutes: '90',
      until: '',
      count: '6',
    });
    const sent = toRegistrationInput(draft).group?.schedule;
    assert.deepEqual(sent?.rules, [rule]);
    assert.deepEqual(sent?.exceptions, [{ date: '2030-02-05', note: 'Hall shut' }]);
  });

  it('points each problem with a regular meeting at its own input', () => {
    const blank = { repeat: '', weekday: '', weekOfMonth: '', date: '', time: '', durationMinutes: '90', until: '', count: '' };
    const errorsFor = (rule: Partial<typeof blank>, more: object = {}) => {
      // Otherwise complete: some checks (a first date in the past) run once the rest of the registration holds.
      const draft = completeDraft('Truro rules', { scheduleRules: [{ ...blank, ...rule }], ...more });
      return Object.fromEntries(
        validate(draft)
          .errors.filter((e) => e.key.startsWith('schedule'))
          .map((e) => [e.target, e.message]),
      );
    };
    assert.deepEqual(errorsFor({ weekday: 'TU', date: '2030-01-01' }), {
      'rule-0-repeat': 'Choose how often the group meets',
      'rule-0-date': 'Enter the date and time of the first meeting',
    });
    // Whether the parts fit together is checked once each is there.
    assert.deepEqual(errorsFor({ repeat: 'monthly-1', weekday: 'TU', date: '2030-01-01', time: '19:00' }), {
      'rule-0-week': 'Choose which week of the month',
    });
    // 2020-01-07 was the first Tuesday of January 2020: right day, but in the past for a new group.
    assert.deepEqual(errorsFor({ repeat: 'monthly-1', weekOfMonth: '1', weekday: 'TU', date: '2020-01-07', time: '19:00' }), {
      'rule-0-date': 'The first meeting must be in the future: enter a date still to come',
    });
    // A Wednesday for a Tuesday rule, and a last date before the first.
    assert.deepEqual(errorsFor({ repeat: 'weekly-2', weekday: 'TU', date: '2030-01-02', time: '19:00', until: '2029-12-01' }), {
      'rule-0-date': 'The first meeting must fall on the day the group meets',
      'rule-0-until': 'The last date must be on or after the first meeting',
    });
    assert.deepEqual(
      errorsFor({ repeat: 'weekly-1', weekday: 'TU', date: '2030-01-01', time: '19:00' }, { scheduleExceptions: [{ date: '', note: '' }] }),
      { 'off-0-date': 'Enter the date of the meeting that is not happening' },
    );
  });
});
