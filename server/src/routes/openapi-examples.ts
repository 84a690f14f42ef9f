/**
 * Examples for the OpenAPI document, made from the sample directory
 * (`server/src/sample`, what `serve --demo` publishes) by the server's own
 * code: a Leeds group, a search from its postcode, its next meetings, the
 * taxonomy, a registration of a group like it, and each problem as the
 * error handler writes it. They are built when the document is, from that
 * day's sample groups, so their dates are still to come.
 * @module
 */
import { z } from 'zod/mini';
import {
  registrationInputSchema,
  summaryOf,
  type GeocodeResult,
  type Group,
  type RegistrationInput,
  type SearchResult,
} from 'peer-directory/schema';
import { meetingsOf } from 'peer-directory/schedule';
import { sampleGroups } from '../sample/sample-groups.js';
import { HttpProblem, notFoundProblem, validationProblem } from '../errors.js';
import { buildTaxonomy } from './taxonomy.js';
import { groupCalendar } from './calendar.js';
import type { AnswerStatus } from './openapi-answers.js';

/** Examples of one operation: its request body and its answers by status. */
export interface OperationExamples {
  request?: unknown;
  responses: Partial<Record<number, unknown>>;
}

/** The examples of every operation that has some, by operationId. */
export function operationExamples(now = new Date()): Record<string, OperationExamples> {
  const groups = sampleGroups(now);
  const leeds = groups.filter((g) => g.id.startsWith('grp-leeds-'));
  const everywhere = groups.filter((g) => g.servesEverywhere).sort((a, b) => a.name.localeCompare(b.name));
  const group = leeds[0]!;
  const place: GeocodeResult = {
    label: group.location!.postcode!,
    lat: group.location!.lat!,
    lng: group.location!.lng!,
    country: 'GB',
    precision: 'postcode',
  };
  const everywherePage = { groups: everywhere.slice(0, 3).map(summaryOf), total: everywhere.length, nextCursor: null };
  // The sample places a town's groups at its postcode, so a search from there finds them 0 miles away.
  const search: SearchResult = {
    origin: place,
    radius: 10,
    units: 'mi',
    groups: leeds.map((g) => ({ ...summaryOf(g), distance: 0 })),
    nextCursor: null,
    everywhere: everywherePage,
  };
  const meetings = { timeZone: group.schedule.timeZone, meetings: meetingsOf(group.schedule, { after: now.getTime(), limit: 3 }) };
  const registration = registrationOf(group);
  const receipt = { reference: 'PD-7K3M-9QX2', status: 'pending', receivedAt: now.toISOString() };

  return {
    'groups.search': { responses: { 200: search } },
    'groups.everywhere': { responses: { 200: everywherePage } },
    'groups.get': { responses: { 200: group } },
    'groups.meetings': { responses: { 200: meetings } },
    'groups.calendar': { responses: { 200: groupCalendar(group, now.getTime()) } },
    'groups.previewSchedule': { request: { schedule: group.schedule, limit: 3 }, responses: { 200: meetings } },
    geocode: { responses: { 200: place } },
    taxonomy: { responses: { 200: buildTaxonomy([], true) } },
    'registrations.create': { request: registration, responses: { 202: receipt } },
    'reminders.request': { request: { email: 'sam@example.org', reminders: ['day'] }, responses: { 202: { status: 'confirmation-sent' } } },
    'reminders.confirm': { responses: { 200: { status: 'confirmed' } } },
    'reminders.unsubscribe': { responses: { 200: { status: 'unsubscribed' } } },
    'admin.registrations.reject': { request: { reason: 'Please add where the group meets.' }, responses: {} },
    'admin.groups.update': { request: withoutId(group), responses: { 200: group } },
  };
}

/** A registration of a group like `group`, as the form would send it. */
function registrationOf(group: Group): RegistrationInput {
  return z.parse(registrationInputSchema, {
    group: withoutId(group),
    registrant: { name: 'Sam Leader', email: 'sam@example.org', role: 'Group leader' },
    consent: { storeData: true, noMedicalAdvice: true },
  });
}

function withoutId({ id: _id, updatedAt: _updatedAt, ...details }: Group) {
  return details;
}

/** A problem document for each status, as the error handler writes it. */
export function problemExamples(): Partial<Record<AnswerStatus, unknown>> {
  const examples: Partial<Record<AnswerStatus, HttpProblem>> = {
    400: validationProblem([
      { pointer: '#/radius', detail: 'Too big: expected number to be <=200' },
      { pointer: '#/group/location/postcode', detail: 'Enter the postcode of the place the group meets' },
    ]),
    401: new HttpProblem(401, 'unauthorized', 'Send the admin token as Authorization: Bearer <token>.'),
    404: notFoundProblem('There is no published group with this id. It may have been archived.'),
    408: new HttpProblem(408, 'validation', 'The request took too long to arrive.'),
    409: new HttpProblem(409, 'conflict', 'This registration has already been approved.'),
    413: new HttpProblem(413, 'tooLarge', 'The request body is larger than this API accepts (64 KB).'),
    415: new HttpProblem(415, 'validation', 'Send the request body as application/json.'),
    422: new HttpProblem(422, 'unknownPlace', 'We could not find “ZZ99 9ZZ”. Check it, or try a nearby postcode or town.', [
      { pointer: '#/near', detail: 'We could not find “ZZ99 9ZZ”. Check it, or try a nearby postcode or town.' },
    ]),
    429: new HttpProblem(429, 'rateLimited', 'Too many searches from this address. Try again in 1 minute.'),
    431: new HttpProblem(431, 'tooLarge', 'The request headers are larger than this API accepts.'),
    500: new HttpProblem(500, 'internal', 'The request could not be completed. Try again later.'),
    503: new HttpProblem(503, 'unavailable', 'Finding places is not available just now. Try again in a minute.'),
  };
  return Object.fromEntries(Object.entries(examples).map(([status, problem]) => [status, problem.toProblem()]));
}
