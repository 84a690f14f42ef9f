import type { AuditEntry, GeocodeResult, Group, Registration, RegistrationInput, RegistrationStatus } from 'peer-directory/schema';

/** Published groups changed since a version: what the search index needs to catch up. */
export interface GroupChanges {
  /** The highest version seen; pass it back to get only later changes. */
  version: number;
  /** Groups published or edited since the version asked for. */
  upserts: Group[];
  /** Ids of groups archived since the version asked for. */
  removed: string[];
}

/**
 * What a copy of the search index saved at `version` is checked against
 * before it is used instead of reading every group (see `feedCheck`).
 */
export interface FeedCheck {
  /** Which database this is: its cluster's system identifier, name and oid. */
  database: string;
  /** The latest version in the change feed. */
  latest: number;
  /** The group whose latest change has exactly the version asked about, if one has. */
  idAt: string | undefined;
}

/** A new registration as the API received it. */
export interface NewRegistration {
  input: RegistrationInput;
  /** Client-chosen key: the same key returns the first registration, never a second one. */
  idempotencyKey?: string;
}

/** What an earlier import recorded about one source record. */
export interface ImportRecord {
  sourceKey: string;
  contentHash: string;
  /** The published group it made or updates: set by `--publish`, or once its registration was approved. */
  groupId?: string;
  /** The registration it waits in, while that is pending (or was rejected). */
  registrationId?: string;
  registrationStatus?: RegistrationStatus;
}

/** One record of an import batch: publish it, or queue it for review. */
export type ImportWrite = { sourceKey: string; contentHash: string } & (
  | { kind: 'publish'; group: Group }
  | { kind: 'queue'; input: RegistrationInput }
);

/**
 * Everything the server keeps. One implementation (SqlStore) runs on both
 * engines, embedded PGlite and PostgreSQL, with one set of migrations.
 * Every method resolves only once its write is durable (committed).
 */
/** Hits on one rate-limit counter: a key (limit and client address) in one fixed window. */
export interface RateLimitHits {
  key: string;
  /** The window's start, ms since the epoch. */
  windowStart: number;
  hits: number;
}

export interface Store {
  /**
   * The change feed of published groups, oldest first. `since` 0 returns
   * them all; `limit` caps how many rows one call reads (call again from
   * the `version` returned until fewer come back); `until` leaves out
   * changes after that version.
   */
  groupChanges(since: number, limit?: number, until?: number): Promise<GroupChanges>;
  /**
   * Calls `listener` soon after any process (any API process on the same
   * PostgreSQL) commits a change to the published groups. Resolves once
   * listening, to a function that stops.
   */
  watchGroupChanges(listener: () => void): Promise<() => Promise<void>>;
  /** What a search snapshot taken at `version` must still match to be used. */
  feedCheck(version: number): Promise<FeedCheck>;
  /** A published group, or undefined when unknown or archived. */
  getGroup(id: string): Promise<Group | undefined>;
  /** Publish a new group or replace a published (or archived) one with the same id; logs an `edit` entry. */
  putGroup(group: Group, actor: string): Promise<void>;
  /** Take a group out of the directory; false when there was no such published group. */
  archiveGroup(id: string, actor: string, reason?: string): Promise<boolean>;
  /** How many groups are published. */
  countGroups(): Promise<number>;
  /** Publish many groups in one transaction (seeding); writes no audit entries. */
  putGroups(groups: Group[], actor: string): Promise<void>;

  /** Keep a registration for review. With a known idempotency key, returns the first one and `created: false`. */
  createRegistration(reg: NewRegistration): Promise<{ registration: Registration; created: boolean }>;
  /** Registrations in the order they arrived, optionally only those with one status. */
  listRegistrations(status?: RegistrationStatus): Promise<Registration[]>;
  getRegistration(id: string): Promise<Registration | undefined>;
  /**
   * Approve: publish `group` (built from the registration) and mark the registration approved, atomically.
   * Resolves undefined for an unknown id; throws `RegistrationStateError` when it is not pending.
   */
  approveRegistration(id: string, group: Group, actor: string): Promise<Registration | undefined>;
  /**
   * Reject with a reason the registrant can be told.
   * Resolves undefined for an unknown id; throws `RegistrationStateError` when it is not pending.
   */
  rejectRegistration(id: string, reason: string, actor: string): Promise<Registration | undefined>;

  /** The moderation log, newest first (at most `limit` entries, default 100). */
  listAudit(limit?: number): Promise<AuditEntry[]>;

  /** What earlier imports recorded for these source keys (absent keys were never imported). */
  importRecords(sourceKeys: readonly string[]): Promise<Map<string, ImportRecord>>;
  /**
   * Writes one batch of an import in one transaction: every group published
   * (with an `edit` audit entry) or registration queued, and every source
   * record, or none of them.
   */
  applyImport(batch: readonly ImportWrite[], actor: string): Promise<void>;

  /** The geocoder's persistent cache. */
  getCachedPlace(key: string): Promise<GeocodeResult | undefined>;
  cachePlace(key: string, place: GeocodeResult): Promise<void>;

  /**
   * Adds hits to rate-limit counters (a negative count takes them back) and
   * returns each counter's total across every process. With `forgetBefore`
   * (ms since the epoch), windows that started before it are deleted first.
   */
  addRateLimitHits(hits: RateLimitHits[], forgetBefore?: number): Promise<RateLimitHits[]>;

  /** Closes the database (and releases the embedded store's data-directory lock). */
  close(): Promise<void>;
}
