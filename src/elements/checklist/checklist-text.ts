import { msg, str } from '@lit/localize';
import { QUESTIONS, type Group, type QuestionKey } from '../../schema/index.js';
import { answerText } from '../shared/answers.js';
import type { ChecklistNotes } from '../shared/checklist-store.js';
import { questionText } from '../shared/terms.js';

/** What the plain-text copy of a checklist is made from. */
export interface ChecklistTextSource {
  /** The groups shown: none (blank checklist), one, or several side by side. */
  groups: readonly Group[];
  /** The person's notes on the blank sheet (no group) or about a group. */
  notes: (group?: string) => ChecklistNotes;
  matters: (key: QuestionKey) => boolean;
}

// Continuation lines are indented so each question stands out in any text editor.
const indent = (text: string, by = '   ') =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => by + line)
    .join('\n');

/**
 * The checklist as plain text, for the clipboard and the .txt download: the
 * 8 questions in order, each with the groups' answers (if any), the
 * person's notes, and whether it matters to them.
 */
export function checklistText({ groups, notes, matters }: ChecklistTextSource): string {
  const lines: string[] = [msg('Questions to ask about a peer support group')];
  if (groups.length === 1) lines.push(msg(str`Group: ${groups[0]!.name}`));
  if (groups.length > 1) lines.push(msg(str`Comparing: ${groups.map((g) => g.name).join('; ')}`));
  lines.push('');

  for (const question of QUESTIONS) {
    const key = question.key;
    lines.push(`${question.number}. ${questionText(key)}`);
    if (matters(key)) lines.push(indent(msg('[This matters to me]')));
    if (groups.length === 0) {
      const note = notes()[key];
      lines.push(indent(msg('My notes:')));
      lines.push(note ? indent(note, '      ') : indent('____________________', '      '));
    }
    for (const group of groups) {
      const { answer, details } = answerText(group.answers, key);
      const said = groups.length === 1 ? msg(str`Their answer: ${answer}`) : `${group.name}: ${answer}`;
      lines.push(indent(said));
      if (details) lines.push(indent(details, '      '));
      const note = notes(group.id)[key];
      if (note) {
        lines.push(indent(groups.length === 1 ? msg('My notes:') : msg(str`My notes on ${group.name}:`)));
        lines.push(indent(note, '      '));
      }
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
