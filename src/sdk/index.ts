/**
 * The peer-directory SDK: typed, validated calls to a directory API.
 * @module
 */
export { createDirectoryClient, type DirectoryClient } from './client.js';
export { createAdminClient, type AdminClient, type AdminClientOptions, type AuditOptions, type OutboxOptions } from './admin/client.js';
export type { ClientOptions, RequestOptions, ResponseValidators } from './transport.js';
export type { GroupsResource } from './groups.js';
export type { RegistrationsResource, CreateRegistrationOptions } from './registrations.js';
export type { RemindersResource } from './reminders.js';
export type { AdminRegistrationsResource, ListRegistrationsOptions } from './admin/registrations.js';
export type { AdminGroupsResource, ArchiveGroupOptions, GroupUpdate } from './admin/groups.js';
export * from './errors.js';
