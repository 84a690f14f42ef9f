import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { NetworkError, NotFoundError, ServerError, TimeoutError, ValidationError } from '../../sdk/errors.js';
import { groupTextLanguage, type Group, type QuestionKey } from '../../schema/index.js';
import { controls, tokens } from '../styles/tokens.js';
import { languageOf, useLocale } from '../locales/localize.js';
import { MAX_COMPARE, removeFromCompare } from '../shared/checklist-store.js';
import { FocusAfterRender } from '../shared/focus-after-render.js';
import { directoryReader } from '../shared/directory.js';
import { downloadText } from '../shared/download.js';
import { isOne, localeOf } from '../shared/intl.js';
import { ChecklistController } from './checklist-controller.js';
import { checklistText } from './checklist-text.js';
import { comparison, compareNotes, groupFacts, sheet, type SheetView } from './checklist-views.js';
import { styles } from './checklist.styles.js';

/** A requested group: found, or gone from the directory. */
interface LoadedGroup {
  id: string;
  group?: Group;
}

type Mode = 'blank' | 'group' | 'compare';

/** Group ids from an attribute: trimmed, without blanks or repeats. */
function idList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * @summary The 8 questions to ask about a peer support group, as a checklist
 * people fill in, print, copy or download: blank, answered by one group, or
 * comparing up to three groups side by side.
 *
 * Without `group` or `groups` it is a blank checklist: each question has a
 * notes field and a "This matters to me" mark, kept in this browser
 * (localStorage) and never sent anywhere. With `group` each question also
 * shows that group's own answer, with the person's notes about that group
 * beside it. With `groups` (up to three ids, comma separated) the groups'
 * answers are side by side, question by question: a table where there is
 * room, one question after another on narrow screens.
 *
 * Headings: the checklist's title is an `h2`, each question an `h3`.
 *
 * @event {CustomEvent<ChecklistChangeDetail>} peer-checklist-change - Notes, marks or the comparison list were saved. `detail: { change, compare }`.
 *
 * @csspart base - Everything the element shows.
 * @csspart header - The title and introduction.
 * @csspart facts - Where and when one group meets, and how to contact it (group mode, printed too).
 * @csspart compared - The groups compared, each with its "remove from the comparison" button.
 * @csspart questions - The list of questions.
 * @csspart question - One question with its answers and notes.
 * @csspart question-text - The question itself.
 * @csspart answer - A group's answer (group mode).
 * @csspart notes - The person's notes on a question.
 * @csspart notes-field - The notes text area.
 * @csspart matters - The "This matters to me" checkbox and label.
 * @csspart matters-badge - The "Matters to me" mark in a comparison.
 * @csspart compare-table - The comparison table (wide layout).
 * @csspart compare-stacked - The comparison one question after another (narrow layout).
 * @csspart note - A note about the comparison (missing groups, too many groups).
 * @csspart toolbar - Copy, download, print and clear buttons.
 * @csspart status - The message that says what a button did.
 * @csspart message - Loading, error and not-found messages.
 * @csspart dialog - The "clear your notes?" confirmation.
 *
 * @cssprop --peer-color-primary - Buttons, links and headings.
 * @cssprop --peer-color-text - Body text.
 * @cssprop --peer-color-surface-alt - Background of group answers and table headers.
 * @cssprop --peer-color-border - Field and table borders.
 * @cssprop --peer-color-error - The clear confirmation button and error messages.
 * @cssprop --peer-color-focus - Focus outline.
 * @cssprop --peer-space - The basic spacing unit.
 * @cssprop --peer-radius - Corner radius.
 */
@localized()
export class PeerChecklist extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The directory API's address; defaults to this page's origin. */
  @property() api = '';

  /** A static directory file (`export --format static`) to read the groups from instead of `api`, for a site with no server. */
  @property() src = '';

  /** A group id: show its answers beside the person's notes. */
  @property() group = '';

  /** Up to three group ids, comma separated: compare them side by side. Takes precedence over `group`. */
  @property() groups = '';

  /** The language to speak (`en`, `es`); by default the nearest `lang` around the element, or the page's. */
  @property({ reflect: true }) override lang!: string;

  @state() private status = '';
  @state() private statusIsError = false;
  /** The checklist text, shown selected when the browser refused the clipboard. */
  @state() private copyFallback = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.copy-fallback textarea') private fallbackField?: HTMLTextAreaElement;

  private readonly checklist = new ChecklistController(this);
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly focusAfter = new FocusAfterRender(this);

  private readonly groupsTask = new Task(this, {
    task: async ([api, src, ids], { signal }): Promise<LoadedGroup[]> => {
      if (!ids) return [];
      const client = await directoryReader(api, src);
      const wanted = ids.split(',');
      const results = await Promise.allSettled(wanted.map((id) => client.groups.get(id, { signal })));
      return results.map((result, i) => {
        const id = wanted[i]!;
        if (result.status === 'fulfilled') return { id, group: result.value };
        // An id that is malformed or unknown is a group we cannot find; anything else is a failure to retry.
        if (result.reason instanceof NotFoundError || result.reason instanceof ValidationError) return { id };
        throw result.reason;
      });
    },
    args: () => [this.api || window.location.origin, this.src, this.shownIds.join(',')] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void useLocale(languageOf(this));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.statusTimer);
  }

  private get mode(): Mode {
    if (idList(this.groups).length > 0) return 'compare';
    return this.group.trim() ? 'group' : 'blank';
  }

  /** Every id asked for in compare mode, before the limit. */
  private get requestedIds(): string[] {
    return idList(this.groups);
  }

  /** The ids the element loads: the compared ones (at most three), or the one group. */
  private get shownIds(): string[] {
    if (this.mode === 'compare') return this.requestedIds.slice(0, MAX_COMPARE);
    return this.mode === 'group' ? [this.group.trim()] : [];
  }

  /** The groups on screen, once loaded. */
  private get shownGroups(): Group[] {
    if (this.mode === 'blank') return [];
    return (this.groupsTask.value ?? []).flatMap((g) => (g.group ? [g.group] : []));
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The property, not languageOf(): the attribute is only reflected after this.
    if (changed.has('lang') && this.hasUpdated) void useLocale(this.lang || languageOf(this));
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('copyFallback') && this.copyFallback) {
      this.fallbackField?.focus();
      this.fallbackField?.select();
    }
  }

  override render(): TemplateResult {
    const mode = this.mode;
    return html`<div part="base" class="base">
      ${mode === 'blank' ? this.renderBlank() : this.renderGroups(mode)}
      <p part="status" class="status ${this.statusIsError ? 'error-message' : ''}" role="status">
        ${this.status}
      </p>
      ${this.renderCopyFallback()} ${this.renderClearDialog()}
    </div>`;
  }

  private renderBlank(): TemplateResult {
    return html`<header part="header" class="header">
        <h2>${msg('Your questions and notes')}</h2>
        <p>
          ${msg(
            'Take these questions with you when you contact or visit a group. Write down what you find out, and mark the questions that matter most to you.',
          )}
        </p>
        ${this.renderSavingNote()}
      </header>
      ${sheet(this.sheetView())} ${this.renderToolbar(true)}`;
  }

  private renderGroups(mode: Mode): TemplateResult | typeof nothing {
    return this.groupsTask.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error),
      complete: (loaded) => {
        const found = loaded.flatMap((g) => (g.group ? [g.group] : []));
        if (found.length === 0) return this.renderNotFound(mode);
        if (mode === 'group') return this.renderGroup(found[0]!);
        return this.renderCompare(found, loaded.length - found.length);
      },
    });
  }

  private renderSavingNote(): TemplateResult {
    return this.checklist.saving
      ? html`<p class="saving-note">
          ${msg('Your notes are kept in this browser only. They are not sent to the directory or anyone else.')}
        </p>`
      : html`<p class="saving-note error-message">
          ${msg('This browser is not saving your notes. Copy or download them before you leave this page.')}
        </p>`;
  }

  private sheetView(group?: Group): SheetView {
    return {
      group,
      notes: this.checklist.notes(group?.id),
      matters: (key: QuestionKey) => this.checklist.matters(key),
      onNote: (key: QuestionKey, text: string) => this.checklist.setNote(group?.id, key, text),
      onNoteDone: () => this.checklist.flush(),
      onMatters: (key: QuestionKey, on: boolean) => this.checklist.setMatters(key, on),
    };
  }

  private renderGroup(group: Group): TemplateResult {
    const own = groupTextLanguage(group);
    return html`<header part="header" class="header">
        <h2 lang=${own}>${group.name}</h2>
        ${group.organisation ? html`<p class="organisation" lang=${own}>${group.organisation.name}</p>` : nothing}
        <p lang=${own}>${group.summary}</p>
        ${groupFacts(group, localeOf(this))}
        <p class="screen-only">${msg('How this group answers the 8 questions, with your own notes beside each answer.')}</p>
        ${this.renderAdviceNote()} ${this.renderSavingNote()}
      </header>
      ${sheet(this.sheetView(group))} ${this.renderToolbar(true)}`;
  }

  private renderCompare(groups: Group[], missing: number): TemplateResult {
    const lang = localeOf(this);
    const count = new Intl.NumberFormat(lang).format(groups.length);
    const ignored = this.requestedIds.length - this.shownIds.length;
    return html`<header part="header" class="header">
        <h2 tabindex="-1">
          ${isOne(groups.length, lang) ? msg('Comparing one group') : msg(str`Comparing ${count} groups`)}
        </h2>
        <p>${msg('How each group answers the 8 questions. Questions you marked as mattering to you are highlighted.')}</p>
        ${compareNotes(missing, ignored, MAX_COMPARE, (n) => isOne(n, lang))} ${this.renderAdviceNote()}
        <ul class="compared" part="compared" aria-label=${msg('The groups compared')}>
          ${groups.map(
            (g) => html`<li>
              <span lang=${groupTextLanguage(g)}>${g.name}</span>
              <button type="button" class="secondary small" @click=${() => this.stopComparing(g)}>
                ${msg(html`Remove <span class="visually-hidden">${g.name}</span> from the comparison`)}
              </button>
            </li>`,
          )}
        </ul>
      </header>
      ${comparison({
        groups,
        notes: (id) => this.checklist.notes(id),
        matters: (key) => this.checklist.matters(key),
      })}
      ${this.renderToolbar(false)}`;
  }

  /** Takes a group out of the comparison shown, and out of the list the details views add to. */
  private stopComparing(group: Group): void {
    removeFromCompare(group.id, this);
    this.groups = idList(this.groups)
      .filter((id) => id !== group.id)
      .join(',');
    this.announce(msg(str`${group.name} was taken out of the comparison.`));
    // Once the comparison left has loaded: its heading says how many groups remain.
    this.focusAfter.request(async () => {
      await this.groupsTask.taskComplete.catch(() => undefined);
      await this.updateComplete;
      return this.renderRoot.querySelector<HTMLElement>('[part=header] h2');
    });
  }

  private renderAdviceNote(): TemplateResult {
    return html`<p class="advice-note">
      ${msg(
        'Peer supporters share their own experience. They do not give medical advice: for questions about your treatment, ask your doctor, nurse or diabetes team.',
      )}
    </p>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p part="message" class="message loading" role="status">
      ${this.mode === 'compare' ? msg('Loading the groups’ answers…') : msg('Loading the group’s answers…')}
    </p>`;
  }

  private renderNotFound(mode: Mode): TemplateResult {
    return html`<div part="message" class="message" role="alert">
      <h2>${mode === 'compare' ? msg('We could not find these groups') : msg('We could not find this group')}</h2>
      <p>
        ${msg('It may have left the directory, or the link may be wrong. Search the directory again to find groups near you.')}
      </p>
    </div>`;
  }

  private renderError(error: unknown): TemplateResult {
    let text = msg('Something went wrong while loading the answers. Please try again.');
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      text = msg('We could not reach the directory. Check your internet connection, then try again.');
    } else if (error instanceof ServerError) {
      text = msg('The directory is not working at the moment. Please try again in a few minutes.');
    }
    return html`<div part="message" class="message" role="alert">
      <p class="error-message">${text}</p>
      <button type="button" @click=${() => void this.groupsTask.run()}>${msg('Try again')}</button>
    </div>`;
  }

  private renderToolbar(canClear: boolean): TemplateResult {
    return html`<div part="toolbar" class="toolbar">
      <button type="button" @click=${this.copy}>${msg('Copy as text')}</button>
      <button type="button" class="secondary" @click=${this.download}>${msg('Download as a text file')}</button>
      <button type="button" class="secondary" @click=${this.print}>${msg('Print')}</button>
      ${
        canClear
          ? html`<button type="button" class="secondary clear" @click=${this.askToClear}>
            ${msg('Clear my notes')}
          </button>`
          : nothing
      }
    </div>`;
  }

  private renderCopyFallback(): TemplateResult | typeof nothing {
    if (!this.copyFallback) return nothing;
    return html`<div class="copy-fallback">
      <label for="copy-fallback">${msg('Your checklist as text')}</label>
      <textarea id="copy-fallback" readonly rows="8" .value=${this.copyFallback}></textarea>
    </div>`;
  }

  private renderClearDialog(): TemplateResult {
    const group = this.mode === 'group' ? this.shownGroups[0] : undefined;
    // The dialog opens on its least harmful choice, as the HTML spec advises for a destructive confirmation.
    /* eslint-disable lit-a11y/no-autofocus */
    return html`<dialog
      part="dialog"
      aria-labelledby="clear-title"
      aria-describedby="clear-description"
      @close=${() => this.requestUpdate()}
    >
      <h2 id="clear-title">${msg('Clear your notes?')}</h2>
      <p id="clear-description">
        ${
          group
            ? msg(str`This deletes your notes about ${group.name} from this browser. You cannot undo this.`)
            : msg('This deletes your notes and your “matters to me” marks from this browser. You cannot undo this.')
        }
      </p>
      <div class="dialog-actions">
        <button type="button" class="warning" @click=${this.confirmClear}>${msg('Yes, clear my notes')}</button>
        <button type="button" class="secondary" autofocus @click=${() => this.dialog.close()}>
          ${msg('Cancel')}
        </button>
      </div>
    </dialog>`;
    /* eslint-enable lit-a11y/no-autofocus */
  }

  /** The checklist as plain text: what Copy and Download produce. */
  toText(): string {
    const groups = this.shownGroups;
    this.checklist.flush();
    return checklistText({
      groups: this.mode === 'blank' ? [] : groups,
      notes: (id) => this.checklist.notes(id),
      matters: (key) => this.checklist.matters(key),
    });
  }

  private announce(text: string, isError = false): void {
    clearTimeout(this.statusTimer);
    // Emptied first, so the same message said twice is announced twice.
    this.status = '';
    this.statusIsError = isError;
    this.statusTimer = setTimeout(() => {
      this.status = text;
    }, 50);
  }

  private readonly copy = async (): Promise<void> => {
    const text = this.toText();
    this.copyFallback = '';
    try {
      await navigator.clipboard.writeText(text);
      this.announce(msg('Copied. You can paste your checklist into an email or a document.'));
    } catch {
      this.copyFallback = text;
      this.announce(
        msg('Your browser did not let us copy. The text is selected below: press Control and C (Command and C on a Mac) to copy it.'),
        true,
      );
    }
  };

  private readonly download = (): void => {
    const name =
      this.mode === 'compare'
        ? 'peer-support-comparison.txt'
        : this.mode === 'group'
          ? `peer-support-questions-${this.shownIds[0]}.txt`
          : 'peer-support-questions.txt';
    downloadText(name, this.toText());
    this.announce(msg(str`Your checklist was downloaded as ${name}.`));
  };

  private readonly print = (): void => {
    this.checklist.flush();
    window.print();
  };

  private readonly askToClear = (): void => {
    this.dialog.showModal();
  };

  private readonly confirmClear = (): void => {
    this.checklist.clear(this.mode === 'group' ? this.shownIds[0] : undefined);
    this.dialog.close();
    this.copyFallback = '';
    this.announce(msg('Your notes have been cleared.'));
  };
}
