import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QuestionKey } from '../../schema/index.js';
import {
  canSaveChecklist,
  emptyChecklist,
  onChecklistChange,
  readChecklist,
  updateChecklist,
  type ChecklistData,
  type ChecklistNotes,
} from '../shared/checklist-store.js';

interface PendingNote {
  group: string | undefined;
  key: QuestionKey;
  text: string;
}

function setNote(data: ChecklistData, { group, key, text }: PendingNote): void {
  const notes: ChecklistNotes = group === undefined ? data.blank : (data.groups[group] ??= {});
  if (text.trim()) notes[key] = text;
  else delete notes[key];
  if (group !== undefined && Object.keys(notes).length === 0) delete data.groups[group];
}

/**
 * The person's checklist for one element: what it shows, kept in step with
 * localStorage. Notes are saved a moment after typing stops (and at once when
 * a field loses focus, the element goes away or the page is hidden), so
 * typing is never slowed by storage; "matters to me" marks and clearing are
 * saved at once. Changes from other elements or tabs are picked up, without
 * losing what is being typed here.
 */
export class ChecklistController implements ReactiveController {
  /** The checklist as this element shows it, unsaved typing included. */
  data: ChecklistData = emptyChecklist();
  /** False when the browser refuses to keep the checklist (blocked storage, full quota). */
  saving = true;

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly delay: number;
  private readonly pending = new Map<string, PendingNote>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing = false;
  private unsubscribe: (() => void) | undefined;
  private readonly onPageHide = () => this.flush();

  constructor(host: ReactiveControllerHost & EventTarget, delay = 400) {
    this.host = host;
    this.delay = delay;
    host.addController(this);
  }

  hostConnected(): void {
    this.saving = canSaveChecklist();
    this.data = readChecklist();
    this.unsubscribe = onChecklistChange(() => {
      if (this.writing) return;
      this.data = readChecklist();
      for (const note of this.pending.values()) setNote(this.data, note);
      this.host.requestUpdate();
    });
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    this.flush();
    this.unsubscribe?.();
    window.removeEventListener('pagehide', this.onPageHide);
  }

  /** The notes on the blank sheet (no group) or about one group. */
  notes(group?: string): ChecklistNotes {
    return (group === undefined ? this.data.blank : this.data.groups[group]) ?? {};
  }

  /** Whether the person marked a question as mattering to them. */
  matters(key: QuestionKey): boolean {
    return this.data.matters.includes(key);
  }

  /** Records typing; saved after a pause. */
  setNote(group: string | undefined, key: QuestionKey, text: string): void {
    const note = { group, key, text };
    setNote(this.data, note);
    this.pending.set(`${group ?? ''}\n${key}`, note);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Saves typing now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const notes = [...this.pending.values()];
    this.pending.clear();
    this.write('notes', (data) => notes.forEach((note) => setNote(data, note)));
  }

  setMatters(key: QuestionKey, on: boolean): void {
    this.flush();
    this.write('matters', (data) => {
      data.matters = data.matters.filter((k) => k !== key);
      if (on) data.matters.push(key);
    });
  }

  /**
   * Empties a sheet. The blank sheet's clear also removes the "matters to me"
   * marks; a group's clear removes only the notes about that group.
   */
  clear(group?: string): void {
    for (const [id, note] of this.pending) if (note.group === group) this.pending.delete(id);
    this.flush();
    this.write('clear', (data) => {
      if (group === undefined) {
        data.blank = {};
        data.matters = [];
      } else {
        delete data.groups[group];
      }
    });
  }

  private write(change: 'notes' | 'matters' | 'clear', edit: (data: ChecklistData) => void): void {
    this.writing = true;
    try {
      const saved = updateChecklist(change, edit, this.host);
      this.saving = saved !== undefined;
      if (saved) {
        this.data = saved;
        for (const note of this.pending.values()) setNote(this.data, note);
      } else {
        edit(this.data);
      }
    } finally {
      this.writing = false;
    }
    this.host.requestUpdate();
  }
}
