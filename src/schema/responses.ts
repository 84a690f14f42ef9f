import * as z from 'zod/mini';
import { geocodeResultSchema } from './geocode.js';
import { groupSchema } from './group.js';
import { problemSchema } from './problem.js';
import { registrationReceiptSchema } from './registration-receipt.js';
import { upcomingMeetingsSchema } from './meetings.js';
import { outboxEntrySchema } from './outbox.js';
import { auditLogSchema, registrationListSchema, registrationSchema } from './registration.js';
import { reminderLinkResultSchema, reminderReceiptSchema } from './reminders.js';
import { everywherePageSchema, searchResultSchema } from './search.js';
import { taxonomyResponseSchema } from './taxonomy-response.js';

/**
 * Every answer the API sends, by name, as its schema: give it to
 * `createDirectoryClient` or `createAdminClient` as `validate` and each answer
 * (and problem document) is checked for its documented shape before the
 * caller sees it. Importing it is the opt-in: a client created without it
 * trusts the typed API and its page downloads no zod at all
 * (docs/architecture.md says why).
 *
 * @example
 * ```ts
 * import { createDirectoryClient } from 'peer-directory';
 * import { responseSchemas } from 'peer-directory/schema';
 *
 * const directory = createDirectoryClient({ baseUrl, validate: responseSchemas });
 * ```
 */
export const responseSchemas = {
  group: groupSchema,
  searchResult: searchResultSchema,
  everywherePage: everywherePageSchema,
  upcomingMeetings: upcomingMeetingsSchema,
  reminderReceipt: reminderReceiptSchema,
  reminderLinkResult: reminderLinkResultSchema,
  geocode: geocodeResultSchema,
  taxonomy: taxonomyResponseSchema,
  registrationReceipt: registrationReceiptSchema,
  registration: registrationSchema,
  registrationList: registrationListSchema,
  auditLog: auditLogSchema,
  outbox: /* @__PURE__ */ z.object({ entries: z.array(outboxEntrySchema) }),
  problem: problemSchema,
};

/** The names of the API's answers (`searchResult`, `group`, ...): what the SDK's resources ask the transport for. */
export type ResponseName = keyof typeof responseSchemas;

/** Each answer's type, by name. */
export type ResponseShapes = { [K in ResponseName]: z.output<(typeof responseSchemas)[K]> };
