/**
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated from the same zod
 * schemas that validate requests, so the description cannot drift from the code.
 * @module
 */
import fastifySwagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, createJsonSchemaTransformObject, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  auditEntrySchema,
  everywherePageSchema,
  geocodeResultSchema,
  groupHitSchema,
  groupSchema,
  groupSummarySchema,
  problemSchema,
  registrationReceiptSchema,
  registrationSchema,
  searchQuerySchema,
  searchResultSchema,
  taxonomyResponseSchema,
  outboxEntrySchema,
  recurrenceRuleSchema,
  reminderRequestSchema,
  scheduleSchema,
  upcomingMeetingsSchema,
} from 'peer-directory/schema';
import { answersOf, type AnswerStatus, type MediaAnswer } from './openapi-answers.js';
import { operationExamples, problemExamples } from './openapi-examples.js';

/**
 * Names and descriptions for the OpenAPI document. A registry of its own keeps
 * the shared schemas (also bundled into browsers) free of server-only metadata.
 */
export const openapiRegistry = z.registry<{ id?: string; title?: string; description?: string }>();

openapiRegistry.add(groupSchema, {
  id: 'Group',
  description: 'A published peer-support group. It holds nothing private about the person who registered it.',
});
openapiRegistry.add(groupSummarySchema, {
  id: 'GroupSummary',
  description: 'What a list of results shows of a group; the same fields as in `Group`. Read the rest with `GET /v1/groups/{id}`.',
});
openapiRegistry.add(groupHitSchema, { id: 'GroupHit', description: 'A group found by a search, with its distance from the origin.' });
openapiRegistry.add(everywherePageSchema, {
  id: 'EverywherePage',
  description: 'Online and telephone groups open to everyone that match the filters, by name, a page at a time, with their total.',
});
openapiRegistry.add(searchResultSchema, { id: 'SearchResult', description: 'One page of search results.' });
openapiRegistry.add(geocodeResultSchema, { id: 'Place', description: 'A place the directory measures distances from.' });
openapiRegistry.add(registrationReceiptSchema, {
  id: 'RegistrationReceipt',
  description: 'What the registrant is told: a reference to quote, and that the group awaits review.',
});
openapiRegistry.add(registrationSchema, {
  id: 'Registration',
  description: 'A registration as directory staff see it, with the registrant’s private details.',
});
openapiRegistry.add(auditEntrySchema, { id: 'AuditEntry', description: 'One moderation action: who did what, when.' });
openapiRegistry.add(taxonomyResponseSchema, {
  id: 'Taxonomy',
  description: 'Labels for every code, the 8 questions to ask about a programme, and the operator’s quality principles.',
});
openapiRegistry.add(scheduleSchema, {
  id: 'Schedule',
  description: 'When a group meets: RFC 5545 recurrence rules, their exceptions and one-off meetings, in local time in `timeZone`.',
});
openapiRegistry.add(recurrenceRuleSchema, {
  id: 'RecurrenceRule',
  description: 'Every n weeks on a weekday, or a weekday of every n months (BYDAY=1WE; -1 the last), from `start` (DTSTART).',
});
openapiRegistry.add(upcomingMeetingsSchema, { id: 'UpcomingMeetings', description: 'A schedule’s next meetings, soonest first.' });
openapiRegistry.add(reminderRequestSchema, {
  id: 'ReminderRequest',
  description: '“Remind me about this meeting”: an address and when to be reminded.',
});
openapiRegistry.add(outboxEntrySchema, { id: 'OutboxEntry', description: 'A queued, sent or given-up email, without its content.' });
openapiRegistry.add(problemSchema, {
  id: 'Problem',
  description: 'An error as RFC 9457 problem details. Validation problems list every invalid field in `errors`.',
});

const searchParameters: Record<keyof typeof searchQuerySchema.shape, string> = {
  near: 'A UK postcode, US ZIP code or place; the server finds where it is.',
  lat: 'Latitude of the search origin (give lng too; not with near).',
  lng: 'Longitude of the search origin (give lat too; not with near).',
  radius: 'How far to look, in `units` (default 25, at most 200).',
  units: 'mi (default) or km.',
  condition: 'Comma-separated condition codes; a group matches if it supports any of them.',
  audience: 'Comma-separated audience codes.',
  format: 'Comma-separated format codes: in-person, online, telephone.',
  model: 'Comma-separated codes of the seven models of peer support.',
  free: 'true: only groups that charge nothing.',
  family: 'true: only groups that welcome family members.',
  language: 'A two- or three-letter language code, e.g. cy.',
  q: 'Words to look for in group names and summaries.',
  cursor: 'The nextCursor of the previous page.',
  limit: 'Groups per page (1 to 50, default 10).',
};
for (const [name, description] of Object.entries(searchParameters)) {
  openapiRegistry.add(searchQuerySchema.shape[name as keyof typeof searchParameters], { description });
}

const problemSchemaRef = { $ref: '#/components/schemas/Problem' };

const SUCCESS: Record<string, string> = { 200: 'OK', 202: 'Accepted: waiting for review', 204: 'Done' };

type MediaType = { schema?: { $ref?: string }; example?: unknown };
type Response = { description?: string; content?: Record<string, MediaType>; headers?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  responses?: Record<string, Response>;
  requestBody?: { content?: Record<string, MediaType> };
  security?: unknown;
  [ANSWERS]?: Partial<Record<AnswerStatus, string>>;
  [MEDIA]?: Record<string, MediaAnswer>;
};
type OpenApiDocument = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Where the transform of each route leaves its statuses for the document's transform to write out. */
const ANSWERS = 'x-peer-answers';
const MEDIA = 'x-peer-media';

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before asking again.', schema: { type: 'integer' } },
};

/** The response object for a status an operation may answer besides its success. */
function answerResponse(status: AnswerStatus, description: string, example: unknown): Response {
  if (status === 304) {
    return { description, headers: { ETag: { description: 'The tag the client sent, still current.', schema: { type: 'string' } } } };
  }
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    content: { 'application/problem+json': { schema: problemSchemaRef, ...(example === undefined ? {} : { example }) } },
  };
}

// The transform adds an input and an output form of every named schema;
// keep only those the document refers to, so readers see no orphans.
function pruneUnusedSchemas(document: OpenApiDocument): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string') {
          const name = child.replace('#/components/schemas/', '');
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(child);
      }
    }
  };
  visit(document.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  // zod writes each named schema as a document of its own (`$schema`, `$id`); inside
  // this one, an `$id` would make its `#/components/...` references resolve against itself.
  for (const schema of Object.values(schemas) as Record<string, unknown>[]) {
    delete schema.$id;
    delete schema.$schema;
  }
}

/** Writes out each operation's statuses, other media types and examples, and names the success answers. */
function completeOperations(document: OpenApiDocument): void {
  const examples = operationExamples();
  const problems = problemExamples();
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ??= {});
      for (const [status, { description, content }] of Object.entries(operation[MEDIA] ?? {})) {
        const json = responses[status]?.content;
        responses[status] = { description: json ? responses[status]!.description! : description, content: { ...json, ...content } };
      }
      const own = examples[operation.operationId ?? ''];
      for (const [status, response] of Object.entries(responses)) {
        if (response.description === 'Default Response') response.description = SUCCESS[status] ?? 'OK';
        // JSON if the answer has it, else its one media type (a calendar file).
        const media = response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
        if (media && own?.responses[Number(status)] !== undefined) media.example = own.responses[Number(status)];
      }
      const body = operation.requestBody?.content?.['application/json'];
      if (body && own?.request !== undefined) body.example = own.request;
      for (const [status, when] of Object.entries(operation[ANSWERS] ?? {})) {
        const code = Number(status) as AnswerStatus;
        responses[status] = answerResponse(code, when, problems[code]);
      }
      delete operation[ANSWERS];
      delete operation[MEDIA];
    }
  }
}

const addComponents = createJsonSchemaTransformObject({ schemaRegistry: openapiRegistry });
const transformRoute = createJsonSchemaTransform({ schemaRegistry: openapiRegistry });

const plugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'peer-directory API',
        version: '1',
        description:
          'Find diabetes peer-support groups near a place, read what each group offers (the 8 questions), ' +
          'and register a group for review. Errors are application/problem+json (RFC 9457). ' +
          'Each operationId is the name of the SDK method that calls it (`groups.search` is `client.groups.search`, ' +
          '`admin.registrations.approve` is `admin.registrations.approve` on the admin client).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Relative: the server this document is fetched from, whatever name a proxy gives it.
      servers: [{ url: '/', description: 'The server this document is served from' }],
      tags: [
        { name: 'groups', description: 'Searching and reading published groups' },
        { name: 'reference', description: 'Taxonomy and geocoding' },
        { name: 'registrations', description: 'Asking for a group to be listed' },
        { name: 'reminders', description: 'Email reminders about meetings: double opt-in, one-click unsubscribe' },
        { name: 'admin', description: 'Directory staff: review, edit, archive (bearer token)' },
        { name: 'open referral', description: 'The Open Referral UK (HSDS 3.0) read feed' },
        { name: 'operations', description: 'Health' },
      ],
      components: {
        securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN' } },
      },
    },
    transform: (input) => {
      const { schema, url } = transformRoute(input);
      // A route with no schema is not part of the API: the demo's home page.
      if (!schema) return { schema: { hide: true }, url };
      if (schema.hide) return { schema, url };
      // Public unless the route names a scheme: say so, rather than leave readers to guess.
      const security = input.route.schema?.security ?? [];
      const { answers: _answers, media, ...rest } = schema as typeof schema & { answers?: unknown; media?: unknown };
      return { schema: { ...rest, security, [ANSWERS]: answersOf(input.route), ...(media ? { [MEDIA]: media } : {}) }, url };
    },
    transformObject: (input) => {
      const document = addComponents(input) as OpenApiDocument;
      completeOperations(document);
      pruneUnusedSchemas(document);
      return document as ReturnType<typeof addComponents>;
    },
  });

  let document: string | undefined;
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    document ??= JSON.stringify(app.swagger());
    return reply.type('application/json').header('cache-control', 'public, max-age=3600').send(document);
  });
};

/** Registers @fastify/swagger for the whole app and serves its document at `/openapi.json`. */
export const openapiPlugin = fp(plugin, { name: 'peer-directory-openapi' });
