/**
 * `peer-directory-server import FILE|URL`: see docs/import.md.
 * @module
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createGeocoder } from '../geocode/index.js';
import { openStore } from '../store/index.js';
import { columnNamed, SourceFileError } from './csv-reader.js';
import { formatReport, importRecords } from './importer.js';
import { readSource } from './read-source.js';

export const IMPORT_USAGE = `Usage: peer-directory-server import FILE|URL [options]

  FILE           a CSV spreadsheet (.csv) or an HSDS 3.0 JSON data package (.json)
  URL            an Open Referral (UK) feed, e.g. https://example.org/openreferral
  --dry-run      report what would be added or changed, and every error; write nothing
  --publish      publish the groups at once instead of queueing them for review
  --by EMAIL     who is importing: shown as the registrant in the review queue
  --source NAME  names this source, so two sources' ids never clash (default: the file's name)
  --set COL=VAL  a value for every record that leaves column COL blank (repeatable)
  --time-zone TZ the groups' time zone (IANA, e.g. Europe/London) for an HSDS source; by default
                 a spreadsheet says it in time_zone, and HSDS times' UTC offsets choose one
  --batch-size N records written per transaction (default 100)

The store is the server's (DATA_DIR or DATABASE_URL); with the embedded
store, stop the server first.`;

/** Runs the command; resolves with the exit code (1 when any record had an error). */
export async function runImportCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        publish: { type: 'boolean', default: false },
        by: { type: 'string' },
        source: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        'time-zone': { type: 'string' },
        'batch-size': { type: 'string', default: '100' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const batchSize = Number(values['batch-size']);
  const defaults = new Map<string, string>();
  const problems: string[] = [];
  for (const pair of values.set) {
    const [column = '', ...rest] = pair.split('=');
    if (!columnNamed(column.trim()) || rest.length === 0) problems.push(`--set ${pair}: write a column name, =, and a value`);
    else defaults.set(column.trim(), rest.join('='));
  }
  if (positionals.length !== 1) problems.push('Name one file or feed address to import');
  if (!Number.isInteger(batchSize) || batchSize < 1) problems.push('--batch-size must be a whole number of at least 1');
  if (!values.publish && !values['dry-run'] && !values.by)
    problems.push('Say who is importing with --by EMAIL, or publish at once with --publish');
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${IMPORT_USAGE}`);
    return 2;
  }

  const config = loadConfig(process.env);
  let source;
  try {
    source = await readSource(positionals[0]!, { defaults, timeZone: values['time-zone'], principles: config.principles });
  } catch (error) {
    if (error instanceof SourceFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    // Offline only, whatever GEOCODER_URL says: a spreadsheet of thousands must not become thousands of requests.
    const geocoder = createGeocoder({ cache: store });
    const options = {
      source: values.source ?? source.name,
      publish: values.publish,
      dryRun: values['dry-run'],
      by: values.by,
      batchSize,
      actor: values.by ?? 'import',
      onBatch: (batch: number, records: number) => console.log(`committed batch ${batch} (${records} records)`),
    };
    const report = await importRecords(source.records, { store, geocoder }, options);
    console.log(formatReport(report, options));
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
