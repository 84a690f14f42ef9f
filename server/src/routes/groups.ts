/**
 * `GET /v1/groups` (search), `GET /v1/everywhere` (the online and telephone
 * groups open to everyone, a page at a time) and `GET /v1/groups/{id}`: the
 * public directory.
 * @module
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  everywherePageSchema,
  everywhereQuerySchema,
  groupSchema,
  idParamsSchema,
  searchQuerySchema,
  searchResultSchema,
} from 'peer-directory/schema';
import type { SearchPort } from '../search/index.js';
import type { Geocoder } from '../geocode/geocoder.js';
import type { Store } from '../store/store.js';
import { notFoundProblem } from '../errors.js';
import { findPlace } from './places.js';
import { ownCopy, ResponseCache, type CachedAnswer } from './response-cache.js';
import { chooseEncoding, compress, MIN_COMPRESSED_BYTES, type Encoding } from './compression.js';
import { addVary, etagFrom, isFresh, sendJson, SHORT_CACHE, SHORT_CACHE_SECONDS } from './caching.js';

/** What the group routes read from. */
export interface GroupRoutesOptions {
  geocoder: Geocoder;
  search: SearchPort;
  store: Store;
}

/** Search and read published groups. */
export const groupRoutes: FastifyPluginAsyncZod<GroupRoutesOptions> = async (app, { geocoder, search, store }) => {
  const answers = new ResponseCache(SHORT_CACHE_SECONDS * 1000);
  const keyOf = (url: string, encoding: Encoding | undefined) => `${encoding ?? 'identity'} ${url}`;

  function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
    // Each encoding is its own representation: caches must key on it.
    addVary(reply, 'Accept-Encoding');
    if (answer.encoding && !isFresh(request, answer.etag)) reply.header('content-encoding', answer.encoding);
    return sendJson(request, reply, answer.body, SHORT_CACHE, answer.etag);
  }

  // A repeat of a recent URL is answered before validation and geocoding.
  const answerRepeat = async (request: FastifyRequest, reply: FastifyReply) => {
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const answer = answers.get(keyOf(request.url, encoding), search.version);
    if (answer) return sendAnswer(request, reply, answer);
  };

  /**
   * Sends an answer built at index `version`, compressed as the client
   * accepts, and keeps it for repeats. The answer is a function of the
   * version, the URL and `place` (the geocoded origin): tagging those rather
   * than hashing the bytes is cheaper, and every process at one version
   * gives the same tag. `body` is the search's view, overwritten by the next.
   */
  function sendFresh(request: FastifyRequest, reply: FastifyReply, version: number, body: Buffer, place = '') {
    const accepted = chooseEncoding(request.headers['accept-encoding']);
    const encoding = body.length >= MIN_COMPRESSED_BYTES ? accepted : undefined;
    const answer: CachedAnswer = {
      body: ownCopy(encoding ? compress(body, encoding) : body),
      encoding,
      etag: etagFrom(version, request.url, place, encoding ?? 'identity'),
      version,
    };
    answers.set(keyOf(request.url, accepted), answer);
    return sendAnswer(request, reply, answer);
  }

  app.get(
    '/v1/groups',
    {
      schema: {
        operationId: 'groups.search',
        answers: {
          304: true,
          422: 'The postcode or place is well formed, but no geocoder knows it; `errors` names the field.',
          503: 'The online geocoder (GEOCODER_URL) is down (`Retry-After: 60`), or the server is shutting down.',
        },
        tags: ['groups'],
        summary: 'Find groups near a place',
        description:
          'Groups that meet in person or serve an area, nearest first with their distance, in pages; ' +
          'and, on the first page, the first online and telephone groups open to anyone that match the filters, ' +
          'with their total (the rest from `GET /v1/everywhere`). Each group is a summary: read the whole group ' +
          'from `GET /v1/groups/{id}`. Answers are compressed (br, gzip) when the client accepts it.',
        querystring: searchQuerySchema,
        // Documents the answer; the handler sends the index's prebuilt JSON text as is.
        response: { 200: searchResultSchema },
      },
      onRequest: answerRepeat,
    },
    async (request, reply) => {
      const query = request.query;
      // lat and lng need no geocoding: the index measures from them itself.
      const origin = query.near === undefined ? undefined : await findPlace(geocoder, query.near, '#/near');
      const version = search.version;
      return sendFresh(request, reply, version, search.search(query, origin), origin ? JSON.stringify(origin) : '');
    },
  );

  app.get(
    '/v1/everywhere',
    {
      schema: {
        operationId: 'groups.everywhere',
        answers: { 304: true },
        tags: ['groups'],
        summary: 'Online and telephone groups open to everyone',
        description:
          'The groups that meet online or by telephone and welcome people wherever they live, matching the ' +
          'same filters as a search, by name, in pages. They are the same wherever people search from, so ' +
          'this answer can be cached and reused across searches.',
        querystring: everywhereQuerySchema,
        response: { 200: everywherePageSchema },
      },
      onRequest: answerRepeat,
    },
    async (request, reply) => {
      const version = search.version;
      return sendFresh(request, reply, version, search.everywhere(request.query));
    },
  );

  app.get(
    '/v1/groups/:id',
    {
      schema: {
        operationId: 'groups.get',
        answers: { 304: true, 404: 'There is no published group with this id; it may have been archived.' },
        tags: ['groups'],
        summary: 'One published group',
        params: idParamsSchema,
        response: { 200: groupSchema },
      },
    },
    async (request, reply) => {
      const group = await store.getGroup(request.params.id);
      if (!group) throw notFoundProblem('There is no published group with this id. It may have been archived.');
      // Parsing strips anything that is not part of a public group.
      return sendJson(request, reply, JSON.stringify(z.parse(groupSchema, group)), SHORT_CACHE);
    },
  );
};
