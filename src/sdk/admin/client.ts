import type { AuditEntry, OutboxEntry } from '../../schema/index.js';
import { createTransport, type ClientOptions, type RequestOptions } from '../transport.js';
import { adminGroupsResource, type AdminGroupsResource } from './groups.js';
import { adminRegistrationsResource, type AdminRegistrationsResource } from './registrations.js';

/** Options for `createAdminClient`. */
export interface AdminClientOptions extends ClientOptions {
  /**
   * The staff bearer token. Never put it in a public page. To name the
   * person acting in the moderation log, send `headers: { 'x-actor': 'Jo Smith' }`.
   */
  token: string;
}

/** What directory staff can do. */
export interface AdminClient {
  /** Review registrations: list, read, approve, reject. */
  registrations: AdminRegistrationsResource;
  /** Edit and archive published groups. */
  groups: AdminGroupsResource;
  /** The moderation log, newest first. */
  audit(options?: AuditOptions): Promise<AuditEntry[]>;
  /** The outbox, newest first: `state: 'failed'` lists emails given up on, with the SMTP server's last answer. */
  outbox(options?: OutboxOptions): Promise<OutboxEntry[]>;
  /** Queues a given-up email again. */
  retryEmail(id: number, options?: RequestOptions): Promise<void>;
}

/** Options for `outbox`. */
export interface OutboxOptions extends RequestOptions {
  state?: OutboxEntry['state'];
  limit?: number;
}

/** Options for `audit`. */
export interface AuditOptions extends RequestOptions {
  /** The most entries to return (1 to 1000); the server's default when absent. */
  limit?: number;
}

/**
 * Creates a client for the directory's staff routes. It is a separate
 * factory so that public pages, which only search, never download it.
 *
 * @example
 * ```ts
 * import { createAdminClient } from 'peer-directory';
 *
 * const admin = createAdminClient({ baseUrl: 'https://directory.example.org', token });
 * for (const registration of await admin.registrations.list({ status: 'pending' })) {
 *   console.log(registration.reference, registration.group.name);
 * }
 * ```
 */
export function createAdminClient({ token, ...options }: AdminClientOptions): AdminClient {
  const headers = new Headers(options.headers);
  headers.set('authorization', `Bearer ${token}`);
  const send = createTransport({ ...options, headers });
  return {
    registrations: adminRegistrationsResource(send),
    groups: adminGroupsResource(send),
    audit: async (opts) => {
      const searchParams = opts?.limit === undefined ? undefined : { limit: opts.limit };
      return (await send('v1/admin/audit', 'auditLog', { searchParams, signal: opts?.signal })).entries;
    },
    outbox: async (opts = {}) => {
      const searchParams = { ...(opts.state ? { state: opts.state } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}) };
      return (await send('v1/admin/outbox', 'outbox', { searchParams, signal: opts.signal })).entries;
    },
    retryEmail: async (id, opts) => {
      await send(`v1/admin/outbox/${id}/retry`, null, { method: 'post', signal: opts?.signal });
    },
  };
}
