/**
 * The directory's controlled vocabularies. Each list is the single source of
 * the codes the API accepts and the English labels it serves; elements
 * translate codes through their locale catalogue, never by matching labels.
 * @module
 */

import { COUNTRIES } from './countries.js';

/** A code with the English label people read. */
export interface Term<Code extends string = string> {
  readonly code: Code;
  readonly label: string;
  readonly description?: string;
}

function codes<const T extends readonly Term[]>(terms: T): [T[number]['code'], ...T[number]['code'][]] {
  return terms.map((t) => t.code) as [T[number]['code'], ...T[number]['code'][]];
}

/** Types of diabetes (and long-term conditions in general) a group supports. */
export const CONDITIONS = [
  { code: 'type1', label: 'Type 1 diabetes' },
  { code: 'type2', label: 'Type 2 diabetes' },
  { code: 'gestational', label: 'Gestational diabetes' },
  { code: 'other-diabetes', label: 'Other types of diabetes' },
  { code: 'long-term-conditions', label: 'Long-term conditions in general' },
] as const satisfies readonly Term[];
export const conditionCodes = /* @__PURE__ */ codes(CONDITIONS);
export type Condition = (typeof CONDITIONS)[number]['code'];

/** Who a group is for. */
export const AUDIENCES = [
  { code: 'adults', label: 'Adults' },
  { code: 'young-people', label: 'Young people' },
  { code: 'children', label: 'Children' },
  { code: 'families', label: 'Families' },
  { code: 'parents-carers', label: 'Parents and carers' },
] as const satisfies readonly Term[];
export const audienceCodes = /* @__PURE__ */ codes(AUDIENCES);
export type Audience = (typeof AUDIENCES)[number]['code'];

/** How a group meets. */
export const FORMATS = [
  { code: 'in-person', label: 'Face to face' },
  { code: 'online', label: 'Online' },
  { code: 'telephone', label: 'Telephone' },
] as const satisfies readonly Term[];
export const formatCodes = /* @__PURE__ */ codes(FORMATS);
export type Format = (typeof FORMATS)[number]['code'];

/** The seven models of peer support (Heisler, 2006). */
export const MODELS = [
  {
    code: 'group-visits',
    label: 'Group visits led by professionals',
    description: 'A health professional runs the session and members learn from each other.',
  },
  {
    code: 'self-management',
    label: 'Peer-led self-management programme',
    description: 'A course run face to face by trained peers on managing diabetes day to day.',
  },
  {
    code: 'peer-coaching',
    label: 'Peer coaching or mentoring',
    description: 'One-to-one support from someone who has learned to manage their own diabetes.',
  },
  {
    code: 'community-health-workers',
    label: 'Community health workers',
    description: 'Workers who share the language, culture and community of the people they support.',
  },
  {
    code: 'support-group',
    label: 'Support group',
    description: 'People meeting to give each other emotional and practical support.',
  },
  {
    code: 'telephone-support',
    label: 'Telephone peer support',
    description: 'Regular calls with a peer supporter.',
  },
  {
    code: 'web-based',
    label: 'Online and email programme',
    description: 'Online groups, forums and email or text reminders.',
  },
] as const satisfies readonly Term[];
export const modelCodes = /* @__PURE__ */ codes(MODELS);
export type Model = (typeof MODELS)[number]['code'];

/** The five key functions of peer support (Peers for Progress). */
export const FUNCTIONS = [
  { code: 'being-there', label: 'Being there when support is needed' },
  { code: 'daily-management', label: 'Help with daily management: food, activity, medicines' },
  { code: 'social-emotional', label: 'Social and emotional support' },
  { code: 'linkage-to-care', label: 'Links to clinical care and community resources' },
  { code: 'ongoing-support', label: 'Ongoing support over time' },
] as const satisfies readonly Term[];
export const functionCodes = /* @__PURE__ */ codes(FUNCTIONS);
export type PeerFunction = (typeof FUNCTIONS)[number]['code'];

/** Who leads a group. */
export const LEADERS = [
  { code: 'peer', label: 'People living with diabetes' },
  { code: 'trained-volunteer', label: 'Trained volunteers' },
  { code: 'community-health-worker', label: 'Community health workers' },
  { code: 'health-professional', label: 'Health professionals' },
] as const satisfies readonly Term[];
export const leaderCodes = /* @__PURE__ */ codes(LEADERS);
export type Leader = (typeof LEADERS)[number]['code'];

export const countryCodes = /* @__PURE__ */ codes(COUNTRIES);

/**
 * Languages offered wherever people choose one (the finder's filter, the
 * registration form): the UK's and US's most spoken. Groups may list others;
 * names are shown in the reader's language (`Intl.DisplayNames`).
 */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'cy', label: 'Welsh' },
  { code: 'gd', label: 'Scottish Gaelic' },
  { code: 'ga', label: 'Irish' },
  { code: 'es', label: 'Spanish' },
  { code: 'pl', label: 'Polish' },
  { code: 'pa', label: 'Punjabi' },
  { code: 'ur', label: 'Urdu' },
  { code: 'bn', label: 'Bengali' },
  { code: 'gu', label: 'Gujarati' },
  { code: 'ar', label: 'Arabic' },
  { code: 'so', label: 'Somali' },
  { code: 'zh', label: 'Chinese' },
  { code: 'pt', label: 'Portuguese' },
  { code: 'ro', label: 'Romanian' },
] as const satisfies readonly Term[];

/** How an answer to one of the 8 questions is recorded. */
export type QuestionKind = 'text' | 'yes-no' | 'cost';

/** One of the 8 questions to ask about a peer programme. */
export interface Question {
  readonly key: QuestionKey;
  readonly number: number;
  readonly text: string;
  readonly kind: QuestionKind;
}

/** The 8 questions, in the order people are advised to ask them. */
export const QUESTIONS = [
  { key: 'purpose', number: 1, text: 'What is the main purpose of the group?', kind: 'text' },
  { key: 'attendees', number: 2, text: 'Who are the people who will attend?', kind: 'text' },
  { key: 'familyWelcome', number: 3, text: 'Are family members invited?', kind: 'yes-no' },
  {
    key: 'clinicalEducation',
    number: 4,
    text: 'Is education about the clinical care of diabetes included?',
    kind: 'yes-no',
  },
  { key: 'leaderTraining', number: 5, text: 'What training does the peer leader have?', kind: 'text' },
  {
    key: 'professionalsInvolved',
    number: 6,
    text: 'Are health professionals involved in the sessions?',
    kind: 'yes-no',
  },
  { key: 'memberExpectations', number: 7, text: 'What is expected of group members?', kind: 'text' },
  { key: 'cost', number: 8, text: 'Is the group free or is there a fee?', kind: 'cost' },
] as const satisfies readonly (Omit<Question, 'key'> & { key: string })[];
export type QuestionKey = (typeof QUESTIONS)[number]['key'];
