/**
 * The peer-directory SDK: typed, validated calls to a directory API. The
 * same reads over a static directory file, with no server, are
 * `createStaticDirectory` from `peer-directory/static`.
 * @module
 */
export { createDirectoryClient, type DirectoryClient, type DirectoryReader } from './client.js';
export { createAdminClient, type AdminClient, type AdminClientOptions, type AuditOptions, type OutboxOptions } from './admin/client.js';
export type { ClientOptions, RequestOptions, ResponseValidators } from './transport.js';
export type { GroupsResource, ReadGroupsResource } from './groups.js';
export type { RegistrationsResource, CreateRegistrationOptions } from './registrations.js';
export type { RemindersResource } from './reminders.js';
export type { AdminRegistrationsResource, ListRegistrationsOptions } from './admin/registrations.js';
export type { AdminGroupsResource, ArchiveGroupOptions, GroupUpdate } from './admin/groups.js';
export * from './errors.js';
