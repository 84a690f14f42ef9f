/**
 * Reads what `import` is given: a CSV spreadsheet, an HSDS 3.0 JSON data
 * package, the address of an Open Referral feed, or a static directory file.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Principle } from '../config.js';
import { FeedTaxonomy } from '../openreferral/index.js';
import { readCsv, SourceFileError, type Defaults } from './csv-reader.js';
import { fetchFeedServices } from './feed-reader.js';
import { readHsdsServices, servicesIn } from './hsds-reader.js';
import type { SourceRecord } from './source-record.js';
import { isStaticDirectory, readStaticGroups } from './static-reader.js';

/** What a source holds, and the name its keys default to. */
export interface ReadSource {
  records: SourceRecord[];
  kind: 'csv' | 'hsds' | 'feed' | 'static';
  /** The default source name: the file's name, or the feed's host. */
  name: string;
}

/**
 * @param location a file path (`.csv`, `.json`) or an `http(s)://` feed address
 * @throws SourceFileError when it cannot be read at all
 */
export async function readSource(
  location: string,
  options: { defaults: Defaults; timeZone: string | undefined; principles: Principle[] },
): Promise<ReadSource> {
  const taxonomy = new FeedTaxonomy(options.principles);
  if (/^https?:\/\//i.test(location)) {
    const services = await fetchFeedServices(location);
    return {
      kind: 'feed',
      name: new URL(location).host,
      records: readHsdsServices(services, taxonomy, options.defaults, options.timeZone),
    };
  }
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch (error) {
    throw new SourceFileError(`Cannot read ${location}: ${(error as Error).message}`);
  }
  const name = basename(location, extname(location));
  if (extname(location).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new SourceFileError(`${location} is not JSON: ${(error as Error).message}`);
    }
    if (isStaticDirectory(json)) return { kind: 'static', name, records: readStaticGroups(json.groups) };
    return { kind: 'hsds', name, records: readHsdsServices(servicesIn(json), taxonomy, options.defaults, options.timeZone) };
  }
  return { kind: 'csv', name, records: readCsv(text, options.defaults) };
}
