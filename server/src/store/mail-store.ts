/**
 * The outbox and reminder subscriptions in SQL, on either engine. SqlStore
 * calls these inside its own transactions, so an email is queued in the same
 * transaction as the change that causes it.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { OutboxEntry, OutgoingMail, QueuedMail } from '../mail/outgoing.js';
import type { NewReminderSubscription, PlannedReminder, ReminderSubscription } from '../mail/reminder-types.js';
import type { Queryable } from './database.js';

/** Queues emails; they go out once the surrounding transaction commits. */
export async function enqueue(tx: Queryable, mails: readonly OutgoingMail[]): Promise<void> {
  for (const mail of mails) {
    const { kind, to, subscriptionId, messageId, ...message } = mail;
    await tx.query(`INSERT INTO outbox (message_id, kind, recipient, message, subscription_id) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
      messageId,
      kind,
      to,
      JSON.stringify(message),
      subscriptionId ?? null,
    ]);
  }
}

interface OutboxRow {
  id: string | number;
  message_id: string;
  kind: QueuedMail['kind'];
  recipient: string;
  message: Pick<OutgoingMail, 'subject' | 'text' | 'html' | 'headers'>;
  subscription_id: string | null;
  attempts: number;
}

/**
 * Claims up to `limit` due emails for `leaseMs`. `SKIP LOCKED` lets several
 * processes claim at once without waiting for or taking each other's rows;
 * the lease lets another claim a row whose worker died mid-send.
 */
export async function claimDue(db: Queryable, limit: number, leaseMs: number): Promise<QueuedMail[]> {
  const rows = await db.query<OutboxRow>(
    `UPDATE outbox SET claimed_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox
       WHERE sent_at IS NULL AND failed_at IS NULL AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, message_id, kind, recipient, message, subscription_id, attempts`,
    [limit, leaseMs],
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      messageId: r.message_id,
      kind: r.kind,
      to: r.recipient,
      ...r.message,
      ...(r.subscription_id ? { subscriptionId: r.subscription_id } : {}),
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Marks an email sent and forgets its address and content. A reminder
 * subscription with nothing left to send goes with its last email.
 */
export async function markSent(tx: Queryable, id: number): Promise<void> {
  const [row] = await tx.query<{ subscription_id: string | null }>(
    `UPDATE outbox SET sent_at = now(), claimed_until = NULL, recipient = NULL, message = NULL, last_error = NULL
     WHERE id = $1 RETURNING subscription_id`,
    [id],
  );
  if (row?.subscription_id) {
    await tx.query(
      `DELETE FROM reminder_subscriptions s WHERE s.id = $1 AND s.confirmed_at IS NOT NULL AND s.next_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subscription_id = s.id AND o.sent_at IS NULL AND o.failed_at IS NULL)`,
      [row.subscription_id],
    );
  }
}

/** Records a failed attempt: tried again at `retryAt`, or given up (`retryAt` undefined). */
export async function markAttemptFailed(db: Queryable, id: number, error: string, retryAt: number | undefined): Promise<void> {
  await db.query(
    retryAt === undefined
      ? `UPDATE outbox SET claimed_until = NULL, last_error = $2, failed_at = now() WHERE id = $1`
      : `UPDATE outbox SET claimed_until = NULL, last_error = $2, due_at = $3 WHERE id = $1`,
    retryAt === undefined ? [id, error.slice(0, 1000)] : [id, error.slice(0, 1000), new Date(retryAt).toISOString()],
  );
}

/** Lets go of every claim: for the embedded store at start-up, when no other process can hold one. */
export async function releaseClaims(db: Queryable): Promise<void> {
  await db.query('UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL AND sent_at IS NULL');
}

interface OutboxListRow {
  id: string | number;
  kind: OutboxEntry['kind'];
  recipient: string | null;
  created_at: Date | string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | string | null;
  failed_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The outbox for staff, newest first, optionally in one state. */
export async function listOutbox(db: Queryable, state: OutboxEntry['state'] | undefined, limit: number): Promise<OutboxEntry[]> {
  const where = {
    waiting: 'sent_at IS NULL AND failed_at IS NULL',
    sent: 'sent_at IS NOT NULL',
    failed: 'failed_at IS NOT NULL',
    all: 'true',
  }[state ?? 'all'];
  const rows = await db.query<OutboxListRow>(
    `SELECT id, kind, recipient, created_at, attempts, last_error, sent_at, failed_at FROM outbox WHERE ${where} ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    recipient: r.recipient,
    createdAt: iso(r.created_at)!,
    attempts: r.attempts,
    lastError: r.last_error,
    state: r.failed_at !== null ? 'failed' : r.sent_at !== null ? 'sent' : 'waiting',
    sentAt: iso(r.sent_at),
    failedAt: iso(r.failed_at),
  }));
}

/** Puts a given-up email back in the queue; false when there is no such failed email. */
export async function retryFailed(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE outbox SET failed_at = NULL, attempts = 0, due_at = now() WHERE id = $1 AND failed_at IS NOT NULL RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

interface SubscriptionRow {
  id: string;
  group_id: string;
  email: string;
  language: string;
  meeting: string | null;
  offsets: number[];
  token: string;
  confirmed_at: Date | string | null;
  next_at: Date | string | null;
  next_meeting: string | null;
  next_offset: number | null;
}

const SUBSCRIPTION_COLUMNS = 'id, group_id, email, language, meeting, offsets, token, confirmed_at, next_at, next_meeting, next_offset';

function toSubscription(r: SubscriptionRow): ReminderSubscription {
  return {
    id: r.id,
    groupId: r.group_id,
    email: r.email,
    language: r.language,
    ...(r.meeting !== null ? { meeting: r.meeting } : {}),
    offsets: r.offsets.map(Number),
    token: r.token,
    confirmed: r.confirmed_at !== null,
    ...(r.next_at !== null && r.next_meeting !== null && r.next_offset !== null
      ? { next: { at: new Date(r.next_at).getTime(), meeting: r.next_meeting, offset: r.next_offset } }
      : {}),
  };
}

/** Counts of reminder requests in the last day: from one address (by hash) and for one group. */
export async function recentRequests(db: Queryable, emailHash: string, groupId: string): Promise<{ byEmail: number; byGroup: number }> {
  const [row] = await db.query<{ by_email: number; by_group: number }>(
    `SELECT count(*) FILTER (WHERE email_hash = $1)::int AS by_email, count(*) FILTER (WHERE group_id = $2)::int AS by_group
     FROM reminder_requests WHERE at > now() - interval '1 day' AND (email_hash = $1 OR group_id = $2)`,
    [emailHash, groupId],
  );
  return { byEmail: row?.by_email ?? 0, byGroup: row?.by_group ?? 0 };
}

/** Keeps a new, unconfirmed subscription and counts the request; its confirmation email is built from it. */
export async function insertSubscription(tx: Queryable, sub: NewReminderSubscription, emailHash: string): Promise<ReminderSubscription> {
  await tx.query('INSERT INTO reminder_requests (email_hash, group_id) VALUES ($1, $2)', [emailHash, sub.groupId]);
  const [row] = await tx.query<SubscriptionRow>(
    `INSERT INTO reminder_subscriptions (id, group_id, email, language, meeting, offsets, token)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [randomUUID(), sub.groupId, sub.email, sub.language, sub.meeting ?? null, sub.offsets, randomBytes(24).toString('base64url')],
  );
  return toSubscription(row!);
}

/** The subscription a link's token names, held for update. */
export async function subscriptionByToken(tx: Queryable, token: string): Promise<ReminderSubscription | undefined> {
  const [row] = await tx.query<SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM reminder_subscriptions WHERE token = $1 FOR UPDATE`, [
    token,
  ]);
  return row && toSubscription(row);
}

/** Confirms a subscription with its first reminder planned, or deletes it when there is none left to send. */
export async function setConfirmed(tx: Queryable, id: string, next: PlannedReminder | undefined): Promise<void> {
  if (!next) {
    await tx.query('DELETE FROM reminder_subscriptions WHERE id = $1', [id]);
    return;
  }
  await tx.query(
    `UPDATE reminder_subscriptions SET confirmed_at = COALESCE(confirmed_at, now()), next_at = $2, next_meeting = $3, next_offset = $4 WHERE id = $1`,
    [id, new Date(next.at).toISOString(), next.meeting, next.offset],
  );
}

/** Plans the next reminder, or marks the subscription finished (deleted once its last email is sent). */
export async function setNext(tx: Queryable, id: string, next: PlannedReminder | undefined): Promise<void> {
  await tx.query(`UPDATE reminder_subscriptions SET next_at = $2, next_meeting = $3, next_offset = $4 WHERE id = $1`, [
    id,
    next ? new Date(next.at).toISOString() : null,
    next?.meeting ?? null,
    next?.offset ?? null,
  ]);
}

/** Deletes a subscription now, with any of its emails not yet sent. */
export async function deleteSubscription(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM reminder_subscriptions WHERE id = $1', [id]);
}

/** Due reminders, held so that no other process plans the same one. */
export async function claimDueReminders(tx: Queryable, now: number, limit: number): Promise<ReminderSubscription[]> {
  const rows = await tx.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM reminder_subscriptions
     WHERE confirmed_at IS NOT NULL AND next_at <= $1 ORDER BY next_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [new Date(now).toISOString(), limit],
  );
  return rows.map(toSubscription);
}

/** Confirmed subscriptions to a group (whom to tell when a meeting is cancelled). */
export async function groupSubscriptions(tx: Queryable, groupId: string): Promise<ReminderSubscription[]> {
  const rows = await tx.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM reminder_subscriptions WHERE group_id = $1 AND confirmed_at IS NOT NULL FOR UPDATE`,
    [groupId],
  );
  return rows.map(toSubscription);
}

/** Forgets requests older than a day and subscriptions never confirmed within `unconfirmedDays`. */
export async function sweep(db: Queryable, unconfirmedDays: number): Promise<void> {
  await db.query(`DELETE FROM reminder_requests WHERE at < now() - interval '1 day'`);
  await db.query(`DELETE FROM reminder_subscriptions WHERE confirmed_at IS NULL AND created_at < now() - $1 * interval '1 day'`, [
    unconfirmedDays,
  ]);
}
