/**
 * The single definition of every shape in peer-directory: zod schemas (built
 * with `zod/mini` so browsers download little) and the types inferred from
 * them. The server validates requests with these, the SDK validates
 * responses with them, and the OpenAPI document is generated from them.
 *
 * Every top-level schema is marked `@__PURE__`: zod builders are calls, and
 * without the mark bundlers keep every schema a page never uses (the
 * finder would ship the registration schema, about 8 KB gzip more).
 *
 * What people submit (`groupInputSchema`, `registrationInputSchema`,
 * `searchQuerySchema`) is checked in full; what the API returns (`groupSchema`,
 * `searchResultSchema`) only for its shape, since its content was checked on
 * the way in. Both are built from one definition (group-shape.ts, fields.ts).
 * @module
 */
export * from './countries.js';
export * from './taxonomy.js';
export * from './text.js';
export * from './group.js';
export * from './group-input.js';
export * from './geocode.js';
export * from './place.js';
export * from './query.js';
export * from './search-constants.js';
export * from './search.js';
export * from './registration-receipt.js';
export * from './registration.js';
export * from './taxonomy-response.js';
export * from './problem.js';
export * from './meeting-time.js';
export * from './static-directory.js';
export * from './meetings.js';
export { pastDateIssues, localNow, type RuleProblem } from './schedule-checks.js';
export * from './reminders.js';
export * from './outbox.js';
export * from './responses.js';
