/**
 * `GET /v1/groups/{id}/calendar.ics`: a group's meetings as an iCalendar
 * file (RFC 5545), the zero-infrastructure "remind me about this event",
 * written by ical-generator. Each rule is one repeating event in the group's
 * time zone (`DTSTART;TZID=…`, `RRULE`, `EXDATE` for cancelled and moved
 * meetings, and the zone's `VTIMEZONE`), so calendars keep the local time
 * across clock changes; moved and one-off meetings are events of their own.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import ical, { ICalEventRepeatingFreq, ICalWeekday, type ICalRepeatingOptions } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { idParamsSchema, type Group, type RecurrenceRule } from 'peer-directory/schema';
import { describeSchedule, meetingsOf, ruleOn, zoned } from 'peer-directory/schedule';
import { catalogue, localeFor } from '../messages/index.js';
import type { Store } from '../store/store.js';
import { notFoundProblem } from '../errors.js';
import { etagOf, SHORT_CACHE } from './caching.js';

/** What the calendar route reads from. */
export interface CalendarRoutesOptions {
  store: Pick<Store, 'getGroup'>;
  /** The clock that decides which meetings are still to come (tests pass their own). */
  now?: () => number;
}

/** The calendar file of a group's meetings. */
export const calendarRoutes: FastifyPluginAsyncZod<CalendarRoutesOptions> = async (app, { store, now = Date.now }) => {
  app.get(
    '/v1/groups/:id/calendar.ics',
    {
      schema: {
        operationId: 'groups.calendar',
        answers: { 404: 'There is no published group with this id, or it has no meetings to come.' },
        tags: ['groups'],
        summary: 'A group’s upcoming meetings as a calendar file',
        description:
          'An iCalendar (RFC 5545) file, `text/calendar`: one repeating event per rule (RRULE, with EXDATE for ' +
          'cancelled and moved meetings) in the group’s time zone, and one event per moved or one-off meeting. ' +
          '404 when the group is unknown or has no meetings to come.',
        params: idParamsSchema,
        media: {
          200: {
            description: 'The iCalendar file, as an attachment named after the group (`Content-Disposition`).',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const group = await store.getGroup(request.params.id);
      if (!group) throw notFoundProblem('There is no published group with this id. It may have been archived.');
      const ics = groupCalendar(group, now());
      if (!ics) throw notFoundProblem('This group has not published any upcoming meetings.');
      return reply
        .header('cache-control', SHORT_CACHE)
        .header('etag', etagOf(ics))
        .header('content-disposition', `attachment; filename="${group.id}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
    },
  );
};

export default calendarRoutes;

/**
 * The group's schedule as an iCalendar text, or undefined when it has no
 * meeting still to come (a calendar must hold at least one event).
 */
export function groupCalendar(group: Group, now: number): string | undefined {
  const { schedule } = group;
  const { timeZone } = schedule;
  if (meetingsOf(schedule, { after: now, limit: 1 }).length === 0) return undefined;

  const description = [
    group.summary,
    describeSchedule(schedule, localeFor('en', group), catalogue('en').schedule).join('\n'),
    contactText(group),
    catalogue('en').noMedicalAdvice,
  ]
    .filter(Boolean)
    .join('\n\n');
  const location = group.location
    ? [group.location.venue, group.location.address, group.location.town, group.location.postcode].filter(Boolean).join(', ')
    : group.formats.includes('online')
      ? 'Online'
      : 'By telephone';
  const calendar = ical({
    prodId: { company: 'peer-directory', product: 'group calendar', language: 'EN' },
    name: group.name,
    // No calendar-wide zone (DTSTAMP stays UTC); the generator adds the VTIMEZONE of each event's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const common = {
    summary: group.name,
    description,
    location: group.location ? { title: location, geo: { lat: group.location.lat, lon: group.location.lng } } : location,
    timezone: timeZone,
    stamp: new Date(group.updatedAt),
    ...(group.contact.website ? { url: group.contact.website } : {}),
  };
  const event = (uid: string, start: string, minutes: number, repeating?: ICalRepeatingOptions) => {
    const begins = zoned(start, timeZone);
    calendar.createEvent({
      ...common,
      id: `${group.id}-${uid}@peer-directory`,
      start: begins,
      end: begins.add({ minutes }),
      ...(repeating ? { repeating } : {}),
    });
  };

  // Each exception belongs to the rule that gives a meeting on its date; one on no rule's date changes nothing.
  const exceptions = schedule.exceptions.flatMap((x) => {
    const rule = ruleOn(schedule, x.date);
    return rule === undefined ? [] : [{ ...x, rule }];
  });
  schedule.rules.forEach((rule, i) => {
    // A cancelled or moved meeting is left out of its rule (EXDATE, at the time the rule gives it).
    const excluded = exceptions.filter((x) => x.rule === i).map((x) => zoned(`${x.date}T${rule.start.slice(11)}`, timeZone));
    event(`rule-${i}`, rule.start, rule.durationMinutes, repeatingOf(rule, excluded, timeZone));
  });
  for (const x of exceptions) {
    if (x.start === undefined) continue;
    event(`moved-${x.date.replace(/\D/g, '')}`, x.start, x.durationMinutes ?? schedule.rules[x.rule]!.durationMinutes);
  }
  for (const m of schedule.meetings) event(m.start.replace(/\D/g, ''), m.start, m.durationMinutes);
  return calendar.toString();
}

/** A rule as ical-generator's repeating options: `BYDAY=1WE` is written `BYDAY=WE;BYSETPOS=1`, which means the same. */
function repeatingOf(rule: RecurrenceRule, excluded: ReturnType<typeof zoned>[], timeZone: string): ICalRepeatingOptions {
  return {
    freq: rule.frequency === 'weekly' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
    interval: rule.interval,
    byDay: [ICalWeekday[rule.weekday]],
    ...(rule.frequency === 'monthly' && rule.weekOfMonth !== undefined ? { bySetPos: rule.weekOfMonth } : {}),
    ...(rule.count !== undefined ? { count: rule.count } : {}),
    ...(rule.until !== undefined ? { until: zoned(`${rule.until}T23:59`, timeZone).withTimeZone('UTC') } : {}),
    ...(excluded.length > 0 ? { exclude: excluded, excludeTimezone: timeZone } : {}),
  };
}

function contactText(group: Group): string {
  const { email, phone, website } = group.contact;
  return [email && `Email: ${email}`, phone && `Telephone: ${phone}`, website && `Website: ${website}`].filter(Boolean).join('\n');
}
