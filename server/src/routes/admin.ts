/**
 * `/v1/admin/...`: directory staff review registrations, edit and archive
 * groups, and read the moderation log. Every route needs the bearer token.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  auditLogSchema,
  auditQuerySchema,
  OUTBOX_STATES,
  outboxEntrySchema,
  groupInputSchema,
  groupSchema,
  idParamsSchema,
  plainText,
  registrationListQuerySchema,
  registrationListSchema,
  registrationSchema,
  rejectionSchema,
} from 'peer-directory/schema';
import type { SearchPort } from '../search/index.js';
import type { Geocoder } from '../geocode/geocoder.js';
import type { Store } from '../store/store.js';
import type { MailService } from '../mail/index.js';
import { HttpProblem, notFoundProblem, validationProblem } from '../errors.js';
import { toPublishedGroup } from './locate-group.js';
import { newGroupId } from './group-id.js';
import { ADMIN_FAILURE_WINDOW_MS, type HitCounter } from '../limits/index.js';

/** What the admin routes need. */
export interface AdminRoutesOptions {
  geocoder: Geocoder;
  store: Store;
  search: SearchPort;
  /** Unset: every admin route answers 401, whatever the token. */
  adminToken: string | undefined;
  /** Where wrong tokens are counted, shared by every API process. */
  counter: HitCounter;
  /** Wrong tokens per client address per 15 minutes before every admin request from it is refused. */
  failureLimit: number;
  /** Email, when on: registrants are told of decisions, reminder subscribers of cancelled meetings. */
  mail?: MailService | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting, for the moderation log: the X-Actor header, or `admin`. */
    actor: string;
  }
}

const actorHeader = plainText(80, 'X-Actor must not be empty');
const outboxQuery = z.object({
  state: z.optional(z.enum(OUTBOX_STATES)),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
});
const security = [{ adminToken: [] }];

/** The staff routes, behind the bearer token. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (
  app,
  { geocoder, store, search, adminToken, counter, failureLimit, mail },
) => {
  const expected = adminToken === undefined ? undefined : sha256(adminToken);
  app.decorateRequest('actor', 'admin');
  app.addHook('onRequest', async (request, reply) => {
    // Guessing the token is slowed to a few tries per address every 15 minutes, counted on every process.
    const failures = `admin-failure:${request.ip}`;
    const { count, resetMs } = await counter.peek(failures, ADMIN_FAILURE_WINDOW_MS);
    if (count >= failureLimit) {
      const seconds = Math.ceil(resetMs / 1000);
      const detail = `Too many wrong admin tokens from this address. Try again in ${Math.ceil(seconds / 60)} minutes.`;
      throw new HttpProblem(429, 'rateLimited', detail, undefined, { 'retry-after': String(seconds) });
    }
    try {
      await authenticate(request, reply, expected);
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 401) {
        await counter.hit(failures, ADMIN_FAILURE_WINDOW_MS, 1, { exact: true });
      }
      throw error;
    }
  });

  app.get(
    '/v1/admin/registrations',
    {
      schema: {
        operationId: 'admin.registrations.list',
        tags: ['admin'],
        security,
        summary: 'Registrations, oldest first, optionally in one state',
        querystring: registrationListQuerySchema,
        response: { 200: registrationListSchema },
      },
    },
    async (request) => ({ registrations: await store.listRegistrations(request.query.status) }),
  );

  app.get(
    '/v1/admin/registrations/:id',
    {
      schema: {
        operationId: 'admin.registrations.get',
        answers: { 404: 'There is no registration with this id.' },
        tags: ['admin'],
        security,
        summary: 'One registration, with the registrant’s details',
        params: idParamsSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const registration = await store.getRegistration(request.params.id);
      if (!registration) throw notFoundProblem('There is no registration with this id.');
      return registration;
    },
  );

  app.post(
    '/v1/admin/registrations/:id/approve',
    {
      schema: {
        operationId: 'admin.registrations.approve',
        answers: {
          404: 'There is no registration with this id.',
          409: 'The registration is not pending, or the group it changes is no longer published.',
          422: 'No geocoder knows the group’s postcode (`errors` names `#/group/location/postcode`).',
          503: 'The online geocoder (GEOCODER_URL) is down (`Retry-After: 60`), or the server is shutting down.',
        },
        tags: ['admin'],
        security,
        summary: 'Publish the registration’s group',
        description:
          'A new group gets a new id; a registration with updatesGroupId replaces that group. ' +
          'The group is searchable as soon as this answers. 409 when the registration is not pending.',
        params: idParamsSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const registration = await store.getRegistration(request.params.id);
      if (!registration) throw notFoundProblem('There is no registration with this id.');
      if (registration.status !== 'pending') {
        throw new HttpProblem(409, 'conflict', `This registration has already been ${registration.status}.`);
      }
      let groupId = registration.updatesGroupId;
      if (groupId !== undefined && !(await store.getGroup(groupId))) {
        throw new HttpProblem(409, 'conflict', 'The group this registration changes is no longer published.');
      }
      groupId ??= newGroupId(registration.group.name);
      const group = await toPublishedGroup(geocoder, registration.group, groupId, '#/group/location/postcode');
      const approved = await store.approveRegistration(
        registration.id,
        group,
        request.actor,
        mail ? { registrant: mail.registrant.approved, group: mail.reminders.cancellations } : {},
      );
      if (!approved) throw notFoundProblem('There is no registration with this id.');
      mail?.worker.wake();
      await search.refresh();
      return approved;
    },
  );

  app.post(
    '/v1/admin/registrations/:id/reject',
    {
      schema: {
        operationId: 'admin.registrations.reject',
        answers: { 404: 'There is no registration with this id.', 409: 'The registration has already been decided.' },
        tags: ['admin'],
        security,
        summary: 'Decline a registration, with a reason the registrant will be told',
        params: idParamsSchema,
        body: rejectionSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const rejected = await store.rejectRegistration(request.params.id, request.body.reason, request.actor, mail?.registrant.rejected);
      if (!rejected) throw notFoundProblem('There is no registration with this id.');
      mail?.worker.wake();
      return rejected;
    },
  );

  app.put(
    '/v1/admin/groups/:id',
    {
      schema: {
        operationId: 'admin.groups.update',
        answers: {
          404: 'There is no published group with this id.',
          422: 'No geocoder knows the group’s postcode (`errors` names `#/location/postcode`).',
          503: 'The online geocoder (GEOCODER_URL) is down (`Retry-After: 60`), or the server is shutting down.',
        },
        tags: ['admin'],
        security,
        summary: 'Replace a published group’s details',
        description: 'Coordinates are found from the postcode when the location has none.',
        params: idParamsSchema,
        body: groupInputSchema,
        response: { 200: groupSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await store.getGroup(id))) throw notFoundProblem('There is no published group with this id.');
      const group = await toPublishedGroup(geocoder, request.body, id, '#/location/postcode');
      // A meeting newly cancelled here is told to the people with reminders for it, in the same transaction.
      await store.putGroup(group, request.actor, mail?.reminders.cancellations);
      mail?.worker.wake();
      await search.refresh();
      return group;
    },
  );

  app.post(
    '/v1/admin/groups/:id/archive',
    {
      schema: {
        operationId: 'admin.groups.archive',
        answers: { 404: 'There is no published group with this id.' },
        tags: ['admin'],
        security,
        summary: 'Take a group out of the directory',
        description: 'It no longer appears in searches, and GET /v1/groups/{id} answers 404.',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const archived = await store.archiveGroup(request.params.id, request.actor);
      if (!archived) throw notFoundProblem('There is no published group with this id.');
      await search.refresh();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/admin/outbox',
    {
      schema: {
        operationId: 'admin.outbox',
        tags: ['admin'],
        security,
        summary: 'Queued, sent and given-up emails, newest first',
        description:
          'What the outbox holds: `state=failed` lists emails the SMTP server refused until the worker gave up, with the last error. ' +
          'Content is never shown; a sent email keeps neither its address nor its content.',
        querystring: outboxQuery,
        response: { 200: z.object({ entries: z.array(outboxEntrySchema) }) },
      },
    },
    async (request) => ({ entries: await store.listOutbox(request.query.state, request.query.limit) }),
  );

  app.post(
    '/v1/admin/outbox/:id/retry',
    {
      schema: {
        operationId: 'admin.retryEmail',
        answers: { 404: 'There is no given-up email with this id.' },
        tags: ['admin'],
        security,
        summary: 'Queue a given-up email again',
        params: z.object({ id: z.coerce.number().check(z.int(), z.gte(1)) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await store.retryMail(request.params.id))) throw notFoundProblem('There is no given-up email with this id.');
      mail?.worker.wake();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/admin/audit',
    {
      schema: {
        operationId: 'admin.audit',
        tags: ['admin'],
        security,
        summary: 'The moderation log, newest first',
        querystring: auditQuerySchema,
        response: { 200: auditLogSchema },
      },
    },
    async (request) => ({ entries: await store.listAudit(request.query.limit) }),
  );
};

async function authenticate(request: FastifyRequest, reply: FastifyReply, expected: Buffer | undefined): Promise<void> {
  reply.header('cache-control', 'no-store');
  const given = /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  // Comparing fixed-length digests in constant time reveals neither the
  // token's length nor how much of a guess was right.
  if (expected === undefined || given === undefined || !timingSafeEqual(sha256(given), expected)) {
    const challenge =
      given === undefined ? 'Bearer realm="peer-directory admin"' : 'Bearer realm="peer-directory admin", error="invalid_token"';
    throw new HttpProblem(
      401,
      'unauthorized',
      expected === undefined
        ? 'Admin routes are turned off: the server has no ADMIN_TOKEN.'
        : 'Send the admin token as Authorization: Bearer <token>.',
      undefined,
      { 'www-authenticate': challenge },
    );
  }
  const actor = request.headers['x-actor'];
  if (actor !== undefined) {
    const parsed = z.safeParse(actorHeader, actor);
    if (!parsed.success) {
      throw validationProblem([{ pointer: '#/x-actor', detail: parsed.error.issues[0]?.message ?? 'Not a name' }]);
    }
    request.actor = parsed.data;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
