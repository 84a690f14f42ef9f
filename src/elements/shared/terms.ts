import { msg } from '@lit/localize';
import type { Audience, Condition, Country, Format, Leader, Model, PeerFunction, QuestionKey } from '../../schema/index.js';

/**
 * The directory's codes in the reader's language. The schema's taxonomy
 * holds the codes and their English labels; elements translate codes here,
 * through the locale catalogue (in English each text is the taxonomy's own
 * label), and never by matching labels. Each entry is a function so it reads
 * the current locale when it is called, at render time.
 * @module
 */

type Labels<Code extends string> = Record<Code, () => string>;

const conditions: Labels<Condition> = {
  type1: () => msg('Type 1 diabetes'),
  type2: () => msg('Type 2 diabetes'),
  gestational: () => msg('Gestational diabetes'),
  'other-diabetes': () => msg('Other types of diabetes'),
  'long-term-conditions': () => msg('Long-term conditions in general'),
};

const audiences: Labels<Audience> = {
  adults: () => msg('Adults'),
  'young-people': () => msg('Young people'),
  children: () => msg('Children'),
  families: () => msg('Families'),
  'parents-carers': () => msg('Parents and carers'),
};

const formats: Labels<Format> = {
  'in-person': () => msg('Face to face'),
  online: () => msg('Online'),
  telephone: () => msg('Telephone'),
};

const models: Labels<Model> = {
  'group-visits': () => msg('Group visits led by professionals'),
  'self-management': () => msg('Peer-led self-management programme'),
  'peer-coaching': () => msg('Peer coaching or mentoring'),
  'community-health-workers': () => msg('Community health workers'),
  'support-group': () => msg('Support group'),
  'telephone-support': () => msg('Telephone peer support'),
  'web-based': () => msg('Online and email programme'),
};

const modelDescriptions: Labels<Model> = {
  'group-visits': () => msg('A health professional runs the session and members learn from each other.'),
  'self-management': () => msg('A course run face to face by trained peers on managing diabetes day to day.'),
  'peer-coaching': () => msg('One-to-one support from someone who has learned to manage their own diabetes.'),
  'community-health-workers': () => msg('Workers who share the language, culture and community of the people they support.'),
  'support-group': () => msg('People meeting to give each other emotional and practical support.'),
  'telephone-support': () => msg('Regular calls with a peer supporter.'),
  'web-based': () => msg('Online groups, forums and email or text reminders.'),
};

const functions: Labels<PeerFunction> = {
  'being-there': () => msg('Being there when support is needed'),
  'daily-management': () => msg('Help with daily management: food, activity, medicines'),
  'social-emotional': () => msg('Social and emotional support'),
  'linkage-to-care': () => msg('Links to clinical care and community resources'),
  'ongoing-support': () => msg('Ongoing support over time'),
};

const leaders: Labels<Leader> = {
  peer: () => msg('People living with diabetes'),
  'trained-volunteer': () => msg('Trained volunteers'),
  'community-health-worker': () => msg('Community health workers', { id: 'leader.community-health-worker' }),
  'health-professional': () => msg('Health professionals'),
};

const countries: Labels<Country> = {
  GB: () => msg('United Kingdom'),
  US: () => msg('United States'),
};

const questions: Labels<QuestionKey> = {
  purpose: () => msg('What is the main purpose of the group?'),
  attendees: () => msg('Who are the people who will attend?'),
  familyWelcome: () => msg('Are family members invited?'),
  clinicalEducation: () => msg('Is education about the clinical care of diabetes included?'),
  leaderTraining: () => msg('What training does the peer leader have?'),
  professionalsInvolved: () => msg('Are health professionals involved in the sessions?'),
  memberExpectations: () => msg('What is expected of group members?'),
  cost: () => msg('Is the group free or is there a fee?'),
};

/** Looks a code up, falling back to the code itself for one this version does not know. */
function lookup<Code extends string>(labels: Labels<Code>) {
  return (code: string): string => (labels as Record<string, () => string>)[code]?.() ?? code;
}

export const conditionLabel = lookup(conditions);
export const audienceLabel = lookup(audiences);
export const formatLabel = lookup(formats);
export const modelLabel = lookup(models);
export const modelDescription = lookup(modelDescriptions);
export const functionLabel = lookup(functions);
export const leaderLabel = lookup(leaders);
export const countryLabel = lookup(countries);
/** The text of one of the 8 questions (the taxonomy's `QUESTIONS`), in the reader's language. */
export const questionText = lookup(questions);

/** A language tag's name in the reader's language (`cy` → "Welsh"), via `Intl.DisplayNames`. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
