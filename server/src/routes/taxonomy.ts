/**
 * `GET /v1/taxonomy`: the English label of every code, the 8 questions and
 * the operator's quality principles. Built once: it changes only with a
 * release or a restart, so it is cached for a day.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  AUDIENCES,
  CONDITIONS,
  FORMATS,
  FUNCTIONS,
  LEADERS,
  MODELS,
  QUESTIONS,
  taxonomyResponseSchema,
  type Term,
  type TaxonomyResponse,
} from 'peer-directory/schema';
import type { Principle } from '../config.js';
import { etagOf, LONG_CACHE, sendJson } from './caching.js';

/** What the taxonomy route serves beyond the built-in vocabularies. */
export interface TaxonomyRoutesOptions {
  /** The operator's quality principles (PRINCIPLES_FILE); none are built in. */
  principles: Principle[];
  /** Whether the server sends email (SMTP_URL set). */
  email?: boolean;
}

const terms = (list: readonly Term[]) =>
  list.map(({ code, label, description }) => (description === undefined ? { code, label } : { code, label, description }));

/** Builds the taxonomy answer from the schema's constants and the configured principles. */
export function buildTaxonomy(principles: Principle[], email = false): TaxonomyResponse {
  return z.parse(taxonomyResponseSchema, {
    conditions: terms(CONDITIONS),
    audiences: terms(AUDIENCES),
    formats: terms(FORMATS),
    models: terms(MODELS),
    functions: terms(FUNCTIONS),
    leaders: terms(LEADERS),
    questions: QUESTIONS.map(({ key, number, text, kind }) => ({ key, number, text, kind })),
    principles: terms(principles),
    features: { email },
  });
}

/** The taxonomy route. */
export const taxonomyRoutes: FastifyPluginAsyncZod<TaxonomyRoutesOptions> = async (app, { principles, email = false }) => {
  const json = JSON.stringify(buildTaxonomy(principles, email));
  const etag = etagOf(json);
  app.get(
    '/v1/taxonomy',
    {
      schema: {
        operationId: 'taxonomy',
        answers: { 304: true },
        tags: ['reference'],
        summary: 'Labels for every code, the 8 questions, the quality principles',
        response: { 200: taxonomyResponseSchema },
      },
    },
    async (request, reply) => sendJson(request, reply, json, LONG_CACHE, etag),
  );
};
