// "Add to my calendar": a group's meetings as an .ics file that calendar
// apps read, each starting at the right moment whatever the reader's time
// zone. Files are read back with ical.js, a well-kept iCalendar parser, so
// the test checks what a calendar app would see rather than our own text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import ICAL from 'ical.js';
import type { Group } from 'peer-directory/schema';
import calendarRoutes from '../../server/src/routes/calendar.js';
import { meetingsOf } from 'peer-directory/schedule';
import { errorHandler } from '../../server/src/errors.js';
import { makeGroup } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

/** "Now" for these stories: 1 November 2026, before the groups' December meetings. */
const NOW = Date.UTC(2026, 10, 1, 12, 0);

/** The events a calendar app would import from an .ics text. */
function eventsIn(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // A calendar app registers the file's VTIMEZONEs before reading its times.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** Every meeting start a calendar app shows from now on, as UTC instants, soonest first (at most `limit`). */
function startsIn(ics: string, after: number, limit = 8): string[] {
  const starts: string[] = [];
  for (const event of eventsIn(ics)) {
    const it = event.iterator();
    let next: ICAL.Time | null;
    let n = 0;
    while ((next = it.next()) && n < 200) {
      n += 1;
      const at = next.toJSDate().getTime();
      if (at + event.duration.toSeconds() * 1000 <= after) continue;
      starts.push(new Date(at).toISOString());
      if (!event.isRecurring() || starts.length > limit * 3) break;
    }
  }
  return starts.sort().slice(0, limit);
}

async function calendarApp(groups: Group[]) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const byId = new Map(groups.map((g) => [g.id, g]));
  await app.register(calendarRoutes, { store: { getGroup: async (id) => byId.get(id) }, now: () => NOW });
  return app;
}

describe('a group’s calendar file', () => {
  // First Tuesday of the month at 6pm, London: the clocks change on 28 March 2027.
  const london = makeGroup({
    name: 'Leeds Type 2 Together',
    schedule: {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 1, start: '2026-10-06T18:00', durationMinutes: 90 }],
      exceptions: [
        { date: '2027-01-05', note: 'The library is closed for the new year.' },
        { date: '2027-02-02', start: '2027-02-09T18:30', durationMinutes: 60 },
      ],
      meetings: [{ start: '2026-12-19T14:00', durationMinutes: 120 }],
    },
  });
  // Thursdays at 7pm, New York: the clocks go back on 1 November 2026.
  const newYork = makeGroup({
    name: 'Queens Family Circle',
    location: { venue: 'Library, Room 3', town: 'New York', postcode: '11373', country: 'US', lat: 40.74, lng: -73.88 },
    schedule: {
      timeZone: 'America/New_York',
      rules: [{ frequency: 'weekly', interval: 1, weekday: 'TH', start: '2026-10-22T19:00', durationMinutes: 90 }],
      exceptions: [],
      meetings: [],
    },
  });
  const awkward = makeGroup({
    name: 'Café Société; Type 1, Type 2 & “friends” — a very long name that needs folding',
    summary: 'Line one.\nLine two, with a comma; and a semicolon \\ and a backslash.',
    location: undefined,
    formats: ['online'],
    servesEverywhere: true,
  });
  const finished = makeGroup({
    schedule: {
      timeZone: 'Europe/London',
      rules: [{ frequency: 'weekly', interval: 1, weekday: 'TU', start: '2026-01-06T18:00', durationMinutes: 60, count: 4 }],
      exceptions: [],
      meetings: [{ start: '2026-01-06T18:00', durationMinutes: 60 }],
    },
  });
  let app: Awaited<ReturnType<typeof calendarApp>>;

  before(async () => {
    app = await calendarApp([london, newYork, awkward, finished]);
  });
  after(() => app.close());

  const get = (id: string) => app.inject({ method: 'GET', url: `/v1/groups/${id}/calendar.ics` });

  test('is a text/calendar download named after the group', async () => {
    const res = await get(london.id);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/calendar; charset=utf-8/);
    assert.equal(res.headers['content-disposition'], `attachment; filename="${london.id}.ics"`);
    assert.ok(res.body.includes('\r\n'), 'lines end in CRLF');
  });

  test('carries the rule as an RRULE in the group’s time zone, with its VTIMEZONE and EXDATEs', async () => {
    const ics = (await get(london.id)).body;
    assert.match(ics, /DTSTART;TZID=Europe\/London:20261006T180000/);
    assert.match(ics, /RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=TU;BYSETPOS=1/);
    assert.match(ics, /EXDATE;TZID=Europe\/London:20270105T180000,20270202T180000/);
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
  });

  test('gives a calendar app the same meetings as the directory, across the clocks changing in London', async () => {
    const ics = (await get(london.id)).body;
    const expected = meetingsOf(london.schedule, { after: NOW, limit: 8 }).map((m) => new Date(m.startsAt).toISOString());
    assert.deepEqual(startsIn(ics, NOW), expected);
    assert.deepEqual(startsIn(ics, NOW), [
      '2026-11-03T18:00:00.000Z',
      '2026-12-01T18:00:00.000Z',
      '2026-12-19T14:00:00.000Z', // the one-off
      // 5 January cancelled; 2 February moved to the 9th at 6.30pm
      '2027-02-09T18:30:00.000Z',
      '2027-03-02T18:00:00.000Z',
      '2027-04-06T17:00:00.000Z', // 6pm BST
      '2027-05-04T17:00:00.000Z',
      '2027-06-01T17:00:00.000Z',
    ]);
  });

  test('keeps New York meetings at 7pm local when the clocks go back', async () => {
    const ics = (await get(newYork.id)).body;
    // 7pm EDT (UTC-4) on 22 and 29 October, 7pm EST (UTC-5) on 5 November.
    assert.deepEqual(startsIn(ics, Date.UTC(2026, 9, 20)).slice(0, 3), [
      '2026-10-22T23:00:00.000Z',
      '2026-10-29T23:00:00.000Z',
      '2026-11-06T00:00:00.000Z',
    ]);
    assert.deepEqual(
      startsIn(ics, Date.UTC(2026, 9, 20), 6),
      meetingsOf(newYork.schedule, { after: Date.UTC(2026, 9, 20), limit: 6 }).map((m) => new Date(m.startsAt).toISOString()),
    );
    const [event] = eventsIn(ics);
    assert.equal(event!.duration.toSeconds(), 90 * 60);
    assert.equal(event!.location, 'Library, Room 3, New York, 11373');
  });

  test('gives each meeting a stable id, the group’s name and the no-medical-advice note', async () => {
    const first = eventsIn((await get(london.id)).body);
    const again = eventsIn((await get(london.id)).body);
    assert.deepEqual(
      first.map((e) => e.uid),
      again.map((e) => e.uid),
    );
    assert.equal(new Set(first.map((e) => e.uid)).size, first.length);
    assert.equal(first[0]!.summary, london.name);
    assert.match(first[0]!.description, /do not give medical advice/);
    assert.match(first[0]!.description, /hello@leeds-diabetes\.example\.org/);
  });

  test('keeps commas, semicolons, backslashes, new lines and accents intact, folding long lines', async () => {
    const res = await get(awkward.id);
    for (const line of res.body.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `line of ${Buffer.byteLength(line)} octets: ${line}`);
    }
    const [event] = eventsIn(res.body);
    assert.equal(event!.summary, awkward.name);
    assert.ok(event!.description.startsWith(awkward.summary), event!.description);
    assert.equal(event!.location, 'Online');
  });

  test('answers 404 problems for an unknown group and for a group with no meetings to come', async () => {
    for (const id of ['no-such-group', finished.id]) {
      const res = await get(id);
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
      assert.equal(res.json().status, 404);
    }
  });

  test('refuses an id that cannot be one, naming the field', async () => {
    const res = await get('not%20an%20id');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].pointer, '#/id');
  });
});

describe('the directory server', () => {
  let server: TestServer;
  const group = makeGroup({
    schedule: {
      timeZone: 'Europe/London',
      rules: [],
      exceptions: [],
      meetings: [{ start: '2099-12-01T18:00', durationMinutes: 60 }],
    },
  });

  before(async () => {
    server = await startTestServer({ seed: [group] });
  });
  after(() => server?.close());

  test('serves a published group’s calendar at /v1/groups/{id}/calendar.ics', async () => {
    const res = await fetch(`${server.url}/v1/groups/${group.id}/calendar.ics`);
    assert.equal(res.status, 200);
    const [event] = eventsIn(await res.text());
    assert.equal(event!.startDate.toJSDate().toISOString(), '2099-12-01T18:00:00.000Z');
  });
});
