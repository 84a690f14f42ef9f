import * as z from 'zod/mini';
import { QUESTIONS, identifier, type QuestionKey } from '../../schema/index.js';

/**
 * The person's checklist, kept in this browser only (localStorage, one
 * versioned key) and never sent to the directory: their notes on the 8
 * questions (a blank sheet, and one sheet per group), the questions that
 * matter to them, and the groups they want to compare. `<peer-checklist>`
 * reads and writes it; other elements (the group details view) add groups to
 * compare. Every change is announced with a `peer-checklist-change` event,
 * and changes made in other tabs arrive through the `storage` event.
 * @module
 */

/** The localStorage key. A new shape gets a new version, so old data is never misread. */
export const CHECKLIST_STORAGE_KEY = 'peer-directory:checklist:v1';

/** How many groups can be compared side by side. */
export const MAX_COMPARE = 3;

const questionKeys = QUESTIONS.map((q) => q.key) as [QuestionKey, ...QuestionKey[]];

/** Notes on one sheet: question key → the person's text. */
const notesSchema = z.partialRecord(z.enum(questionKeys), z.string().check(z.maxLength(10_000)));

const checklistSchema = z.object({
  version: z.literal(1),
  /** Notes on the blank checklist. */
  blank: notesSchema,
  /** Notes about each group, by group id. */
  groups: z.record(identifier, notesSchema),
  /** Questions the person marked "matters to me": about them, not a group, so shared by every sheet. */
  matters: z.array(z.enum(questionKeys)),
  /** Group ids to compare, in the order they were added, at most `MAX_COMPARE`. */
  compare: z.array(identifier).check(z.maxLength(MAX_COMPARE)),
  /** The names of the groups to compare, so they can be offered for replacing wherever a group is shown. */
  names: z.optional(z.record(identifier, z.string().check(z.maxLength(200)))),
});

export type ChecklistNotes = z.infer<typeof notesSchema>;
export type ChecklistData = z.infer<typeof checklistSchema>;

/** `detail` of `peer-checklist-change`. */
export interface ChecklistChangeDetail {
  /** What changed. */
  change: 'notes' | 'matters' | 'clear' | 'compare';
  /** The group ids to compare, after the change. */
  compare: string[];
}

declare global {
  interface HTMLElementEventMap {
    'peer-checklist-change': CustomEvent<ChecklistChangeDetail>;
  }
  // The events bubble and are composed, so hosts often listen on the document.
  interface DocumentEventMap {
    'peer-checklist-change': CustomEvent<ChecklistChangeDetail>;
  }
  interface WindowEventMap {
    'peer-checklist-change': CustomEvent<ChecklistChangeDetail>;
  }
}

/** A checklist with nothing in it. */
export function emptyChecklist(): ChecklistData {
  return { version: 1, blank: {}, groups: {}, matters: [], compare: [] };
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Blocked by the browser's settings (e.g. third-party storage in an iframe).
    return undefined;
  }
}

/** The saved checklist; empty when nothing is saved, storage is blocked, or the saved text is damaged. */
export function readChecklist(): ChecklistData {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(CHECKLIST_STORAGE_KEY);
  } catch {
    text = undefined;
  }
  if (!text) return emptyChecklist();
  try {
    const parsed = checklistSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyChecklist();
  } catch {
    return emptyChecklist();
  }
}

/**
 * Changes the saved checklist: reads the latest saved copy (another element
 * or tab may have written since), applies `edit`, writes it back and
 * dispatches `peer-checklist-change` from `source` (bubbling and composed, so
 * the page hears it on `window`). Returns the new checklist, or undefined
 * when the browser refuses to store it (blocked storage, full quota).
 */
export function updateChecklist(
  change: ChecklistChangeDetail['change'],
  edit: (data: ChecklistData) => void,
  source?: EventTarget,
): ChecklistData | undefined {
  const data = readChecklist();
  edit(data);
  try {
    const store = storage();
    if (!store) return undefined;
    store.setItem(CHECKLIST_STORAGE_KEY, JSON.stringify(data));
  } catch {
    return undefined;
  }
  const target = source instanceof Node && !source.isConnected ? window : (source ?? window);
  target.dispatchEvent(
    new CustomEvent('peer-checklist-change', {
      detail: { change, compare: [...data.compare] },
      bubbles: true,
      composed: true,
    }),
  );
  return data;
}

/** Whether the browser lets this page keep the checklist. */
export function canSaveChecklist(): boolean {
  const store = storage();
  if (!store) return false;
  try {
    const probe = `${CHECKLIST_STORAGE_KEY}:probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** The group ids the person chose to compare. */
export function compareList(): string[] {
  return readChecklist().compare;
}

/**
 * Adds a group to the comparison. Returns false, changing nothing, when the
 * comparison already holds `MAX_COMPARE` groups or storage is refused.
 */
export function addToCompare(group: { id: string; name: string }, source?: EventTarget): boolean {
  const current = compareList();
  if (current.includes(group.id)) return true;
  if (current.length >= MAX_COMPARE) return false;
  return (
    updateChecklist(
      'compare',
      (data) => {
        if (data.compare.includes(group.id) || data.compare.length >= MAX_COMPARE) return;
        data.compare.push(group.id);
        data.names = { ...data.names, [group.id]: group.name };
      },
      source,
    ) !== undefined
  );
}

/** Puts `group` in the comparison in place of the group `replaced`. */
export function replaceInCompare(replaced: string, group: { id: string; name: string }, source?: EventTarget): boolean {
  return (
    updateChecklist(
      'compare',
      (data) => {
        const at = data.compare.indexOf(replaced);
        if (at < 0 || data.compare.includes(group.id)) return;
        data.compare[at] = group.id;
        const { [replaced]: _gone, ...names } = data.names ?? {};
        data.names = { ...names, [group.id]: group.name };
      },
      source,
    ) !== undefined
  );
}

/** Takes a group out of the comparison. */
export function removeFromCompare(id: string, source?: EventTarget): void {
  updateChecklist(
    'compare',
    (data) => {
      data.compare = data.compare.filter((g) => g !== id);
      const { [id]: _gone, ...names } = data.names ?? {};
      data.names = names;
    },
    source,
  );
}

/** The name a group to compare was added with, if known. */
export function compareName(id: string): string | undefined {
  return readChecklist().names?.[id];
}

/**
 * Calls `listener` whenever the checklist changes: on this page (any
 * element's `peer-checklist-change`) or in another tab. Returns the
 * function that stops listening.
 */
export function onChecklistChange(listener: (event: Event) => void): () => void {
  const fromStorage = (event: StorageEvent) => {
    if (event.key === CHECKLIST_STORAGE_KEY || event.key === null) listener(event);
  };
  window.addEventListener('peer-checklist-change', listener);
  window.addEventListener('storage', fromStorage);
  return () => {
    window.removeEventListener('peer-checklist-change', listener);
    window.removeEventListener('storage', fromStorage);
  };
}
