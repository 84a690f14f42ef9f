/**
 * `POST /v1/registrations`: a group leader asks for a group to be listed (or
 * changed). Nothing is published here: the registration waits for review.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  registrationInputSchema,
  registrationReceiptSchema,
  type RegistrationInput,
  type RegistrationReceipt,
} from 'peer-directory/schema';
import type { Geocoder } from '../geocode/geocoder.js';
import { newReference } from '../store/reference.js';
import type { Store } from '../store/store.js';
import type { MailService } from '../mail/index.js';
import { locateGroup } from './locate-group.js';
import { HttpProblem } from '../errors.js';
import type { HitCounter } from '../limits/index.js';

/** What the registration route needs. */
export interface RegistrationRoutesOptions {
  geocoder: Geocoder;
  store: Store;
  /** Where the limit's counts are kept, shared by every API process. */
  counter: HitCounter;
  /** Registrations accepted per client address per hour. */
  rateLimit: number;
  /** Email, when on: the registrant is told their registration arrived. */
  mail?: MailService | undefined;
}

const HOUR = 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once a registration was stored by this request (not a replay of an earlier one). */
    newRegistration: boolean;
  }
}

const registrationHeaders = z.looseObject({
  'idempotency-key': z.optional(z.string().check(z.regex(/^[\x21-\x7e]{1,200}$/, 'Use 1 to 200 visible ASCII characters, such as a UUID'))),
});

/** Registering groups for review. */
export const registrationRoutes: FastifyPluginAsyncZod<RegistrationRoutesOptions> = async (
  app,
  { geocoder, store, counter, rateLimit, mail },
) => {
  // Only accepted registrations count against the limit: the limit is checked
  // and counted after validation (a 400 never reaches it), the honeypot's
  // catches are let through uncounted, and whatever does not end in a new
  // registration (an unknown postcode, a replayed Idempotency-Key, a 429) is
  // taken back once answered. A person who mistyped eight times can still register.
  const counted = new WeakSet<object>();
  const keyOf = (ip: string) => `registration:${ip}`;
  app.decorateRequest('newRegistration', false);
  app.post(
    '/v1/registrations',
    {
      schema: {
        operationId: 'registrations.create',
        answers: {
          422: 'No geocoder knows the group’s postcode (`errors` names `#/group/location/postcode`). (With the geocoder down the registration is still accepted, and placed at approval.)',
        },
        tags: ['registrations'],
        summary: 'Register a group for review',
        description:
          'Keeps the registration for directory staff to review; nothing is published until they approve it. ' +
          'Send an Idempotency-Key header to make retries safe: the same key returns the first receipt. ' +
          `Limited to ${rateLimit} registrations per client address per hour (429 with Retry-After beyond).`,
        headers: registrationHeaders,
        body: registrationInputSchema,
        response: { 202: registrationReceiptSchema },
      },
      config: {
        rateLimit: {
          max: rateLimit,
          timeWindow: HOUR,
          hook: 'preHandler',
          keyGenerator: (request) => keyOf(request.ip),
          allowList: (request) => {
            const honeypot = Boolean((request.body as { trap?: string } | undefined)?.trap);
            if (!honeypot) counted.add(request);
            return honeypot;
          },
          errorResponseBuilder: (_request, context) =>
            new HttpProblem(429, 'rateLimited', `Too many registrations from this address. Try again in ${context.after}.`),
        },
      },
      onResponse: async (request, reply) => {
        if (counted.has(request) && !(reply.statusCode === 202 && request.newRegistration)) {
          await counter.hit(keyOf(request.ip), HOUR, -1, { exact: true });
        }
      },
    },
    async (request, reply) => {
      const input = request.body;
      reply.code(202).header('cache-control', 'no-store');
      if (input.trap) {
        // A bot filled in the field people never see: it gets a receipt that
        // looks real, so it has no reason to try again, and nothing is kept.
        request.log.info('registration dropped by the honeypot');
        return receiptOf({ reference: newReference(), status: 'pending', receivedAt: new Date().toISOString() });
      }
      const group = await locateGroup(geocoder, input.group, '#/group/location/postcode', { allowUnavailable: true });
      const { trap: _trap, ...kept } = input;
      const { registration, created } = await store.createRegistration(
        { input: { ...kept, group } satisfies RegistrationInput, idempotencyKey: request.headers['idempotency-key'] },
        mail?.registrant.received,
      );
      request.newRegistration = created;
      if (created) mail?.worker.wake();
      return receiptOf(registration);
    },
  );
};

function receiptOf({ reference, status, receivedAt }: RegistrationReceipt): RegistrationReceipt {
  return { reference, status, receivedAt };
}
