/**
 * `GET /v1/geocode?q=`: where a postcode, ZIP code or place is, so a page can
 * show it or search by coordinates.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { geocodeQuerySchema, geocodeResultSchema } from 'peer-directory/schema';
import type { Geocoder } from '../geocode/geocoder.js';
import { LONG_CACHE, sendJson } from './caching.js';
import { findPlace } from './places.js';

/** The geocode route. */
export const geocodeRoutes: FastifyPluginAsyncZod<{ geocoder: Geocoder }> = async (app, { geocoder }) => {
  app.get(
    '/v1/geocode',
    {
      schema: {
        operationId: 'geocode',
        answers: {
          304: true,
          422: 'The postcode or place is well formed, but no geocoder knows it; `errors` names the field.',
          503: 'The online geocoder (GEOCODER_URL) is down (`Retry-After: 60`), or the server is shutting down.',
        },
        tags: ['reference'],
        summary: 'Where a postcode, ZIP code or place is',
        querystring: geocodeQuerySchema,
        response: { 200: geocodeResultSchema },
      },
    },
    async (request, reply) => {
      const place = await findPlace(geocoder, request.query.q, '#/q');
      // Postcodes rarely move: a day's caching spares the geocoder.
      return sendJson(request, reply, JSON.stringify(place), LONG_CACHE);
    },
  );
};
