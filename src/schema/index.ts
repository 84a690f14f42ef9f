/**
 * The single definition of every shape in peer-directory: zod schemas (built
 * with `zod/mini` so browsers download little) and the types inferred from
 * them. The server validates requests with these, the SDK validates
 * responses with them, and the OpenAPI document is generated from them.
 * @module
 */
export * from './taxonomy.js';
export * from './text.js';
export * from './group.js';
export * from './geocode.js';
export * from './search.js';
export * from './registration.js';
export * from './taxonomy-response.js';
export * from './problem.js';
