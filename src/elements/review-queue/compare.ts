import { msg, str } from '@lit/localize';
import { QUESTIONS, type Registration, type Term } from '../../schema/index.js';
import { answerText } from '../shared/answers.js';
import { formatList } from '../shared/intl.js';
import { formatMeeting, meetingInstant } from '../shared/time.js';
import { scheduleText } from '../shared/schedule-text.js';
import {
  audienceLabel,
  conditionLabel,
  countryLabel,
  formatLabel,
  functionLabel,
  languageName,
  leaderLabel,
  modelLabel,
  questionText,
} from '../shared/terms.js';

/** A group as staff review it: a registration's proposal, or the published group (which has more). */
export type ReviewedGroup = Registration['group'];

/** One line of a group's record, in words: what staff compare side by side. */
export interface Row {
  /** Stable, so a published row and a proposed row can be paired. */
  key: string;
  label: string;
  /** Plain text; lines separated by newlines. Empty when the group gave nothing. */
  value: string;
}

const lines = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => !!p).join('\n');

/**
 * Every detail of a group as text, in the order the registration form asks
 * for them. Codes are translated; the group's own words are kept as written.
 */
export function describeGroup(g: ReviewedGroup, locale: string, principles: readonly Term[]): Row[] {
  const list = (items: string[]) => (items.length ? formatList(items, locale) : '');
  const loc = g.location;
  const meetings = g.schedule.meetings.map((m) => {
    const start = meetingInstant(m.start, g.schedule.timeZone);
    return formatMeeting({ start, end: start + m.durationMinutes * 60_000 }, g.schedule.timeZone, locale);
  });
  const remote = g.formats.some((f) => f !== 'in-person');
  const rows: Row[] = [
    { key: 'name', label: msg('Name'), value: g.name },
    { key: 'summary', label: msg('Summary'), value: g.summary },
    { key: 'organisation', label: msg('Organisation'), value: lines(g.organisation?.name, g.organisation?.website) },
    { key: 'conditions', label: msg('Conditions'), value: list(g.conditions.map(conditionLabel)) },
    { key: 'audiences', label: msg('Who it is for'), value: list(g.audiences.map(audienceLabel)) },
    { key: 'model', label: msg('Kind of peer support'), value: modelLabel(g.model) },
    { key: 'functions', label: msg('Support given'), value: g.functions.map(functionLabel).join('\n') },
    { key: 'languages', label: msg('Languages'), value: list(g.languages.map((l) => languageName(l, locale))) },
    {
      key: 'principles',
      label: msg('Principles followed'),
      value: g.principles.map((code) => principles.find((p) => p.code === code)?.label ?? code).join('\n'),
    },
    ...QUESTIONS.map((q) => {
      const a = answerText(g.answers, q.key);
      return { key: `answers.${q.key}`, label: questionText(q.key), value: lines(a.answer, a.details) };
    }),
    { key: 'formats', label: msg('How it meets'), value: list(g.formats.map(formatLabel)) },
    {
      key: 'location',
      label: msg('Where'),
      value: loc ? lines(loc.venue, loc.address, loc.town, loc.region, loc.postcode, countryLabel(loc.country)) : '',
    },
    {
      key: 'reach',
      label: msg('Who can join remotely'),
      value: !remote
        ? msg('Meets face to face only')
        : g.servesEverywhere
          ? msg('People anywhere')
          : g.serviceArea
            ? msg(str`People in ${g.serviceArea}`)
            : msg('People in a certain area'),
    },
    { key: 'schedule', label: msg('When'), value: scheduleText(g.schedule, locale).join('\n') },
    { key: 'timeZone', label: msg('Time zone'), value: g.schedule.timeZone },
    { key: 'meetings', label: msg('Next meetings'), value: meetings.join('\n') },
    { key: 'leaders', label: msg('Who runs it'), value: list(g.leaders.map(leaderLabel)) },
    { key: 'contact.email', label: msg('Public email'), value: g.contact.email ?? '' },
    { key: 'contact.phone', label: msg('Public telephone'), value: g.contact.phone ?? '' },
    { key: 'contact.website', label: msg('Public website'), value: g.contact.website ?? '' },
  ];
  return rows;
}

/** A detail of a published group beside the proposed one. */
export interface ComparedRow {
  key: string;
  label: string;
  published: string;
  proposed: string;
  changed: boolean;
}

/** Pairs the published group's details with the proposed ones, marking those that differ. */
export function compareGroups(
  published: ReviewedGroup,
  proposed: ReviewedGroup,
  locale: string,
  principles: readonly Term[],
): ComparedRow[] {
  const before = new Map(describeGroup(published, locale, principles).map((r) => [r.key, r.value]));
  return describeGroup(proposed, locale, principles).map((r) => {
    const old = before.get(r.key) ?? '';
    return { key: r.key, label: r.label, published: old, proposed: r.value, changed: old !== r.value };
  });
}
