/**
 * A group's next meetings, worked out from its schedule on the server, so
 * pages can list dates without downloading a recurrence library:
 * `GET /v1/groups/{id}/meetings` for a published group, and
 * `POST /v1/schedules/preview` for a schedule being written (the form shows
 * the dates it will publish, checked as a registration would be).
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import { identifier, pastDateIssues, scheduleSchema, upcomingMeetingsSchema } from 'peer-directory/schema';
import { meetingsOf } from 'peer-directory/schedule';

import type { Store } from '../store/store.js';
import { notFoundProblem, validationProblem } from '../errors.js';
import { SHORT_CACHE } from './caching.js';

/** What the meetings routes read from. */
export interface MeetingsRoutesOptions {
  store: Pick<Store, 'getGroup'>;
  /** The clock (tests pass their own). */
  now?: () => number;
}

const limit = z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)));
const meetingsQuery = z.object({ limit, cancelled: z.optional(z.enum(['true', 'false'])) });
const previewBody = z.object({
  schedule: scheduleSchema,
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
  /** True for a new group: its rules' first meetings must be in the future too. */
  newGroup: z.optional(z.boolean()),
});

/** The meetings routes. */
export const meetingsRoutes: FastifyPluginAsyncZod<MeetingsRoutesOptions> = async (app, { store, now = Date.now }) => {
  app.get(
    '/v1/groups/:id/meetings',
    {
      schema: {
        operationId: 'groups.meetings',
        answers: { 404: 'There is no published group with this id; it may have been archived.' },
        tags: ['groups'],
        summary: 'A group’s next meetings, soonest first',
        description:
          'Expanded from the group’s recurrence rules in its time zone, with exceptions applied and one-off meetings added. ' +
          '`limit` 1–50 (default 3); `cancelled=true` also lists cancelled meetings, marked `cancelled`.',
        params: z.object({ id: identifier }),
        querystring: meetingsQuery,
        response: { 200: upcomingMeetingsSchema },
      },
    },
    async (request, reply) => {
      const group = await store.getGroup(request.params.id);
      if (!group) throw notFoundProblem('There is no published group with this id. It may have been archived.');
      reply.header('cache-control', SHORT_CACHE);
      const { limit: count = 3, cancelled } = request.query;
      return {
        timeZone: group.schedule.timeZone,
        meetings: meetingsOf(group.schedule, { after: now(), limit: count, includeCancelled: cancelled === 'true' }),
      };
    },
  );

  app.post(
    '/v1/schedules/preview',
    {
      schema: {
        operationId: 'groups.previewSchedule',
        tags: ['groups'],
        summary: 'The next meetings a schedule gives, before it is submitted',
        description:
          'Checks the schedule as a registration would (400 naming each field otherwise; with `newGroup`, a first ' +
          'meeting in the past is refused) and answers its next meetings, `limit` 1–50 (default 3).',
        body: previewBody,
        response: { 200: upcomingMeetingsSchema },
      },
    },
    async (request, reply) => {
      const { schedule, limit: count = 3, newGroup = false } = request.body;
      const past = pastDateIssues(schedule, newGroup, now());
      if (past.length > 0) {
        throw validationProblem(past.map((i) => ({ pointer: `#/schedule/${i.path.join('/')}`, detail: i.message })));
      }
      reply.header('cache-control', 'no-store');
      return { timeZone: schedule.timeZone, meetings: meetingsOf(schedule, { after: now(), limit: count, includeCancelled: true }) };
    },
  );
};
