import { createDirectoryClient, type DirectoryClient } from '../../index.js';

const clients = new Map<string, DirectoryClient>();

/**
 * One SDK client per API address, shared by every element on the page, so
 * several finders (or a finder and a checklist) pointed at the same
 * directory share one configuration.
 */
export function directoryClient(api: string): DirectoryClient {
  let client = clients.get(api);
  if (!client) clients.set(api, (client = createDirectoryClient({ baseUrl: api })));
  return client;
}
