/**
 * The services of an Open Referral (UK) feed, fetched page by page and then
 * one by one in full, since list pages carry only a service's own fields.
 * @module
 */
import { SourceFileError } from './csv-reader.js';

const PER_PAGE = 100;
/** Most pages fetched: a feed that never says `last_page` must not keep an import going for ever. */
const MAX_PAGES = 10_000;

/** Every service of the feed at `url` (its stub, e.g. `https://example.org/openreferral`, or its `/services`). */
export async function fetchFeedServices(url: string, timeoutMs = 30_000): Promise<unknown[]> {
  const base = url.replace(/\/+$/, '').replace(/\/services$/, '');
  const ids: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = (await getJson(`${base}/services?page=${page}&per_page=${PER_PAGE}`, timeoutMs)) as {
      contents?: { id?: unknown }[];
      last_page?: boolean;
    };
    if (!Array.isArray(body.contents)) throw new SourceFileError(`${base}/services did not answer with a page of services`);
    for (const service of body.contents) if (typeof service.id === 'string') ids.push(service.id);
    if (body.last_page !== false || body.contents.length === 0) break;
  }
  const services: unknown[] = [];
  for (const id of ids) services.push(await getJson(`${base}/services/${encodeURIComponent(id)}`, timeoutMs));
  return services;
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new SourceFileError(`Could not fetch ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SourceFileError(`${url} answered ${response.status} ${response.statusText}`);
  try {
    return await response.json();
  } catch {
    throw new SourceFileError(`${url} did not answer with JSON`);
  }
}
