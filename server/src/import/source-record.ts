/**
 * One record read from a spreadsheet, an HSDS package or a feed, and its
 * validation into a group: the same checks a registration gets, with every
 * error named by the column (or HSDS field) people must fix.
 * @module
 */
import { createHash } from 'node:crypto';
import { z } from 'zod/mini';
import { groupInputSchema } from 'peer-directory/schema';
import { HttpProblem } from '../errors.js';
import { GeocoderUnavailableError, type Geocoder } from '../geocode/geocoder.js';
import { locateGroup, type GroupDetails } from '../routes/locate-group.js';

/** A problem with one record, in one column or field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A record as read, before validation. */
export interface SourceRecord {
  /** Its id in its source (the spreadsheet's `id`, an HSDS service id); the import's key. */
  id: string | undefined;
  /** Where it is, for the report: `row 4`, `service 3f7b…`. */
  where: string;
  /** The group as read: checked by {@link validateRecord}. */
  draft: Record<string, unknown>;
  errors: FieldProblem[];
  warnings: string[];
  /** The column or field people fill in for a place in a group. */
  fieldAt(path: readonly PropertyKey[]): string;
}

/** A record that is a valid group, with coordinates. */
export interface ValidRecord {
  record: SourceRecord;
  id: string;
  group: GroupDetails;
  /** Identifies the record's content: the same hash, nothing changed since the last import. */
  contentHash: string;
}

/**
 * Checks a record as a group and finds its venue's coordinates from its
 * postcode when it gives none (offline, through the server's geocoder).
 * @returns the valid record, or the record with its errors filled in
 */
export async function validateRecord(record: SourceRecord, geocoder: Geocoder): Promise<ValidRecord | SourceRecord> {
  if (!record.id)
    record.errors.push({ field: record.fieldAt(['id']), message: 'Give every group an id of your own, and keep it the same' });
  if (record.errors.length > 0) return record;
  const parsed = z.safeParse(groupInputSchema, record.draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) record.errors.push({ field: record.fieldAt(issue.path), message: issue.message });
    return record;
  }
  const contentHash = createHash('sha256').update(JSON.stringify(parsed.data)).digest('base64url');
  try {
    const group = await locateGroup(geocoder, parsed.data, '#/location/postcode');
    return { record, id: record.id!, group, contentHash };
  } catch (error) {
    const message =
      error instanceof HttpProblem
        ? (error.errors?.[0]?.detail ?? error.detail ?? error.message)
        : error instanceof GeocoderUnavailableError
          ? 'The geocoder is not answering: import again later'
          : undefined;
    if (message === undefined) throw error;
    record.errors.push({ field: record.fieldAt(['location', 'postcode']), message });
    return record;
  }
}

export function isValid(result: ValidRecord | SourceRecord): result is ValidRecord {
  return 'contentHash' in result;
}

/** Sets a value deep in a draft, making the objects on the way. */
export function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
