/**
 * `GET /healthz`: for load balancers. It answers from memory and never
 * touches the database, so it stays cheap at any polling rate.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import { sendPrebuilt } from './caching.js';

const healthSchema = z.object({ status: z.literal('ok') });
const OK = JSON.stringify({ status: 'ok' });

/** The health check. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'health',
        tags: ['operations'],
        summary: 'Is this process up?',
        response: { 200: healthSchema },
      },
    },
    async (_request, reply) => sendPrebuilt(reply, OK),
  );
};
