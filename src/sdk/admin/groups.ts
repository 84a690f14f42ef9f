import type { Group } from '../../schema/index.js';
import type { RequestOptions, Send } from '../transport.js';

/** A group's published details as staff edit them: everything but its id and timestamp. */
export type GroupUpdate = Omit<Group, 'id' | 'updatedAt'>;

/** Editing and retiring published groups: `admin.groups`. */
export interface AdminGroupsResource {
  /** Replaces a published group's details; the answer is the group as now published. */
  update(id: string, group: GroupUpdate, options?: RequestOptions): Promise<Group>;
  /** Takes a group out of the directory: searches stop finding it and `get` gives a `NotFoundError`. */
  archive(id: string, options?: ArchiveGroupOptions): Promise<void>;
}

/** Options for `groups.archive`. */
export interface ArchiveGroupOptions extends RequestOptions {
  /** Why the group was archived, kept in the moderation log. */
  reason?: string;
}

export function adminGroupsResource(send: Send): AdminGroupsResource {
  const path = (id: string) => `v1/admin/groups/${encodeURIComponent(id)}`;
  return {
    update: (id, group, options) => send(path(id), 'group', { method: 'put', json: group, signal: options?.signal }),
    archive: async (id, options) => {
      const json = options?.reason === undefined ? undefined : { reason: options.reason };
      await send(`${path(id)}/archive`, null, { method: 'post', json, signal: options?.signal });
    },
  };
}
