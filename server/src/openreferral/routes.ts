/**
 * The Open Referral UK feed: HSDS 3.0 read endpoints under `/openreferral`,
 * beside `/v1`. Open with no key, `Access-Control-Allow-Origin: *` whatever
 * CORS_ORIGINS says (the UK profile's openness rule), throttled per address.
 * @module
 */
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Group } from 'peer-directory/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Geocoder } from '../geocode/geocoder.js';
import type { Store } from '../store/store.js';
import type { Principle } from '../config.js';
import { HttpProblem, notFoundProblem } from '../errors.js';
import { findPlace } from '../routes/places.js';
import { SHORT_CACHE, sendJson } from '../routes/caching.js';
import { concatPlaces, FeedCatalogue, type CatalogueView, type EntryFilter, type PlaceList } from './catalogue.js';
import { pageBounds, pageEnvelope, pageOf } from './paging.js';
import {
  idParams,
  listQuerySchema,
  MAX_PER_PAGE,
  serviceAtLocationQuerySchema,
  serviceQuerySchema,
  termQuerySchema,
  type ServiceQuery,
} from './query.js';
import { serviceAtLocation, toService, toServiceSummary } from './services.js';
import { FeedTaxonomy } from './taxonomy.js';

/** Where the feed is served. */
export const FEED_PREFIX = '/openreferral';

/** What the feed reads from. */
export interface FeedRoutesOptions {
  store: Pick<Store, 'groupChanges' | 'getGroups'>;
  /** The search index's version, so the feed follows the same changes search does. */
  searchVersion: () => number;
  geocoder: Geocoder;
  principles: Principle[];
  /** Requests per client address per minute, across every feed endpoint. */
  rateLimit: number;
}

const TAG = 'open referral';

/**
 * The document's words for a feed answer: HSDS 3.0 JSON, described by the
 * standard's own schemas (not repeated here), with an ETag (304) and any
 * other `answers` of the route.
 */
function described(what: string, answers: FastifySchema['answers'] = {}): Pick<FastifySchema, 'answers' | 'media'> {
  return {
    answers: { 304: true, ...answers },
    media: {
      200: {
        description: `${what}, as the HSDS 3.0 schemas and the Open Referral UK profile describe it.`,
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
  };
}

/** The Open Referral UK endpoints. */
export const feedRoutes: FastifyPluginAsyncZod<FeedRoutesOptions> = async (app, options) => {
  const taxonomy = new FeedTaxonomy(options.principles);
  const catalogue = new FeedCatalogue(options, taxonomy);
  const config = {
    rateLimit: {
      max: options.rateLimit,
      timeWindow: '1 minute',
      groupId: 'openreferral',
      errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
        new HttpProblem(429, 'rateLimited', `Too many feed requests from this address. Try again in ${context.after}.`),
    },
  };
  const send = (request: FastifyRequest, reply: FastifyReply, body: unknown) => sendJson(request, reply, JSON.stringify(body), SHORT_CACHE);

  // Built on the feed's first request, not as the server starts: at a million groups the
  // catalogue takes tens of seconds, which a directory nobody reads as a feed should not
  // pay (docs/performance.md, Scale). That first request waits for it.

  /** `make` of each item's group, in order, the groups read from the store (one archived since is left out). */
  const withGroups = async <T, U>(
    current: CatalogueView,
    items: readonly T[],
    rowOf: (item: T) => number,
    make: (group: Group, item: T) => U,
  ) => {
    const groups = await current.groups(items.map(rowOf));
    return items.flatMap((item) => {
      const group = groups.get(rowOf(item));
      return group ? [make(group, item)] : [];
    });
  };
  const summaries = (current: CatalogueView, rows: readonly number[]) =>
    withGroups(
      current,
      rows,
      (row) => row,
      (group) => toServiceSummary(group),
    );

  // The profile's openness rule: any page may read the feed, whatever the API's own CORS list.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });

  // The stub itself, with or without its slash: finders are given `.../openreferral` and ask for `.../openreferral/`.
  for (const path of [FEED_PREFIX, `${FEED_PREFIX}/`]) {
    const schema =
      path === FEED_PREFIX
        ? { operationId: 'openReferral.about', ...described('The feed’s version, profile and OpenAPI address') }
        : { hide: true };
    app.get(path, { config, schema: { tags: [TAG], summary: 'About this Open Referral feed', ...schema } }, async (request, reply) =>
      send(request, reply, {
        version: '3.0',
        profile: 'https://github.com/OpenReferralUK/uk-profile',
        openapi_url: `${request.protocol}://${request.host}/openapi.json`,
      }),
    );
  }

  app.get(
    `${FEED_PREFIX}/services`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.services.list',
        summary: 'Services (groups), in name order',
        querystring: serviceQuerySchema,
        ...described('A page of services (HSDS `service`, one-to-one fields and their organisation)'),
      },
    },
    async (request, reply) => {
      const { start, end } = pageBounds(request.query);
      const page = await catalogue.read(async (current) => {
        const found = current.list(filterOf(request.query));
        return pageEnvelope(await summaries(current, found.slice(start, end)), found.length, request.query);
      });
      return send(request, reply, page);
    },
  );

  app.get(
    `${FEED_PREFIX}/services/:id`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.services.get',
        summary: 'One service with everything nested',
        params: idParams,
        ...described('An HSDS `service` with everything nested'),
      },
    },
    async (request, reply) => {
      const group = await catalogue.read(async (current) => {
        const row = current.byServiceId(request.params.id);
        return row === undefined ? undefined : (await current.groups([row])).get(row);
      });
      if (!group) throw notFoundProblem('There is no published service with this id. It may have been archived.');
      return send(request, reply, toService(group, taxonomy));
    },
  );

  app.get(
    `${FEED_PREFIX}/service_at_locations`,
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Where services are attended: venues nearest a postcode first, then groups open to anyone',
        operationId: 'openReferral.serviceAtLocations.list',
        querystring: serviceAtLocationQuerySchema,
        ...described('A page of HSDS `service_at_location`s, each with its location and service', {
          422: 'The `postcode` is well formed, but no geocoder knows it; `errors` names `#/postcode`.',
          503: 'The online geocoder (GEOCODER_URL) is down (`Retry-After: 60`), or the server is shutting down.',
        }),
      },
    },
    async (request, reply) => {
      const { postcode, proximity, ...rest } = request.query;
      const filter = filterOf(rest);
      const { start, end } = pageBounds(request.query);
      // Found before the catalogue is read: an online geocoder may be slow, and the columns read are held until the answer is made.
      const origin = postcode ? await findPlace(options.geocoder, postcode, '#/postcode') : undefined;
      const page = await catalogue.read(async (current) => {
        // Pages are counted in places attended, found before any is built: a group may have a venue and a virtual one.
        let places: PlaceList;
        if (origin) {
          // Venues near the postcode, then every group that serves any postcode at all.
          const near = current.near(origin.lat, origin.lng, proximity === undefined ? undefined : proximity / 1000, end, filter);
          // Without a distance only the nearest `end` venues are found: enough, as this page ends there when there are more.
          places = concatPlaces(current.venues(near.rows, near.total), current.places(current.everywhere(filter)));
        } else {
          places = current.places(current.list(filter));
        }
        const contents = await withGroups(
          current,
          places.slice(start, end),
          (p) => p.row,
          (group, p) => serviceAtLocation(group, p.kind),
        );
        return pageEnvelope(contents, places.total, request.query);
      });
      return send(request, reply, page);
    },
  );

  app.get(
    `${FEED_PREFIX}/organizations`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.organizations.list',
        summary: 'The organisations groups belong to',
        querystring: listQuerySchema,
        ...described('A page of HSDS `organization`s'),
      },
    },
    async (request, reply) => {
      const page = await catalogue.read((current) =>
        pageOf(current.organizations({ search: request.query.search }), request.query, (o) => o.organization),
      );
      return send(request, reply, page);
    },
  );

  app.get(
    `${FEED_PREFIX}/organizations/:id`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.organizations.get',
        summary: 'One organisation with its services (the first 200 by name; `/services?organization_id=` pages them all)',
        params: idParams,
        ...described('An HSDS `organization` with its services'),
      },
    },
    async (request, reply) => {
      const found = await catalogue.read(async (current) => {
        const org = current.organization(request.params.id);
        // A national charity may run tens of thousands of groups: the nested list is one page's worth.
        return org && { ...org.organization, services: await summaries(current, org.rows.slice(0, MAX_PER_PAGE)) };
      });
      if (!found) throw notFoundProblem('There is no organisation with this id in the directory.');
      return send(request, reply, found);
    },
  );

  app.get(
    `${FEED_PREFIX}/taxonomies`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.taxonomies.list',
        summary: 'Our vocabularies as taxonomies',
        querystring: listQuerySchema,
        ...described('A page of HSDS `taxonomy` objects'),
      },
    },
    async (request, reply) => send(request, reply, pageOf(taxonomy.taxonomies, request.query)),
  );

  app.get(
    `${FEED_PREFIX}/taxonomies/:id`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.taxonomies.get',
        summary: 'One taxonomy',
        params: idParams,
        ...described('An HSDS `taxonomy`'),
      },
    },
    async (request, reply) => {
      const found = taxonomy.taxonomies.find((t) => t.id === request.params.id);
      if (!found) throw notFoundProblem('There is no taxonomy with this id.');
      return send(request, reply, found);
    },
  );

  app.get(
    `${FEED_PREFIX}/taxonomy_terms`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.taxonomyTerms.list',
        summary: 'Every term of every taxonomy',
        querystring: termQuerySchema,
        ...described('A page of HSDS `taxonomy_term`s'),
      },
    },
    async (request, reply) => {
      const { taxonomy_id, search } = request.query;
      const words = search?.toLowerCase();
      const terms = taxonomy.terms.filter(
        (t) => (!taxonomy_id || t.taxonomy_id === taxonomy_id) && (!words || t.name.toLowerCase().includes(words)),
      );
      return send(request, reply, pageOf(terms, request.query));
    },
  );

  app.get(
    `${FEED_PREFIX}/taxonomy_terms/:id`,
    {
      config,
      schema: {
        tags: [TAG],
        operationId: 'openReferral.taxonomyTerms.get',
        summary: 'One taxonomy term',
        params: idParams,
        ...described('An HSDS `taxonomy_term`'),
      },
    },
    async (request, reply) => {
      const found = taxonomy.terms.find((t) => t.id === request.params.id);
      if (!found) throw notFoundProblem('There is no taxonomy term with this id.');
      return send(request, reply, found);
    },
  );
};

function filterOf(query: Omit<ServiceQuery, 'page' | 'per_page'>): EntryFilter {
  return {
    search: query.search,
    taxonomyTermId: query.taxonomy_term_id,
    taxonomyId: query.taxonomy_id,
    organizationId: query.organization_id,
    modifiedAfter: query.modified_after,
    day: query.day,
    startTime: query.start_time?.slice(0, 5),
    endTime: query.end_time?.slice(0, 5),
  };
}
