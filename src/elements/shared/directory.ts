import { createDirectoryClient, type DirectoryClient, type DirectoryReader } from '../../index.js';

const clients = new Map<string, DirectoryClient>();
const files = new Map<string, Promise<DirectoryReader>>();

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

/**
 * Where an element reads the directory from: the static directory file
 * `src` when it has one (read once per page however many elements name it,
 * and its search code loaded only then), else the API at `api`.
 */
export function directoryReader(api: string, src: string): Promise<DirectoryReader> {
  if (!src) return Promise.resolve(directoryClient(api));
  const url = new URL(src, document.baseURI).href;
  let reader = files.get(url);
  if (!reader) {
    reader = import('../../sdk/static-directory.js').then((m) => m.createStaticDirectory(url));
    // A failed download of the search code is tried again by the next call.
    reader.catch(() => files.delete(url));
    files.set(url, reader);
  }
  return reader;
}
