import type { Registration, RegistrationStatus } from '../../schema/index.js';
import type { RequestOptions, Send } from '../transport.js';

/** Options for `registrations.list`. */
export interface ListRegistrationsOptions extends RequestOptions {
  /** Only registrations in this state, e.g. `pending` for the review queue. */
  status?: RegistrationStatus;
}

/** Reviewing registrations: `admin.registrations`. */
export interface AdminRegistrationsResource {
  /** Registrations, optionally only those in one state. */
  list(options?: ListRegistrationsOptions): Promise<Registration[]>;
  /** One registration, with the registrant's private details. */
  get(id: string, options?: RequestOptions): Promise<Registration>;
  /** Publishes the registration's group; the result carries the published `groupId`. */
  approve(id: string, options?: RequestOptions): Promise<Registration>;
  /** Declines the registration with a reason the registrant will be told. */
  reject(id: string, reason: string, options?: RequestOptions): Promise<Registration>;
}

export function adminRegistrationsResource(send: Send): AdminRegistrationsResource {
  const path = (id: string, action = '') => `v1/admin/registrations/${encodeURIComponent(id)}${action}`;
  return {
    list: async (options) => {
      const searchParams = options?.status ? { status: options.status } : undefined;
      const page = await send('v1/admin/registrations', 'registrationList', { searchParams, signal: options?.signal });
      return page.registrations;
    },
    get: (id, options) => send(path(id), 'registration', { signal: options?.signal }),
    approve: (id, options) => send(path(id, '/approve'), 'registration', { method: 'post', signal: options?.signal }),
    reject: (id, reason, options) =>
      send(path(id, '/reject'), 'registration', { method: 'post', json: { reason }, signal: options?.signal }),
  };
}
