// A complete published group for browser tests of the card and details
// view (test/support/fixtures.ts is for Node: it reads process.pid).
import type { Group } from '../../src/schema/index.js';

/** A whole group with a search's distance: what the card shows, and the details view too. */
export type TestGroup = Group & { distance: number };

let counter = 0;

/** A group meeting face to face in Leeds; `overrides` replace whole top-level fields. */
export function testGroup(overrides: Partial<TestGroup> = {}): TestGroup {
  counter += 1;
  const group: Group = {
    id: `browser-test-${Date.now().toString(36)}-${counter}`,
    name: 'Leeds Type 2 Together',
    summary: 'A friendly monthly meeting for adults living with type 2 diabetes.',
    organisation: { name: 'Leeds Diabetes Network', website: 'https://leeds-diabetes.example.org' },
    conditions: ['type2'],
    audiences: ['adults', 'families'],
    formats: ['in-person', 'online'],
    model: 'support-group',
    functions: ['social-emotional', 'daily-management'],
    leaders: ['peer', 'trained-volunteer'],
    languages: ['en', 'cy'],
    answers: {
      purpose: 'To share what works in daily life with type 2 diabetes.',
      attendees: 'Adults with type 2 diabetes, newly diagnosed or not.',
      familyWelcome: { answer: true, details: 'Partners are welcome.' },
      clinicalEducation: { answer: false },
      leaderTraining: 'Our leaders completed a peer-support course.',
      professionalsInvolved: { answer: true, details: 'A diabetes nurse visits twice a year.' },
      memberExpectations: 'Come when you can; listen and share.',
      cost: { free: false, details: '£2 a session, towards tea and the room' },
    },
    location: {
      venue: 'Central Library, Room 2',
      address: 'Calverley Street',
      town: 'Leeds',
      postcode: 'LS1 3AB',
      country: 'GB',
      lat: 53.7997,
      lng: -1.5492,
    },
    servesEverywhere: false,
    schedule: {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 1, start: '2100-01-05T18:00', durationMinutes: 90 }],
      exceptions: [],
      meetings: [{ start: '2099-12-01T18:00', durationMinutes: 90 }],
    },
    contact: { email: 'hello@leeds-diabetes.example.org', phone: '0113 496 0000', website: 'https://leeds-diabetes.example.org/group' },
    principles: [],
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
  return { ...group, distance: 1.24, ...overrides };
}

/** The classic payload: if any of it ran, `window.__xss` would be set. */
export const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

/**
 * A group as a leader could submit it today: the directory refuses meetings
 * already past in a registration, so the fixture's 2020 meeting (there to
 * prove that displays skip past meetings) is left out.
 */
export function asSubmitted<G extends { schedule: Group['schedule'] }>(group: G): G {
  const today = new Date().toISOString().slice(0, 16);
  return { ...group, schedule: { ...group.schedule, meetings: group.schedule.meetings.filter((m) => m.start > today) } };
}
