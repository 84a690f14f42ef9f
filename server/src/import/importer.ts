/**
 * Imports records into the directory in batches. Each batch is validated,
 * compared with what earlier imports of the same source recorded, and
 * written in one transaction: a crash loses at most the batch under way,
 * whole, and running the import again finishes the job. Bad records are
 * reported and skipped; they never stop the good ones.
 * @module
 */
import { z } from 'zod/mini';
import { storedGroupSchema, type Group, type RegistrationInput } from 'peer-directory/schema';
import type { Geocoder } from '../geocode/geocoder.js';
import { newGroupId } from '../routes/group-id.js';
import type { ImportWrite, Store } from '../store/store.js';
import { isValid, validateRecord, type FieldProblem, type SourceRecord, type ValidRecord } from './source-record.js';

/** How to import. */
export interface ImportOptions {
  /** Names the source, so ids from two spreadsheets never meet: part of every key. */
  source: string;
  /** Publish at once (an operator's choice) instead of queueing for review. */
  publish: boolean;
  /** Only report what would happen. */
  dryRun: boolean;
  /** Who is importing: the review queue shows this address as the registrant. Needed unless publishing. */
  by?: string;
  /** Records per transaction. */
  batchSize: number;
  /** Recorded in the moderation log. */
  actor: string;
  /** Told after each batch is committed (the CLI prints it). */
  onBatch?: (batch: number, records: number) => void;
}

/** What happened (or, with `dryRun`, would happen) to each record. */
export interface ImportReport {
  added: Outcome[];
  changed: Outcome[];
  unchanged: Outcome[];
  errors: (FieldProblem & { where: string })[];
  warnings: { where: string; message: string }[];
}

export interface Outcome {
  where: string;
  id: string;
  name: string;
  /** `published` or `queued for review`. */
  how: string;
}

/** Imports `records`, in batches; see the module comment. */
export async function importRecords(
  records: readonly SourceRecord[],
  deps: { store: Store; geocoder: Geocoder },
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { added: [], changed: [], unchanged: [], errors: [], warnings: [] };
  if (!options.publish && !options.dryRun && !options.by) {
    throw new Error('Say who is importing with --by EMAIL (shown in the review queue), or publish at once with --publish');
  }
  const seen = new Map<string, string>();
  for (let start = 0, batch = 1; start < records.length; start += options.batchSize, batch++) {
    const valid: ValidRecord[] = [];
    for (const record of records.slice(start, start + options.batchSize)) {
      const result = await validateRecord(record, deps.geocoder);
      for (const message of record.warnings) report.warnings.push({ where: record.where, message });
      if (isValid(result)) {
        const earlier = seen.get(result.id);
        if (earlier) {
          report.errors.push({
            where: record.where,
            field: record.fieldAt(['id']),
            message: `The id ${result.id} is already used by ${earlier}`,
          });
          continue;
        }
        seen.set(result.id, record.where);
        valid.push(result);
      } else {
        for (const error of result.errors) report.errors.push({ where: record.where, ...error });
      }
    }
    const writes = await plan(valid, deps.store, options, report);
    if (!options.dryRun && writes.length > 0) {
      await deps.store.applyImport(writes, options.actor);
      options.onBatch?.(batch, writes.length);
    }
  }
  return report;
}

async function plan(valid: readonly ValidRecord[], store: Store, options: ImportOptions, report: ImportReport): Promise<ImportWrite[]> {
  const keyOf = (v: ValidRecord) => `${options.source}:${v.id}`;
  const known = await store.importRecords(valid.map(keyOf));
  const writes: ImportWrite[] = [];
  for (const v of valid) {
    const sourceKey = keyOf(v);
    const before = known.get(sourceKey);
    const outcome = { where: v.record.where, id: v.id, name: v.group.name, how: options.publish ? 'published' : 'queued for review' };
    if (before?.contentHash === v.contentHash) {
      report.unchanged.push(outcome);
      continue;
    }
    // A change updates the group the record made, if it is still published.
    const groupId = before?.groupId && (await store.getGroup(before.groupId)) ? before.groupId : undefined;
    (groupId ? report.changed : report.added).push(outcome);
    if (options.publish) {
      const group: Group = z.parse(storedGroupSchema, {
        ...v.group,
        id: groupId ?? newGroupId(v.group.name),
        updatedAt: new Date().toISOString(),
      });
      writes.push({ kind: 'publish', sourceKey, contentHash: v.contentHash, group });
    } else {
      writes.push({ kind: 'queue', sourceKey, contentHash: v.contentHash, input: registrationOf(v, options, groupId) });
    }
  }
  return writes;
}

/** The registration an imported record waits in: the importing operator stands in for the registrant. */
function registrationOf(v: ValidRecord, options: ImportOptions, updatesGroupId: string | undefined): RegistrationInput {
  return {
    group: v.group as RegistrationInput['group'],
    ...(updatesGroupId ? { updatesGroupId } : {}),
    registrant: {
      name: 'Directory import',
      email: options.by ?? '',
      role: `Imported from ${options.source}, ${v.record.where}`.slice(0, 120),
    },
    consent: { storeData: true, noMedicalAdvice: true },
  };
}

/** The report as people read it: every error by row (or service) and column (or field). */
export function formatReport(report: ImportReport, options: Pick<ImportOptions, 'dryRun' | 'publish'>): string {
  const would = options.dryRun ? 'would be ' : '';
  const lines: string[] = [];
  const section = (title: string, outcomes: Outcome[]) => {
    if (outcomes.length === 0) return;
    lines.push(`${title} (${outcomes.length}):`);
    for (const o of outcomes) lines.push(`  ${o.where}: ${o.name} [${o.id}]`);
  };
  const how = options.publish ? 'published' : 'queued for review';
  section(`Added, ${would}${how}`, report.added);
  section(`Changed, ${would}${how}`, report.changed);
  section('Unchanged', report.unchanged);
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.where}: ${w.message}`);
  }
  if (report.errors.length > 0) {
    lines.push(`Errors (${report.errors.length}), not imported:`);
    for (const e of report.errors) lines.push(`  ${e.where}, ${e.field}: ${e.message}`);
  }
  lines.push(
    `${report.added.length} added, ${report.changed.length} changed, ${report.unchanged.length} unchanged, ` +
      `${new Set(report.errors.map((e) => e.where)).size} with errors${options.dryRun ? ' (dry run: nothing was written)' : ''}.`,
  );
  return lines.join('\n');
}
