/**
 * The whole OS Code-Point Open release the postcode data was built from, when
 * it lies beside the repository (`../shared/data/codepoint-open`). Only the
 * bench and the script that extracts the test sample read it: tests use the
 * committed sample in test/fixtures/codepoint-open.
 * @module
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse';
import { Parser, type ReadEntry } from 'tar';

/** Where the release is expected. */
export const RELEASE = resolve(import.meta.dirname, '../../shared/data/codepoint-open/codepo_gb-2025.4.0.tar.gz');

/** Whether the release is there to read. */
export const releaseAvailable = (): boolean => existsSync(RELEASE);

/** Every row of every postcode area's CSV, as OS writes them, by area (lower case, as the files are named: `ls`). */
export async function readReleaseRows(): Promise<Map<string, string[][]>> {
  const areas = new Map<string, string[][]>();
  const reading: Promise<void>[] = [];
  const parser = new Parser({
    onReadEntry(entry: ReadEntry) {
      const area = /^(?:.*\/)?([a-z]{1,2})\.csv$/.exec(entry.path)?.[1];
      if (!area) return entry.resume();
      const rows: string[][] = [];
      areas.set(area, rows);
      reading.push(
        (async () => {
          for await (const row of entry.pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) rows.push(row);
        })(),
      );
    },
  });
  await new Promise<void>((done, fail) => createReadStream(RELEASE).on('error', fail).pipe(parser).on('finish', done).on('error', fail));
  await Promise.all(reading);
  return new Map([...areas].sort(([a], [b]) => (a < b ? -1 : 1)));
}
