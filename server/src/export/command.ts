/**
 * `peer-directory-server export --format hsds|csv|static`: see docs/import.md.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Group } from 'peer-directory/schema';
import { byNameThenId } from 'peer-directory/search';
import { loadConfig } from '../config.js';
import { createGeocoder } from '../geocode/index.js';
import { openStore, type Store } from '../store/index.js';
import { EXPORT_FORMATS, toCsv, toHsdsPackage, toStaticDirectory, type ExportFormat } from './formats.js';

export const EXPORT_USAGE = `Usage: peer-directory-server export --format hsds|csv|static [--output FILE]

  --format hsds    an HSDS 3.0 JSON data package: every published group as a full service
  --format csv     the import's spreadsheet, one row per published group
  --format static  one JSON file the elements can search with no server
  --output FILE    write there instead of to standard output`;

/** Every published group, in name order (the order of the groups serving everywhere in a search). */
export async function publishedGroups(store: Pick<Store, 'groupChanges'>): Promise<Group[]> {
  const { upserts } = await store.groupChanges(0);
  return upserts.sort(byNameThenId);
}

export async function runExportCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const { values } = args;
  if (values.help) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) {
    console.error(`Choose --format hsds, csv or static\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  let text: string;
  try {
    const groups = await publishedGroups(store);
    text =
      format === 'hsds'
        ? toHsdsPackage(groups, config.principles)
        : format === 'csv'
          ? toCsv(groups)
          : await toStaticDirectory(groups, config.principles, createGeocoder({ cache: store }));
  } finally {
    await store.close();
  }
  if (values.output) await writeFile(values.output, text);
  else process.stdout.write(text);
  return 0;
}
