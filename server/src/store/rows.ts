import type { AuditEntry, Registration, RegistrationInput, RegistrationStatus } from 'peer-directory/schema';

/** A `registrations` row as both drivers return it (timestamps as Date, jsonb parsed). */
export interface RegistrationRow {
  id: string;
  reference: string;
  status: RegistrationStatus;
  received_at: Date | string;
  input: RegistrationInput;
  consent_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  group_id: string | null;
}

/** An `audit_log` row. */
export interface AuditRow {
  at: Date | string;
  actor: string;
  action: AuditEntry['action'];
  subject: string;
  detail: string | null;
}

/** The columns every registration query selects, in the row's shape. */
export const REGISTRATION_COLUMNS =
  'id, reference, status, received_at, input, consent_at, decided_by, decided_at, decision_reason, group_id';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * A stored registration as directory staff see it. The input is returned as
 * it was received (the route validated it); the honeypot field is not kept in
 * the answer because it says nothing about the group.
 */
export function toRegistration(row: RegistrationRow): Registration {
  const { group, updatesGroupId, registrant, consent } = row.input;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: iso(row.received_at),
    group: group as Registration['group'],
    ...(updatesGroupId !== undefined ? { updatesGroupId } : {}),
    registrant,
    consent: { ...consent, at: iso(row.consent_at) },
    ...(row.decided_by !== null && row.decided_at !== null
      ? {
          decision: {
            by: row.decided_by,
            at: iso(row.decided_at),
            ...(row.decision_reason !== null ? { reason: row.decision_reason } : {}),
          },
        }
      : {}),
    ...(row.group_id !== null ? { groupId: row.group_id } : {}),
  };
}

/** One moderation log entry as the API shows it. */
export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    at: iso(row.at),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    ...(row.detail !== null ? { detail: row.detail } : {}),
  };
}
