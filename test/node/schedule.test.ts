// Schedules as recurrence rules: the next meetings a group will hold, on its
// own clock across daylight-saving changes, and the same rules in words in
// each language the directory speaks.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDirectoryClient, ValidationError } from 'peer-directory';
import { groupInputSchema, registrationInputSchema, scheduleSchema, type Schedule } from 'peer-directory/schema';
import { describeSchedule, meetingsOf, newlyCancelled, rruleText, ruleOn } from 'peer-directory/schedule';
import { catalogue } from '../../server/src/messages/index.js';
import { makeGroup, makeRegistrationInput } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const schedule = (s: Partial<Schedule> & Pick<Schedule, 'timeZone'>): Schedule => ({ rules: [], exceptions: [], meetings: [], ...s });
const starts = (s: Schedule, after: number, limit = 4) => meetingsOf(s, { after, limit }).map((m) => m.startsAt);

describe('the next meetings of a schedule', () => {
  test('stay at 6.30pm on London clocks when summer time starts and ends', () => {
    const weekly = schedule({
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 1, weekday: 'WE', start: '2026-03-18T18:30', durationMinutes: 120 }],
    });
    // The clocks go forward on 29 March 2026 and back on 25 October 2026.
    assert.deepEqual(starts(weekly, Date.UTC(2026, 2, 17)), [
      '2026-03-18T18:30:00Z',
      '2026-03-25T18:30:00Z',
      '2026-04-01T17:30:00Z',
      '2026-04-08T17:30:00Z',
    ]);
    assert.deepEqual(starts(weekly, Date.UTC(2026, 9, 20), 2), ['2026-10-21T17:30:00Z', '2026-10-28T18:30:00Z']);
    assert.deepEqual(
      meetingsOf(weekly, { after: Date.UTC(2026, 9, 20), limit: 2 }).map((m) => m.start),
      ['2026-10-21T18:30', '2026-10-28T18:30'],
    );
  });

  test('stay at 7pm on New York clocks across both changes, which fall on other dates than London’s', () => {
    const lastThursday = schedule({
      timeZone: 'America/New_York',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TH', weekOfMonth: -1, start: '2026-01-29T19:00', durationMinutes: 90 }],
    });
    // Summer time runs from 8 March to 1 November 2026 in New York.
    assert.deepEqual(starts(lastThursday, Date.UTC(2026, 1, 1), 3), [
      '2026-02-27T00:00:00Z', // 7pm EST, UTC-5
      '2026-03-26T23:00:00Z', // 7pm EDT, UTC-4
      '2026-04-30T23:00:00Z',
    ]);
    assert.deepEqual(
      meetingsOf(lastThursday, { after: Date.UTC(2026, 9, 1), limit: 2 }).map((m) => [m.start, m.startsAt]),
      [
        ['2026-10-29T19:00', '2026-10-29T23:00:00Z'],
        ['2026-11-26T19:00', '2026-11-27T00:00:00Z'],
      ],
    );
  });

  test('skip cancelled meetings, move moved ones and add one-offs, soonest first', () => {
    const s = schedule({
      timeZone: 'Europe/London',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 1, start: '2026-12-01T18:00', durationMinutes: 90 }],
      exceptions: [
        { date: '2027-01-05', note: 'Closed for the new year' },
        { date: '2027-02-02', start: '2027-02-09T18:30' },
      ],
      meetings: [{ start: '2026-12-19T14:00', durationMinutes: 120 }],
    });
    const after = Date.UTC(2026, 10, 1);
    assert.deepEqual(
      meetingsOf(s, { after, limit: 4 }).map((m) => m.start),
      ['2026-12-01T18:00', '2026-12-19T14:00', '2027-02-09T18:30', '2027-03-02T18:00'],
    );
    const withCancelled = meetingsOf(s, { after, limit: 4, includeCancelled: true });
    assert.deepEqual(withCancelled[2], {
      start: '2027-01-05T18:00',
      durationMinutes: 90,
      startsAt: '2027-01-05T18:00:00Z',
      endsAt: '2027-01-05T19:30:00Z',
      rule: 0,
      cancelled: true,
      note: 'Closed for the new year',
    });
    assert.equal(meetingsOf(s, { after, limit: 3 })[2]!.movedFrom, '2027-02-02');
    assert.deepEqual(newlyCancelled(s, { ...s, exceptions: [...s.exceptions, { date: '2027-03-02' }] }), ['2027-03-02']);
    assert.equal(ruleOn(s, '2027-01-05'), 0, 'the first Tuesday is the rule’s');
    assert.equal(ruleOn(s, '2027-01-06'), undefined);
  });

  test('end after a course’s last session, or on the last date, and keep a fortnightly rhythm', () => {
    const course = schedule({
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 2, weekday: 'MO', start: '2027-01-04T14:00', durationMinutes: 120, count: 3 }],
    });
    assert.deepEqual(
      meetingsOf(course, { after: 0, limit: 10 }).map((m) => m.start),
      ['2027-01-04T14:00', '2027-01-18T14:00', '2027-02-01T14:00'],
    );
    const until = schedule({
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 1, weekday: 'FR', start: '2027-01-01T10:00', durationMinutes: 60, until: '2027-01-15' }],
    });
    assert.deepEqual(
      meetingsOf(until, { after: 0, limit: 10 }).map((m) => m.start),
      ['2027-01-01T10:00', '2027-01-08T10:00', '2027-01-15T10:00'],
    );
    assert.equal(rruleText(course.rules[0]!, 'Europe/London'), 'FREQ=WEEKLY;INTERVAL=2;COUNT=3;BYDAY=MO');
  });
});

describe('a schedule in words', () => {
  const s = schedule({
    timeZone: 'Europe/London',
    rules: [
      { frequency: 'monthly', interval: 1, weekday: 'WE', weekOfMonth: 1, start: '2027-01-06T18:30', durationMinutes: 120 },
      { frequency: 'weekly', interval: 2, weekday: 'SA', start: '2027-01-02T10:00', durationMinutes: 60, count: 6 },
    ],
    note: 'Tea from 6pm.',
  });

  test('is generated from the rules in English, Spanish and Welsh', () => {
    assert.deepEqual(describeSchedule(s, 'en-GB', catalogue('en').schedule), [
      'First Wednesday of the month, 18:30 to 20:30',
      'Every other Saturday, 10:00 to 11:00, 6 meetings in all',
      'Tea from 6pm.',
    ]);
    assert.deepEqual(describeSchedule(s, 'en-US', catalogue('en').schedule).slice(0, 1), [
      'First Wednesday of the month, 6:30 PM to 8:30 PM',
    ]);
    assert.deepEqual(describeSchedule(s, 'es', catalogue('es').schedule).slice(0, 2), [
      'El primer miércoles de cada mes, de 18:30 a 20:30',
      'Un sábado sí y otro no, de 10:00 a 11:00, 6 reuniones en total',
    ]);
    assert.match(describeSchedule(s, 'cy', catalogue('cy').schedule)[0]!, /^Y dydd Mercher cyntaf o’r mis, 18:30 i 20:30$/i);
  });
});

describe('what people may submit as a schedule', () => {
  const rule = {
    frequency: 'monthly',
    interval: 1,
    weekday: 'WE',
    weekOfMonth: 1,
    start: '2099-01-07T18:30',
    durationMinutes: 120,
  } as const;
  const problems = (s: unknown) => {
    const r = scheduleSchema.safeParse(s);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  test('accepts a rule whose first meeting falls on it', () => {
    assert.deepEqual(problems(schedule({ timeZone: 'Europe/London', rules: [rule] })), []);
  });

  test('refuses a first meeting off the rule, a date that does not exist, an unknown zone, and both ends at once', () => {
    assert.deepEqual(problems(schedule({ timeZone: 'Europe/London', rules: [{ ...rule, start: '2099-01-08T18:30' }] })), [
      'rules.0.start: The first meeting must fall on the day the group meets',
    ]);
    assert.deepEqual(problems(schedule({ timeZone: 'Europe/London', rules: [{ ...rule, start: '2099-01-14T18:30' }] })), [
      'rules.0.start: The first meeting must fall in the week of the month the group meets',
    ]);
    assert.deepEqual(problems(schedule({ timeZone: 'Europe/London', meetings: [{ start: '2099-02-30T10:00', durationMinutes: 60 }] })), [
      'meetings.0.start: Enter a real date and time, like 2027-03-14T18:30',
    ]);
    assert.deepEqual(problems(schedule({ timeZone: 'Mars/Olympus_Mons' })), ['timeZone: Choose a time zone, such as Europe/London']);
    assert.deepEqual(problems(schedule({ timeZone: 'Europe/London', rules: [{ ...rule, count: 3, until: '2099-06-30' }] })), [
      'rules.0.until: Give the number of meetings or the last date, not both',
    ]);
  });

  test('refuses a new group whose first meeting is in the past, but lets a change keep the date the group began', () => {
    const past = { ...rule, start: '2020-01-01T18:30' };
    const input = makeRegistrationInput();
    const registration = { ...input, group: { ...input.group, schedule: schedule({ timeZone: 'Europe/London', rules: [past] }) } };
    const result = registrationInputSchema.safeParse(registration);
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error!.issues.map((i) => i.path.join('.')),
      ['group.schedule.rules.0.start'],
    );
    assert.equal(registrationInputSchema.safeParse({ ...registration, updatesGroupId: 'grp-1' }).success, true);
    const oneOff = {
      ...input.group,
      schedule: schedule({ timeZone: 'Europe/London', meetings: [{ start: '2020-05-01T10:00', durationMinutes: 60 }] }),
    };
    assert.deepEqual(
      groupInputSchema.safeParse(oneOff).error?.issues.map((i) => i.message),
      ['This meeting is in the past: enter a date still to come'],
    );
  });
});

describe('the next meetings, from the directory', () => {
  const group = makeGroup({
    schedule: {
      timeZone: 'America/New_York',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TH', weekOfMonth: 3, start: '2099-01-15T19:00', durationMinutes: 90 }],
      exceptions: [{ date: '2099-02-19' }],
      meetings: [],
    },
  });
  let server: TestServer;
  let client: ReturnType<typeof createDirectoryClient>;
  before(async () => {
    server = await startTestServer({ seed: [group] });
    client = createDirectoryClient({ baseUrl: server.url });
  });
  after(() => server?.close());

  test('lists a published group’s next meetings, and its cancelled ones when asked', async () => {
    const { timeZone, meetings } = await client.groups.meetings(group.id, { limit: 2 });
    assert.equal(timeZone, 'America/New_York');
    assert.deepEqual(
      meetings.map((m) => m.start),
      ['2099-01-15T19:00', '2099-03-19T19:00'],
    );
    const withCancelled = await client.groups.meetings(group.id, { limit: 3, cancelled: true });
    assert.deepEqual(
      withCancelled.meetings.map((m) => [m.start, m.cancelled ?? false]),
      [
        ['2099-01-15T19:00', false],
        ['2099-02-19T19:00', true],
        ['2099-03-19T19:00', false],
      ],
    );
  });

  test('previews a schedule being written, and refuses a new group’s first meeting in the past', async () => {
    const schedule = { ...group.schedule, exceptions: [] };
    const preview = await client.groups.previewSchedule({ schedule, limit: 3, newGroup: true });
    // 7pm EST, then 7pm EDT once the clocks go forward on 8 March 2099.
    assert.deepEqual(
      preview.meetings.map((m) => m.startsAt),
      ['2099-01-16T00:00:00Z', '2099-02-20T00:00:00Z', '2099-03-19T23:00:00Z'],
    );
    const past = { ...schedule, rules: [{ ...schedule.rules[0]!, start: '2020-01-16T19:00' }] };
    await assert.rejects(client.groups.previewSchedule({ schedule: past, newGroup: true }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.problem?.errors, [{ pointer: '#/schedule/rules/0/start', detail: 'The first meeting must be in the future' }]);
      return true;
    });
  });
});
