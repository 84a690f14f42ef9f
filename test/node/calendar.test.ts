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
import { meetingInstant } from 'peer-directory/schema';
import { errorHandler } from '../../server/src/errors.js';
import { makeGroup } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

/** "Now" for these stories: 1 November 2026, before the groups' December meetings. */
const NOW = Date.UTC(2026, 10, 1, 12, 0);

/** The events a calendar app would import from an .ics text. */
function eventsIn(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
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
  const london = makeGroup({
    name: 'Leeds Type 2 Together',
    schedule: {
      description: 'First Tuesday of the month, 6pm',
      timeZone: 'Europe/London',
      meetings: [
        { start: '2026-10-06T18:00', durationMinutes: 90 }, // already over on NOW
        { start: '2027-07-06T18:00', durationMinutes: 60 }, // summer time
        { start: '2026-12-01T18:00', durationMinutes: 90 },
      ],
    },
  });
  const newYork = makeGroup({
    name: 'Queens Family Circle',
    location: { venue: 'Library, Room 3', town: 'New York', postcode: '11373', country: 'US', lat: 40.74, lng: -73.88 },
    schedule: {
      description: 'Tuesdays, 6:30pm',
      timeZone: 'America/New_York',
      meetings: [{ start: '2026-12-01T18:30', durationMinutes: 90 }],
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
      description: 'Met once',
      timeZone: 'Europe/London',
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

  test('lists only meetings still to come, soonest first', async () => {
    const events = eventsIn((await get(london.id)).body);
    assert.deepEqual(
      events.map((e) => e.startDate.toJSDate().toISOString()),
      ['2026-12-01T18:00:00.000Z', '2027-07-06T17:00:00.000Z'],
    );
  });

  test('starts London meetings at the London time, in winter and in summer time', async () => {
    const [winter, summer] = eventsIn((await get(london.id)).body);
    assert.equal(winter!.startDate.toJSDate().getTime(), Date.UTC(2026, 11, 1, 18, 0));
    assert.equal(winter!.endDate.toJSDate().getTime(), Date.UTC(2026, 11, 1, 19, 30));
    // 18:00 BST is 17:00 UTC.
    assert.equal(summer!.startDate.toJSDate().getTime(), Date.UTC(2027, 6, 6, 17, 0));
  });

  test('starts New York meetings at the New York time', async () => {
    const [event] = eventsIn((await get(newYork.id)).body);
    // 18:30 EST (UTC-5) is 23:30 UTC.
    assert.equal(event!.startDate.toJSDate().getTime(), Date.UTC(2026, 11, 1, 23, 30));
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

describe('local times to instants', () => {
  test('follow each zone’s clock changes', () => {
    assert.equal(meetingInstant('2026-03-28T12:00', 'Europe/London'), Date.UTC(2026, 2, 28, 12, 0));
    assert.equal(meetingInstant('2026-03-30T12:00', 'Europe/London'), Date.UTC(2026, 2, 30, 11, 0));
    assert.equal(meetingInstant('2026-07-01T09:15', 'America/Los_Angeles'), Date.UTC(2026, 6, 1, 16, 15));
    assert.equal(meetingInstant('2026-07-01T09:15', 'Asia/Kolkata'), Date.UTC(2026, 6, 1, 3, 45));
  });

  test('read an unknown zone as UTC rather than fail', () => {
    assert.equal(meetingInstant('2026-07-01T09:15', 'Not/AZone'), Date.UTC(2026, 6, 1, 9, 15));
  });
});

describe('the directory server', () => {
  let server: TestServer;
  const group = makeGroup({
    schedule: {
      description: 'Every month',
      timeZone: 'Europe/London',
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
