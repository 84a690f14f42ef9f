import type { GeocodeResult, TaxonomyResponse } from '../schema/index.js';
import { groupsResource, type GroupsResource, type ReadGroupsResource } from './groups.js';
import { registrationsResource, type RegistrationsResource } from './registrations.js';
import { remindersResource, type RemindersResource } from './reminders.js';
import { createTransport, type ClientOptions, type RequestOptions } from './transport.js';

/**
 * Reading a directory: what the finder, the group details and the checklist
 * need. A {@link DirectoryClient} (an API) and `createStaticDirectory` (one
 * JSON file, no server) both give it.
 */
export interface DirectoryReader {
  /** Search and read published groups. */
  groups: ReadGroupsResource;
  /** Labels for every code, the 8 questions and the operator's quality principles. */
  taxonomy(options?: RequestOptions): Promise<TaxonomyResponse>;
  /**
   * Locates a UK postcode, US ZIP code or place; an `UnknownPlaceError` when
   * the directory cannot find it. Show people its `label` (`Newport, Wales`);
   * `precision` and `centre` say how exact the point is, and `alternatives`
   * lists other places of the name typed, to ask "Which Newport?".
   */
  geocode(q: string, options?: RequestOptions): Promise<GeocodeResult>;
}

/** The public directory API: what a charity's website calls. */
export interface DirectoryClient extends DirectoryReader {
  /** Search and read published groups, and their next meetings. */
  groups: GroupsResource;
  /** Send groups for review. */
  registrations: RegistrationsResource;
  /** Email reminders about a group's meetings (double opt-in). */
  reminders: RemindersResource;
}

/**
 * Creates a client for a peer-directory API. It holds no state beyond its
 * options, so create one per API and share it.
 *
 * @example
 * ```ts
 * import { createDirectoryClient } from 'peer-directory';
 *
 * const directory = createDirectoryClient({ baseUrl: 'https://directory.example.org' });
 * const { groups, everywhere } = await directory.groups.search({ near: 'SW1A 1AA', radius: 10 });
 * ```
 */
export function createDirectoryClient(options: ClientOptions): DirectoryClient {
  const send = createTransport(options);
  return {
    groups: groupsResource(send),
    taxonomy: (opts) => send('v1/taxonomy', 'taxonomy', { signal: opts?.signal }),
    geocode: (q, opts) => send('v1/geocode', 'geocode', { searchParams: { q }, signal: opts?.signal }),
    registrations: registrationsResource(send),
    reminders: remindersResource(send),
  };
}
