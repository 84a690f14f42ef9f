/**
 * Open Referral identifiers. HSDS requires a UUID for every object; ours are
 * short identifiers, so each HSDS id is a name-based UUID (version 5) of what
 * the object is. The same group always gets the same ids, in every process
 * and every export, so feeds and re-imports can rely on them.
 * @module
 */
import { v5 as uuidv5 } from 'uuid';

/** This directory's UUID namespace: fixed for ever, or every published id would change. */
const NAMESPACE = '6f1c3a52-7d0e-4f47-9b0a-2f6e4d8c9a11';

/** The UUID of one thing, named by its kind and its key (e.g. `service`, a group id). */
export function hsdsId(kind: string, ...key: (string | number)[]): string {
  return uuidv5(`${kind}:${key.join(':')}`, NAMESPACE);
}

export const serviceId = (groupId: string) => hsdsId('service', groupId);
export const organizationId = (name: string) => hsdsId('organization', name.trim().toLowerCase());
export const taxonomyId = (taxonomy: string) => hsdsId('taxonomy', taxonomy);
export const termId = (taxonomy: string, code: string) => hsdsId('term', taxonomy, code);
