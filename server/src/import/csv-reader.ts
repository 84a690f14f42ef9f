/**
 * A charity's spreadsheet, saved as CSV: one row per group, the columns of
 * columns.ts in any order. Parsed by csv-parse (quotes, commas and line
 * breaks inside cells, a byte-order mark from Excel).
 * @module
 */
import { parse } from 'csv-parse/sync';
import { COLUMNS, columnAt, type Column } from './columns.js';
import { setIn, type SourceRecord } from './source-record.js';

const BY_HEADER = new Map(COLUMNS.map((c) => [c.header, c]));

/** Values used when a row leaves a column blank: `--set column=value`, and the sensible defaults. */
export type Defaults = ReadonlyMap<string, string>;

const BUILT_IN: Record<string, string> = {
  time_zone: 'Europe/London',
  serves_everywhere: 'no',
};

/** Why a whole file cannot be read (as opposed to one row). */
export class SourceFileError extends Error {
  override name = 'SourceFileError';
}

/**
 * The rows of a CSV file as records; row numbers as a spreadsheet shows
 * them (the header is row 1).
 * @throws SourceFileError when the file is not CSV, has no `id` column or names a column we do not know
 */
export function readCsv(text: string, defaults: Defaults = new Map()): SourceRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new SourceFileError(`This is not a CSV file we can read: ${(error as Error).message}`);
  }
  const [header = [], ...body] = rows;
  const unknown = header.filter((h) => !BY_HEADER.has(h.trim().toLowerCase()));
  if (unknown.length > 0) {
    throw new SourceFileError(`Unknown columns: ${unknown.join(', ')}. The columns are: ${COLUMNS.map((c) => c.header).join(', ')}`);
  }
  const columns = header.map((h) => BY_HEADER.get(h.trim().toLowerCase())!);
  if (!columns.some((c) => c.header === 'id')) throw new SourceFileError('The file needs an id column: your own reference for each group');
  return body.map((cells, i) => readRow(`row ${i + 2}`, columns, cells, defaults));
}

/** One row: each cell read by its column, blanks filled from the defaults. */
function readRow(where: string, columns: readonly Column[], cells: readonly string[], defaults: Defaults): SourceRecord {
  const record: SourceRecord = { id: undefined, where, draft: {}, errors: [], warnings: [], fieldAt: columnAt };
  const given = new Map(columns.map((column, i) => [column.header, cells[i] ?? '']));
  for (const column of COLUMNS) {
    const cell = given.get(column.header) || defaults.get(column.header) || BUILT_IN[column.header] || '';
    if (cell !== '') applyCell(record, column, cell);
    else if (column.blank !== undefined) setIn(record.draft, column.path, column.blank);
  }
  fillGroupDefaults(record.draft);
  return record;
}

/** Reads one cell into a record, or notes why it cannot. */
export function applyCell(record: SourceRecord, column: Column, cell: string): void {
  if (column.header === 'id') {
    record.id = cell;
    return;
  }
  const { value, error } = column.read(cell);
  if (error) record.errors.push({ field: column.header, message: error });
  else setIn(record.draft, column.path, value);
}

/** Lists a group may leave empty, and the country of a venue given without one. */
export function fillGroupDefaults(draft: Record<string, unknown>): void {
  draft.functions ??= [];
  draft.principles ??= [];
  draft.contact ??= {};
  const location = draft.location as Record<string, unknown> | undefined;
  if (location) location.country ??= 'GB';
  const schedule = (draft.schedule ??= {}) as Record<string, unknown>;
  schedule.rules ??= [];
  schedule.exceptions ??= [];
  schedule.meetings ??= [];
}

/** The columns `--set` may name. */
export function columnNamed(header: string): Column | undefined {
  return BY_HEADER.get(header);
}
