import { STATIC_DIRECTORY_FORMAT } from 'peer-directory/schema';
import type { SourceRecord } from './source-record.js';

/** Whether a JSON document is a static directory file (`export --format static`). */
export function isStaticDirectory(json: unknown): json is { format: string; groups: unknown[] } {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === STATIC_DIRECTORY_FORMAT;
}

/** A static directory's groups as records, keyed by their ids there; each is checked like any other. */
export function readStaticGroups(groups: readonly unknown[]): SourceRecord[] {
  return groups.map((raw, i) => {
    const { id, updatedAt: _updatedAt, ...draft } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      id: typeof id === 'string' ? id : undefined,
      where: `group ${i + 1}`,
      draft,
      errors: [],
      warnings: [],
      fieldAt: (path) => path.map(String).join('.') || 'group',
    };
  });
}
