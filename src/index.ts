/**
 * peer-directory: find diabetes peer-support groups. This entry is the SDK
 * (`createDirectoryClient`, `createAdminClient`, typed errors) and the types
 * of what the API sends and accepts. It registers no custom element and has
 * no side effects: elements live under `peer-directory/elements`, schemas
 * under `peer-directory/schema`. The elements' event `detail` types are
 * here too (types only), for code that listens without importing an element.
 * @module
 */
export * from './sdk/index.js';
export type { ChecklistChangeDetail, PeerDecideDetail, PeerSelectDetail, PeerSubmitDetail } from './elements/index.js';
export type {
  Answers,
  Audience,
  AuditEntry,
  Condition,
  Country,
  FieldError,
  Format,
  GeocodeResult,
  Group,
  EverywherePage,
  EverywhereQuery,
  GroupHit,
  GroupSummary,
  GroupInput,
  Leader,
  Location,
  Meeting,
  Model,
  PeerFunction,
  Problem,
  PublicContact,
  QuestionKey,
  Registrant,
  Registration,
  RegistrationInput,
  RegistrationReceipt,
  RegistrationStatus,
  Schedule,
  SearchQuery,
  SearchResult,
  TaxonomyResponse,
  Term,
  Units,
  YesNoAnswer,
} from './schema/index.js';
