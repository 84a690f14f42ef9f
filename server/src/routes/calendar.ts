/**
 * `GET /v1/groups/{id}/calendar.ics`: a group's upcoming meetings as an
 * iCalendar file (RFC 5545), the zero-infrastructure "remind me about this
 * event". Meetings are stored as wall-clock times in the schedule's IANA
 * time zone; each is written as a UTC instant (`DTSTART:…Z`), which every
 * calendar shows in its reader's own zone without needing a VTIMEZONE.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import { idParamsSchema, meetingInstant, type Group } from 'peer-directory/schema';
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
        tags: ['groups'],
        summary: 'A group’s upcoming meetings as a calendar file',
        description:
          'An iCalendar (RFC 5545) file, `text/calendar`, with one event per meeting that has not yet ended. ' +
          'Start and end times are UTC instants converted from the group’s local times in `schedule.timeZone`. ' +
          '404 when the group is unknown or has no upcoming meetings.',
        params: idParamsSchema,
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
 * The group's meetings that have not ended by `now` as an iCalendar text,
 * or undefined when there are none (a calendar must hold at least one event).
 */
export function groupCalendar(group: Group, now: number): string | undefined {
  const { timeZone } = group.schedule;
  const meetings = group.schedule.meetings
    .map((m) => {
      const start = meetingInstant(m.start, timeZone);
      return { local: m.start, start, end: start + m.durationMinutes * 60_000 };
    })
    .filter((m) => m.end > now)
    .sort((a, b) => a.start - b.start);
  if (meetings.length === 0) return undefined;

  const stamp = utcStamp(Date.parse(group.updatedAt));
  const description = [
    group.summary,
    group.schedule.description,
    contactText(group),
    'Peer supporters share their own experience of diabetes. They do not give medical advice: ' +
      'for questions about your treatment, talk to your own doctor, nurse or care team.',
  ]
    .filter(Boolean)
    .join('\n\n');
  const location = group.location
    ? [group.location.venue, group.location.address, group.location.town, group.location.postcode].filter(Boolean).join(', ')
    : group.formats.includes('online')
      ? 'Online'
      : 'By telephone';

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//peer-directory//group calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(group.name)}`,
  ];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${group.id}-${m.local.replace(/\D/g, '')}@peer-directory`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(m.start)}`,
      `DTEND:${utcStamp(m.end)}`,
      `SUMMARY:${text(group.name)}`,
      `DESCRIPTION:${text(description)}`,
      `LOCATION:${text(location)}`,
      ...(group.location ? [`GEO:${group.location.lat};${group.location.lng}`] : []),
      ...(group.contact.website ? [`URL:${group.contact.website}`] : []),
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function contactText(group: Group): string {
  const { email, phone, website } = group.contact;
  return [email && `Email: ${email}`, phone && `Telephone: ${phone}`, website && `Website: ${website}`]
    .filter(Boolean)
    .join('\n');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** `20261201T183000Z` */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a
 * space, never inside a multi-byte UTF-8 character.
 */
function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines begin with a space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

