import type { AuditEntry, GeocodeResult, Group, Registration, RegistrationInput, RegistrationStatus } from 'peer-directory/schema';
import type { OutboxEntry, OutgoingMail, QueuedMail } from '../mail/outgoing.js';
import type { NewReminderSubscription, PlannedReminder, ReminderSubscription } from '../mail/reminder-types.js';

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
  { kind: 'publish'; group: Group } | { kind: 'queue'; input: RegistrationInput }
);

/** Emails a registration's change causes, queued in the same transaction; none when email is off. */
export type RegistrationNotice = (registration: Registration) => OutgoingMail[];

/** A published group about to change, with the people who asked for reminders about it. */
export interface GroupChange {
  before: Group | undefined;
  after: Group;
  subscriptions: ReminderSubscription[];
}

/** What a group's change means for reminders: emails to queue, subscriptions that end (a cancelled meeting). */
export type GroupChangeNotice = (change: GroupChange) => { mail: OutgoingMail[]; end: string[] };

/** One due reminder worked out: the email to queue (none when its meeting is gone) and the next one. */
export type ReminderStep = (
  subscription: ReminderSubscription,
  group: Group | undefined,
) => {
  mail?: OutgoingMail;
  next?: PlannedReminder;
};

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
  /** The published groups among `ids`, in no particular order (unknown and archived ones left out). */
  getGroups(ids: readonly string[]): Promise<Group[]>;
  /**
   * Publish a new group or replace a published (or archived) one with the same id; logs an `edit` entry.
   * `notify` is told of the change with the group's reminder subscriptions (a cancelled meeting).
   */
  putGroup(group: Group, actor: string, notify?: GroupChangeNotice): Promise<void>;
  /** Take a group out of the directory; false when there was no such published group. */
  archiveGroup(id: string, actor: string, reason?: string): Promise<boolean>;
  /** How many groups are published. */
  countGroups(): Promise<number>;
  /** Publish many groups in one transaction (seeding); writes no audit entries. */
  putGroups(groups: Group[], actor: string): Promise<void>;

  /** Keep a registration for review. With a known idempotency key, returns the first one and `created: false`. */
  createRegistration(reg: NewRegistration, notify?: RegistrationNotice): Promise<{ registration: Registration; created: boolean }>;
  /** Registrations in the order they arrived, optionally only those with one status. */
  listRegistrations(status?: RegistrationStatus): Promise<Registration[]>;
  getRegistration(id: string): Promise<Registration | undefined>;
  /**
   * Approve: publish `group` (built from the registration) and mark the registration approved, atomically.
   * Resolves undefined for an unknown id; throws `RegistrationStateError` when it is not pending.
   */
  approveRegistration(
    id: string,
    group: Group,
    actor: string,
    notify?: { registrant?: RegistrationNotice; group?: GroupChangeNotice },
  ): Promise<Registration | undefined>;
  /**
   * Reject with a reason the registrant can be told.
   * Resolves undefined for an unknown id; throws `RegistrationStateError` when it is not pending.
   */
  rejectRegistration(id: string, reason: string, actor: string, notify?: RegistrationNotice): Promise<Registration | undefined>;

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

  /**
   * Claims up to `limit` due emails for `leaseMs`; processes claiming together never get the same one.
   * A claim expires after the lease, so an email whose worker died is sent by another.
   */
  claimMail(limit: number, leaseMs: number): Promise<QueuedMail[]>;
  /** The email was accepted by the SMTP server: never sent again; its address and content are forgotten. */
  markMailSent(id: number): Promise<void>;
  /** An attempt failed: retried at `retryAt`, or given up for staff to see (`retryAt` undefined). */
  markMailFailed(id: number, error: string, retryAt: number | undefined): Promise<void>;
  /** Lets go of every claim (the embedded store at start-up: no other process can be sending). */
  releaseMailClaims(): Promise<void>;
  /** The outbox for staff, newest first. */
  listOutbox(state?: OutboxEntry['state'], limit?: number): Promise<OutboxEntry[]>;
  /** Queues a given-up email again; false when there is no such failed email. */
  retryMail(id: number): Promise<boolean>;

  /** Reminder requests in the last day from one address (by hash) and for one group. */
  recentReminderRequests(emailHash: string, groupId: string): Promise<{ byEmail: number; byGroup: number }>;
  /** Keeps an unconfirmed subscription and queues its confirmation email, atomically. */
  requestReminders(sub: NewReminderSubscription, emailHash: string, confirmation: (s: ReminderSubscription) => OutgoingMail): Promise<void>;
  /**
   * Confirms the subscription a token names, planning its first reminder (none left: it is deleted).
   * Resolves undefined for an unknown token.
   */
  confirmReminders(
    token: string,
    plan: (s: ReminderSubscription, group: Group | undefined) => PlannedReminder | undefined,
  ): Promise<{ planned: boolean } | undefined>;
  /** Deletes the subscription a token names, with its unsent emails; false when there is none. */
  unsubscribe(token: string): Promise<boolean>;
  /** Queues the reminders due by `now` (at most `limit`) and plans each one's next; resolves how many were due. */
  sendDueReminders(now: number, limit: number, step: ReminderStep): Promise<number>;
  /** Forgets old request counts and subscriptions not confirmed within `unconfirmedDays`. */
  sweepReminders(unconfirmedDays: number): Promise<void>;

  /** Closes the database (and releases the embedded store's data-directory lock). */
  close(): Promise<void>;
}
