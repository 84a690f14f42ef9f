/**
 * The spreadsheet's columns: what a charity keeps about each group, one row
 * per group. One table both ways: the CSV import reads cells into a group
 * with it, the CSV export writes a group's cells with it, and the template
 * file's header is its headers (see docs/import.md for each column).
 * @module
 */
import {
  AUDIENCES,
  CONDITIONS,
  FORMATS,
  FUNCTIONS,
  LEADERS,
  MODELS,
  type Group,
  type RecurrenceRule,
  type Term,
} from 'peer-directory/schema';
import { rruleText, zoned } from 'peer-directory/schedule';
import { RRuleTemporal } from 'rrule-temporal';

/** A cell read: its value for the group (undefined: blank), or why it cannot be read. */
export type Cell = { value?: unknown; error?: string };

/** One column of the spreadsheet. */
export interface Column {
  readonly header: string;
  /** Where its value goes in a group; validation errors there are reported against this column. */
  readonly path: readonly string[];
  /** What a blank cell gives, when not leaving the field out: '' or [] so a required field's own message is reported. */
  readonly blank?: unknown;
  read(cell: string): Cell;
  write(group: Group): string;
}

/** Separates the items of a list in one cell: commas already separate the cells. */
export const LIST_SEPARATOR = ';';

const get = (group: Group, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], group);

const text = (header: string, ...path: string[]): Column => ({
  header,
  path,
  read: (cell) => ({ value: cell }),
  write: (group) => String(get(group, path) ?? ''),
});

const number = (header: string, ...path: string[]): Column => ({
  header,
  path,
  read: (cell) => (Number.isFinite(Number(cell)) ? { value: Number(cell) } : { error: 'Enter a number, like 53.7997' }),
  write: (group) => String(get(group, path) ?? ''),
});

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

const yesNo = (header: string, ...path: string[]): Column => ({
  header,
  path,
  read: (cell) => {
    const v = cell.toLowerCase();
    return YES.has(v) ? { value: true } : NO.has(v) ? { value: false } : { error: 'Enter yes or no' };
  },
  write: (group) => {
    const value = get(group, path);
    return value === undefined ? '' : value ? 'yes' : 'no';
  },
});

/** A code from one of our lists, given as the code or its English label, in any case. */
function termOf(terms: readonly Term[], cell: string): string | undefined {
  const folded = cell.trim().toLowerCase();
  return terms.find((t) => t.code === folded || t.label.toLowerCase() === folded)?.code;
}

const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

const codes = (header: string, terms: readonly Term[], path: string): Column => ({
  header,
  path: [path],
  blank: [],
  read: (cell) => {
    const items = splitList(cell);
    const unknown = items.filter((item) => termOf(terms, item) === undefined);
    if (unknown.length > 0) return { error: unknownTerm(terms, unknown) };
    return { value: items.map((item) => termOf(terms, item)) };
  },
  write: (group) => (get(group, [path]) as string[]).join(`${LIST_SEPARATOR} `),
});

const unknownTerm = (terms: readonly Term[], items: string[]) =>
  `Not one of ours: ${items.join(', ')}. Use ${terms.map((t) => t.code).join(', ')} (or their labels)`;

const oneCode = (header: string, terms: readonly Term[], path: string): Column => ({
  header,
  path: [path],
  read: (cell) => {
    const code = termOf(terms, cell);
    return code ? { value: code } : { error: unknownTerm(terms, [cell]) };
  },
  write: (group) => String(get(group, [path])),
});

const list = (header: string, path: string): Column => ({
  header,
  path: [path],
  blank: [],
  read: (cell) => ({ value: splitList(cell) }),
  write: (group) => ((get(group, [path]) as string[] | undefined) ?? []).join(`${LIST_SEPARATOR} `),
});

/** Meetings as `2026-12-01 18:30 90` (date, local time, minutes), separated by semicolons. */
const meetings: Column = {
  header: 'meetings',
  path: ['schedule', 'meetings'],
  read: (cell) => {
    const out: { start: string; durationMinutes: number }[] = [];
    for (const item of splitList(cell)) {
      const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})\s+(\d+)$/.exec(item);
      if (!match) return { error: `“${item}” is not a meeting: write the date, the start time and the minutes, like 2026-12-01 18:30 90` };
      out.push({ start: `${match[1]}T${match[2]!.padStart(2, '0')}:${match[3]}`, durationMinutes: Number(match[4]) });
    }
    return { value: out };
  },
  write: (group) => group.schedule.meetings.map((m) => `${m.start.replace('T', ' ')} ${m.durationMinutes}`).join(`${LIST_SEPARATOR} `),
};

/**
 * Recurrence rules as `2026-12-08 19:00 90 FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU`
 * (first meeting's local date and time, minutes, then the RFC 5545 RRULE as
 * the library writes it), separated by `|`. The RRULE is read by
 * rrule-temporal, on a neutral clock: its dates are local to the group.
 */
const rules: Column = {
  header: 'rules',
  path: ['schedule', 'rules'],
  blank: [],
  read: (cell) => {
    const out: RecurrenceRule[] = [];
    for (const item of cell
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})\s+(\d+)\s+(?:RRULE:)?(\S+)$/i.exec(item);
      const start = match && `${match[1]}T${match[2]!.padStart(2, '0')}:${match[3]}`;
      const rule = match && ruleFromRrule(match[5]!, start!, Number(match[4]));
      if (!rule)
        return {
          error: `“${item}” is not a rule: write the first date, the start time, the minutes and the RRULE, like 2026-12-08 19:00 90 FREQ=MONTHLY;BYDAY=2TU`,
        };
      out.push(rule);
    }
    return { value: out };
  },
  write: (group) => group.schedule.rules.map((r) => `${r.start.replace('T', ' ')} ${r.durationMinutes} ${rruleText(r, 'UTC')}`).join(' | '),
};

/** An RRULE the directory can hold (every n weeks on a weekday, a weekday of every n months), or undefined. */
function ruleFromRrule(rrule: string, start: string, durationMinutes: number): RecurrenceRule | undefined {
  let options;
  try {
    options = new RRuleTemporal({ rruleString: rrule.toUpperCase(), dtstart: zoned(start, 'UTC') }).options();
  } catch {
    return undefined;
  }
  const day = options.byDay?.length === 1 ? /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(options.byDay[0]!) : null;
  if (!day || (options.freq !== 'WEEKLY' && options.freq !== 'MONTHLY')) return undefined;
  const weekly = options.freq === 'WEEKLY';
  if (weekly === (day[1] !== undefined)) return undefined;
  return {
    frequency: weekly ? 'weekly' : 'monthly',
    interval: options.interval ?? 1,
    weekday: day[2] as RecurrenceRule['weekday'],
    ...(day[1] !== undefined ? { weekOfMonth: Number(day[1]) as RecurrenceRule['weekOfMonth'] } : {}),
    start,
    durationMinutes,
    ...(options.count !== undefined ? { count: options.count } : {}),
    ...(options.until ? { until: options.until.toPlainDate().toString() } : {}),
  };
}

/** A text every group must give. */
const required = (header: string, ...path: string[]): Column => ({ ...text(header, ...path), blank: '' });

/** Every column, in the template's order. */
export const COLUMNS: readonly Column[] = [
  text('id'),
  required('name', 'name'),
  required('summary', 'summary'),
  text('organisation', 'organisation', 'name'),
  text('organisation_website', 'organisation', 'website'),
  codes('conditions', CONDITIONS, 'conditions'),
  codes('audiences', AUDIENCES, 'audiences'),
  codes('formats', FORMATS, 'formats'),
  oneCode('model', MODELS, 'model'),
  codes('functions', FUNCTIONS, 'functions'),
  codes('leaders', LEADERS, 'leaders'),
  list('languages', 'languages'),
  text('venue', 'location', 'venue'),
  text('address', 'location', 'address'),
  text('town', 'location', 'town'),
  text('region', 'location', 'region'),
  text('postcode', 'location', 'postcode'),
  { ...text('country', 'location', 'country'), read: (cell) => ({ value: cell.toUpperCase() === 'UK' ? 'GB' : cell.toUpperCase() }) },
  number('latitude', 'location', 'lat'),
  number('longitude', 'location', 'lng'),
  yesNo('serves_everywhere', 'servesEverywhere'),
  text('service_area', 'serviceArea'),
  text('schedule', 'schedule', 'note'),
  text('time_zone', 'schedule', 'timeZone'),
  rules,
  meetings,
  text('email', 'contact', 'email'),
  text('phone', 'contact', 'phone'),
  text('website', 'contact', 'website'),
  required('purpose', 'answers', 'purpose'),
  required('attendees', 'answers', 'attendees'),
  yesNo('family_welcome', 'answers', 'familyWelcome', 'answer'),
  text('family_welcome_details', 'answers', 'familyWelcome', 'details'),
  yesNo('clinical_education', 'answers', 'clinicalEducation', 'answer'),
  text('clinical_education_details', 'answers', 'clinicalEducation', 'details'),
  required('leader_training', 'answers', 'leaderTraining'),
  yesNo('professionals_involved', 'answers', 'professionalsInvolved', 'answer'),
  text('professionals_involved_details', 'answers', 'professionalsInvolved', 'details'),
  required('member_expectations', 'answers', 'memberExpectations'),
  yesNo('free', 'answers', 'cost', 'free'),
  text('cost_details', 'answers', 'cost', 'details'),
  list('principles', 'principles'),
];

/** The column a validation error at `path` belongs to: the one whose path is the longest prefix of it. */
export function columnAt(path: readonly PropertyKey[]): string {
  let best: Column | undefined;
  for (const column of COLUMNS) {
    if (column.path.length === 0 || column.path.length > path.length) continue;
    if (column.path.every((key, i) => key === path[i]) && column.path.length > (best?.path.length ?? 0)) best = column;
  }
  if (best) return best.header;
  // Errors about a whole part of the group, named by the column people fill in for it.
  const WHOLE: Record<string, string> = {
    location: 'town',
    schedule: 'schedule',
    answers: 'purpose',
    contact: 'email',
    organisation: 'organisation',
  };
  return WHOLE[String(path[0])] ?? String(path.join('.'));
}
