import { randomUUID } from 'node:crypto';
import type { AuditEntry, GeocodeResult, Group, Registration, RegistrationStatus } from 'peer-directory/schema';
import type {
  FeedCheck,
  GroupChangeNotice,
  GroupChanges,
  ImportRecord,
  ImportWrite,
  NewRegistration,
  RateLimitHits,
  RegistrationNotice,
  ReminderStep,
  Store,
} from './store.js';
import type { OutboxEntry, OutgoingMail, QueuedMail } from '../mail/outgoing.js';
import type { NewReminderSubscription, PlannedReminder, ReminderSubscription } from '../mail/reminder-types.js';
import * as mail from './mail-store.js';
import { sqlErrorOf, UNIQUE_VIOLATION, type Database, type Queryable } from './database.js';
import { RegistrationStateError } from './errors.js';
import { migrate } from './migrate.js';
import { newReference } from './reference.js';
import { REGISTRATION_COLUMNS, toAuditEntry, toRegistration, type AuditRow, type RegistrationRow } from './rows.js';

// Every transaction that changes a group takes this lock before it takes a
// version, so versions become visible in the order they were taken. Without
// it, on PostgreSQL a reader could see version 11 commit before version 10 and
// its change feed would skip 10 for ever.
const GROUP_FEED_LOCK = 7_265_902;
/** The largest version a bigint holds: "no upper bound" for the change feed. */
const LAST_VERSION = '9223372036854775807';
/** The channel group changes are announced on (LISTEN/NOTIFY). */
const GROUP_CHANNEL = 'peer_directory_groups';
/** Groups per INSERT when seeding: one statement per batch keeps each parameter a few MB. */
const SEED_BATCH = 1_000;
/** How many times a clash of random references is retried before giving up. */
const REFERENCE_ATTEMPTS = 5;

const UPSERT_GROUP = `
  INSERT INTO groups (id, record, status) VALUES ($1, $2::jsonb, 'published')
  ON CONFLICT (id) DO UPDATE SET record = excluded.record, status = 'published', version = excluded.version`;

/**
 * The store on any PostgreSQL-dialect engine: embedded PGlite or a
 * PostgreSQL server, through the `Database` adapter. One set of SQL, one set
 * of migrations. Every method resolves after its transaction has committed.
 */
export class SqlStore implements Store {
  private constructor(private readonly db: Database) {}

  /** Brings the database's schema up to date, then serves from it. */
  static async open(db: Database): Promise<SqlStore> {
    await migrate(db);
    return new SqlStore(db);
  }

  /** Which engine this store runs on. */
  get engine(): Database['engine'] {
    return this.db.engine;
  }

  async groupChanges(since: number, limit?: number, until?: number): Promise<GroupChanges> {
    // Both bounds always given (no "IS NULL OR"), so the plan is a range scan of the version index.
    const rows = await this.db.query<{ id: string; record: Group; status: string; version: number | string }>(
      'SELECT id, record, status, version FROM groups WHERE version > $1 AND version <= $3 ORDER BY version LIMIT $2',
      [since, limit ?? null, until ?? LAST_VERSION],
    );
    const changes: GroupChanges = { version: since, upserts: [], removed: [] };
    for (const row of rows) {
      if (row.status === 'published') changes.upserts.push(row.record);
      else changes.removed.push(row.id);
      changes.version = Number(row.version);
    }
    return changes;
  }

  watchGroupChanges(listener: () => void): Promise<() => Promise<void>> {
    return this.db.listen(GROUP_CHANNEL, () => listener());
  }

  async feedCheck(version: number): Promise<FeedCheck> {
    const [row] = await this.db.query<{ database: string; latest: string | number | null; id_at: string | null }>(
      `SELECT (SELECT system_identifier::text FROM pg_control_system()) || ':' || current_database() || ':' ||
              (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database,
              (SELECT max(version) FROM groups) AS latest,
              (SELECT id FROM groups WHERE version = $1) AS id_at`,
      [version],
    );
    return { database: row!.database, latest: Number(row!.latest ?? 0), idAt: row!.id_at ?? undefined };
  }

  async getGroup(id: string): Promise<Group | undefined> {
    const [row] = await this.db.query<{ record: Group }>("SELECT record FROM groups WHERE id = $1 AND status = 'published'", [id]);
    return row?.record;
  }

  async getGroups(ids: readonly string[]): Promise<Group[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ record: Group }>("SELECT record FROM groups WHERE id = ANY($1::text[]) AND status = 'published'", [
      ids,
    ]);
    return rows.map((row) => row.record);
  }

  async putGroup(group: Group, actor: string, notify?: GroupChangeNotice): Promise<void> {
    await this.db.transaction(async (tx) => {
      await beginGroupChange(tx);
      const [before] = await tx.query<{ status: string; record: Group }>('SELECT status, record FROM groups WHERE id = $1', [group.id]);
      await tx.query(UPSERT_GROUP, [group.id, JSON.stringify(group)]);
      if (notify) await noticeGroupChange(tx, before?.status === 'published' ? before.record : undefined, group, notify);
      const detail =
        before === undefined ? 'Published a new group' : before.status === 'archived' ? 'Republished an archived group' : undefined;
      await recordAudit(tx, { actor, action: 'edit', subject: group.id, detail });
    });
  }

  async archiveGroup(id: string, actor: string, reason?: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await beginGroupChange(tx);
      const archived = await tx.query(
        `UPDATE groups SET status = 'archived', version = nextval('group_version')
         WHERE id = $1 AND status = 'published' RETURNING id`,
        [id],
      );
      if (archived.length === 0) return false;
      await recordAudit(tx, { actor, action: 'archive', subject: id, detail: reason });
      return true;
    });
  }

  async countGroups(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>("SELECT count(*)::int AS n FROM groups WHERE status = 'published'");
    return row?.n ?? 0;
  }

  /** Seeding: one transaction, batched multi-row inserts, no audit entries (`actor` is not logged). */
  async putGroups(groups: Group[], _actor: string): Promise<void> {
    // One statement cannot update a row twice: the last record for an id wins, as in a loop of putGroup.
    const unique = [...new Map(groups.map((g) => [g.id, g])).values()];
    await this.db.transaction(async (tx) => {
      await beginGroupChange(tx);
      for (let start = 0; start < unique.length; start += SEED_BATCH) {
        const batch = unique.slice(start, start + SEED_BATCH);
        await tx.query(
          `INSERT INTO groups (id, record, status)
           SELECT g ->> 'id', g, 'published' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a (g, n) ORDER BY n
           ON CONFLICT (id) DO UPDATE SET record = excluded.record, status = 'published', version = excluded.version`,
          [JSON.stringify(batch)],
        );
      }
    });
  }

  async createRegistration(reg: NewRegistration, notify?: RegistrationNotice): Promise<{ registration: Registration; created: boolean }> {
    const receivedAt = new Date().toISOString();
    for (let attempt = 1; ; attempt++) {
      try {
        // Two requests with one key may race: the unique index lets exactly one
        // insert, and the other waits for it, inserts nothing, and reads it below.
        // The "we received it" email is queued in the same transaction as the registration.
        const inserted = await this.db.transaction(async (tx) => {
          const [row] = await tx.query<RegistrationRow>(
            `INSERT INTO registrations (id, reference, idempotency_key, received_at, input, consent_at)
             VALUES ($1, $2, $3, $4, $5::jsonb, $4)
             ON CONFLICT (idempotency_key) DO NOTHING
             RETURNING ${REGISTRATION_COLUMNS}`,
            [randomUUID(), newReference(), reg.idempotencyKey ?? null, receivedAt, JSON.stringify(reg.input)],
          );
          if (row && notify) await mail.enqueue(tx, notify(toRegistration(row)));
          return row;
        });
        if (inserted) return { registration: toRegistration(inserted), created: true };
        const [first] = await this.db.query<RegistrationRow>(
          `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE idempotency_key = $1`,
          [reg.idempotencyKey],
        );
        if (first) return { registration: toRegistration(first), created: false };
        // The first registration with this key vanished between the two statements; nothing deletes
        // registrations, so only a manual delete gets here: insert afresh.
        if (attempt >= REFERENCE_ATTEMPTS) throw new Error(`Could not store registration with key ${reg.idempotencyKey}`);
      } catch (error) {
        const { code, constraint } = sqlErrorOf(error);
        const referenceClash = code === UNIQUE_VIOLATION && constraint === 'registrations_reference_key';
        if (!referenceClash || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  async listRegistrations(status?: RegistrationStatus): Promise<Registration[]> {
    const rows = await this.db.query<RegistrationRow>(
      `SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE $1::text IS NULL OR status = $1 ORDER BY seq`,
      [status ?? null],
    );
    return rows.map(toRegistration);
  }

  async getRegistration(id: string): Promise<Registration | undefined> {
    const [row] = await this.db.query<RegistrationRow>(`SELECT ${REGISTRATION_COLUMNS} FROM registrations WHERE id = $1`, [id]);
    return row && toRegistration(row);
  }

  async approveRegistration(
    id: string,
    group: Group,
    actor: string,
    notify: { registrant?: RegistrationNotice; group?: GroupChangeNotice } = {},
  ): Promise<Registration | undefined> {
    return this.db.transaction(async (tx) => {
      // The feed lock before the row lock, as in every group write: one order, no deadlocks.
      await beginGroupChange(tx);
      const decided = await decide(tx, id, { status: 'approved', actor, groupId: group.id });
      if (!decided) return undefined;
      const [before] = await tx.query<{ status: string; record: Group }>('SELECT status, record FROM groups WHERE id = $1', [group.id]);
      await tx.query(UPSERT_GROUP, [group.id, JSON.stringify(group)]);
      await recordAudit(tx, { actor, action: 'approve', subject: id, detail: `Published as group ${group.id}` });
      const registration = toRegistration(decided);
      if (notify.registrant) await mail.enqueue(tx, notify.registrant(registration));
      if (notify.group) await noticeGroupChange(tx, before?.status === 'published' ? before.record : undefined, group, notify.group);
      return registration;
    });
  }

  async rejectRegistration(id: string, reason: string, actor: string, notify?: RegistrationNotice): Promise<Registration | undefined> {
    return this.db.transaction(async (tx) => {
      const decided = await decide(tx, id, { status: 'rejected', actor, reason });
      if (!decided) return undefined;
      await recordAudit(tx, { actor, action: 'reject', subject: id, detail: reason });
      const registration = toRegistration(decided);
      if (notify) await mail.enqueue(tx, notify(registration));
      return registration;
    });
  }

  async listAudit(limit = 100): Promise<AuditEntry[]> {
    const rows = await this.db.query<AuditRow>('SELECT at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT $1', [
      limit,
    ]);
    return rows.map(toAuditEntry);
  }

  async importRecords(sourceKeys: readonly string[]): Promise<Map<string, ImportRecord>> {
    const rows = await this.db.query<{
      source_key: string;
      content_hash: string;
      group_id: string | null;
      registration_id: string | null;
      status: RegistrationStatus | null;
      approved_as: string | null;
    }>(
      `SELECT s.source_key, s.content_hash, s.group_id, s.registration_id, r.status, r.group_id AS approved_as
       FROM import_sources s LEFT JOIN registrations r ON r.id = s.registration_id
       WHERE s.source_key = ANY($1::text[])`,
      [sourceKeys],
    );
    return new Map(
      rows.map((row) => {
        const groupId = row.group_id ?? row.approved_as ?? undefined;
        const record: ImportRecord = {
          sourceKey: row.source_key,
          contentHash: row.content_hash,
          ...(groupId ? { groupId } : {}),
          ...(row.registration_id ? { registrationId: row.registration_id } : {}),
          ...(row.status ? { registrationStatus: row.status } : {}),
        };
        return [row.source_key, record];
      }),
    );
  }

  async applyImport(batch: readonly ImportWrite[], actor: string): Promise<void> {
    if (batch.length === 0) return;
    await this.db.transaction(async (tx) => {
      if (batch.some((w) => w.kind === 'publish')) await beginGroupChange(tx);
      for (const write of batch) {
        let groupId: string | null;
        let registrationId: string | null = null;
        if (write.kind === 'publish') {
          groupId = write.group.id;
          await tx.query(UPSERT_GROUP, [groupId, JSON.stringify(write.group)]);
          await recordAudit(tx, { actor, action: 'edit', subject: groupId, detail: `Imported from ${write.sourceKey}` });
        } else {
          // The key makes a retried batch (after a crash, or a rerun) find its first registration, not add a second.
          const idempotencyKey = `import:${write.sourceKey}:${write.contentHash}`;
          const [row] = await tx.query<{ id: string }>(
            `WITH inserted AS (
               INSERT INTO registrations (id, reference, idempotency_key, received_at, input, consent_at)
               VALUES ($1, $2, $3, now(), $4::jsonb, now())
               ON CONFLICT (idempotency_key) DO NOTHING RETURNING id)
             SELECT id FROM inserted UNION ALL SELECT id FROM registrations WHERE idempotency_key = $3`,
            [randomUUID(), newReference(), idempotencyKey, JSON.stringify(write.input)],
          );
          registrationId = row!.id;
          groupId = write.input.updatesGroupId ?? null;
        }
        // A queued change keeps the group it will update; a new publication keeps the registration it came from.
        await tx.query(
          `INSERT INTO import_sources (source_key, content_hash, group_id, registration_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (source_key) DO UPDATE SET content_hash = excluded.content_hash,
             group_id = COALESCE(excluded.group_id, import_sources.group_id),
             registration_id = COALESCE(excluded.registration_id, import_sources.registration_id),
             imported_at = now()`,
          [write.sourceKey, write.contentHash, groupId, registrationId],
        );
      }
    });
  }

  async getCachedPlace(key: string): Promise<GeocodeResult | undefined> {
    const [row] = await this.db.query<{ place: GeocodeResult }>('SELECT place FROM geocode_cache WHERE key = $1', [key]);
    return row?.place;
  }

  async cachePlace(key: string, place: GeocodeResult): Promise<void> {
    await this.db.query(
      `INSERT INTO geocode_cache (key, place) VALUES ($1, $2::jsonb)
       ON CONFLICT (key) DO UPDATE SET place = excluded.place, cached_at = now()`,
      [key, JSON.stringify(place)],
    );
  }

  async addRateLimitHits(hits: RateLimitHits[], forgetBefore?: number): Promise<RateLimitHits[]> {
    if (forgetBefore !== undefined) await this.db.query('DELETE FROM rate_limits WHERE window_start < $1', [forgetBefore]);
    if (hits.length === 0) return [];
    const rows = await this.db.query<{ key: string; window_start: string; hits: number }>(
      `INSERT INTO rate_limits (key, window_start, hits)
         SELECT h.key, h.window_start, h.hits FROM jsonb_to_recordset($1::jsonb) AS h(key text, window_start bigint, hits int)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + excluded.hits
       RETURNING key, window_start, hits`,
      [JSON.stringify(hits.map((h) => ({ key: h.key, window_start: h.windowStart, hits: h.hits })))],
    );
    return rows.map((r) => ({ key: r.key, windowStart: Number(r.window_start), hits: r.hits }));
  }

  claimMail(limit: number, leaseMs: number): Promise<QueuedMail[]> {
    return mail.claimDue(this.db, limit, leaseMs);
  }

  markMailSent(id: number): Promise<void> {
    return this.db.transaction((tx) => mail.markSent(tx, id));
  }

  markMailFailed(id: number, error: string, retryAt: number | undefined): Promise<void> {
    return mail.markAttemptFailed(this.db, id, error, retryAt);
  }

  releaseMailClaims(): Promise<void> {
    return mail.releaseClaims(this.db);
  }

  listOutbox(state?: OutboxEntry['state'], limit = 100): Promise<OutboxEntry[]> {
    return mail.listOutbox(this.db, state, limit);
  }

  retryMail(id: number): Promise<boolean> {
    return mail.retryFailed(this.db, id);
  }

  recentReminderRequests(emailHash: string, groupId: string): Promise<{ byEmail: number; byGroup: number }> {
    return mail.recentRequests(this.db, emailHash, groupId);
  }

  async requestReminders(
    sub: NewReminderSubscription,
    emailHash: string,
    confirmation: (s: ReminderSubscription) => OutgoingMail,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const kept = await mail.insertSubscription(tx, sub, emailHash);
      await mail.enqueue(tx, [confirmation(kept)]);
    });
  }

  async confirmReminders(
    token: string,
    plan: (s: ReminderSubscription, group: Group | undefined) => PlannedReminder | undefined,
  ): Promise<{ planned: boolean } | undefined> {
    return this.db.transaction(async (tx) => {
      const sub = await mail.subscriptionByToken(tx, token);
      if (!sub) return undefined;
      // Confirming twice (a second click) changes nothing.
      if (sub.confirmed) return { planned: sub.next !== undefined };
      const next = plan(sub, await publishedGroup(tx, sub.groupId));
      await mail.setConfirmed(tx, sub.id, next);
      return { planned: next !== undefined };
    });
  }

  async unsubscribe(token: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const sub = await mail.subscriptionByToken(tx, token);
      if (!sub) return false;
      await mail.deleteSubscription(tx, sub.id);
      return true;
    });
  }

  async sendDueReminders(now: number, limit: number, step: ReminderStep): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await mail.claimDueReminders(tx, now, limit);
      const groups = new Map<string, Group | undefined>();
      for (const sub of due) {
        if (!groups.has(sub.groupId)) groups.set(sub.groupId, await publishedGroup(tx, sub.groupId));
        const { mail: reminder, next } = step(sub, groups.get(sub.groupId));
        if (reminder) await mail.enqueue(tx, [reminder]);
        if (!reminder && !next) await mail.deleteSubscription(tx, sub.id);
        else await mail.setNext(tx, sub.id, next);
      }
      return due.length;
    });
  }

  sweepReminders(unconfirmedDays: number): Promise<void> {
    return mail.sweep(this.db, unconfirmedDays);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Opens a change to the published groups: takes the feed lock, and queues
 * a notification that every process watching the feed receives when the
 * transaction commits (and none if it rolls back).
 */
function beginGroupChange(tx: Queryable): Promise<unknown> {
  return tx.query("SELECT pg_advisory_xact_lock($1), pg_notify($2, '')", [GROUP_FEED_LOCK, GROUP_CHANNEL]);
}

async function publishedGroup(tx: Queryable, id: string): Promise<Group | undefined> {
  const [row] = await tx.query<{ record: Group }>("SELECT record FROM groups WHERE id = $1 AND status = 'published'", [id]);
  return row?.record;
}

/** Tells `notify` of a group's change with its subscriptions; queues what it says and ends what it ends. */
async function noticeGroupChange(tx: Queryable, before: Group | undefined, after: Group, notify: GroupChangeNotice): Promise<void> {
  const subscriptions = before ? await mail.groupSubscriptions(tx, after.id) : [];
  if (subscriptions.length === 0) return;
  const { mail: mails, end } = notify({ before, after, subscriptions });
  await mail.enqueue(tx, mails);
  // Ended, but kept until the cancellation email to it is sent (then deleted with it).
  for (const id of end) await mail.setNext(tx, id, undefined);
}

/**
 * Marks a pending registration decided, holding its row until commit so two
 * moderators cannot both decide it.
 * @returns the updated row, or undefined when there is no such registration
 * @throws RegistrationStateError when it was already decided
 */
async function decide(
  tx: Queryable,
  id: string,
  decision: { status: 'approved' | 'rejected'; actor: string; reason?: string; groupId?: string },
): Promise<RegistrationRow | undefined> {
  const [current] = await tx.query<{ status: RegistrationStatus }>('SELECT status FROM registrations WHERE id = $1 FOR UPDATE', [id]);
  if (!current) return undefined;
  if (current.status !== 'pending') throw new RegistrationStateError(id, current.status);
  const [row] = await tx.query<RegistrationRow>(
    `UPDATE registrations
     SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5, group_id = $6
     WHERE id = $1 RETURNING ${REGISTRATION_COLUMNS}`,
    [id, decision.status, decision.actor, new Date().toISOString(), decision.reason ?? null, decision.groupId ?? null],
  );
  return row;
}

function recordAudit(tx: Queryable, entry: Omit<AuditEntry, 'at' | 'detail'> & { detail?: string | undefined }) {
  return tx.query('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.subject,
    entry.detail ?? null,
  ]);
}
