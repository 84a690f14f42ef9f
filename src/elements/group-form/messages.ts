import { msg, str } from '@lit/localize';
import type { DraftKey } from './draft.js';
import type { RuleProblem } from '../../schema/index.js';

/**
 * Error messages in the reader's language. The schema decides WHAT is wrong
 * (its issue code and path); these say it. In English the "required" texts
 * are the schema's own messages word for word (a test holds them to it), so
 * English readers see exactly what the API would say; the exceptions are
 * where the schema's words would be ambiguous in a list of problems.
 */
interface FieldMessages {
  /** Left empty or unanswered. */
  required?: () => string;
  /** Given, but not in a form the directory accepts. */
  format?: () => string;
}

const email = () => msg('Enter an email address in the correct format, like name@example.org');
const phone = () => msg('Enter a telephone number, like 01632 960 001 or +1 555 0100');
const web = () => msg('Enter a web address starting with https://');

export const FIELD_MESSAGES: Partial<Record<DraftKey, FieldMessages>> = {
  name: { required: () => msg('Enter the name of the group') },
  summary: { required: () => msg('Describe the group in a sentence or two') },
  organisationName: { required: () => msg('Enter the organisation name') },
  organisationWebsite: { format: web },
  conditions: { required: () => msg('Choose at least one condition') },
  audiences: { required: () => msg('Choose who the group is for') },
  model: { required: () => msg('Choose the kind of peer support') },
  languages: { required: () => msg('Choose at least one language') },
  purpose: { required: () => msg('Describe the main purpose of the group') },
  attendees: { required: () => msg('Describe who comes to the group') },
  // The schema says "Choose yes or no" for all three: the summary lists them together, so each says which.
  familyWelcome: { required: () => msg('Say whether family members are invited') },
  clinicalEducation: { required: () => msg('Say whether education about clinical care is included') },
  leaderTraining: { required: () => msg('Describe the training the leader has had') },
  professionalsInvolved: { required: () => msg('Say whether health professionals are involved') },
  memberExpectations: { required: () => msg('Describe what is expected of members') },
  cost: { required: () => msg('Say whether the group is free') },
  formats: { required: () => msg('Choose how the group meets') },
  town: { required: () => msg('Enter the town or city') },
  postcode: { required: () => msg('Enter the postcode where the group meets') },
  servesEverywhere: { required: () => msg('Say whether people can join from anywhere') },
  scheduleDescription: { required: () => msg('Say when the group meets') },
  timeZone: { required: () => msg('Choose a time zone'), format: () => msg('Choose a time zone') },
  meetings: { required: () => msg('Enter a date and time'), format: () => msg('Enter a date and time') },
  leaders: { required: () => msg('Choose who runs the group') },
  contactEmail: { format: email },
  contactPhone: { format: phone },
  contactWebsite: { format: web },
  registrantName: { required: () => msg('Enter your name') },
  registrantEmail: { required: () => msg('Enter your email address'), format: email },
  registrantPhone: { format: phone },
  consentStoreData: { required: () => msg('Agree to the directory storing these details') },
  consentNoMedicalAdvice: { required: () => msg('Confirm that the group gives no medical advice') },
};

/** The postcode or ZIP code is not one that exists in that country's format. */
export function postcodeFormatMessage(country: string): string {
  return country === 'US' ? msg('Enter a ZIP code with 5 digits, like 20500') : msg('Enter a full UK postcode, like SW1A 1AA');
}

export const meetingDurationMessage = () => msg('Choose how long the meeting lasts');

/** A part of a regular meeting left unanswered or not understood (the part's name in the schema). */
export function rulePartMessage(part: string): string {
  switch (part) {
    case 'weekday':
      return msg('Choose the day the group meets');
    case 'weekOfMonth':
      return msg('Choose which week of the month');
    case 'start':
      return msg('Enter the date and time of the first meeting');
    case 'until':
      return msg('Enter a real date for the last meeting, or leave it empty');
    case 'count':
      return msg('Enter how many meetings there are in all');
    default:
      return msg('Choose how often the group meets');
  }
}

/** How a regular meeting's parts fail to fit together (the schema's `params.rule`). */
export function ruleProblemMessage(problem: RuleProblem): string {
  switch (problem) {
    case 'week-of-month':
      return msg('Choose which week of the month');
    case 'not-monthly':
      return msg('Only monthly meetings have a week of the month');
    case 'both-ends':
      return msg('Give the number of meetings or the last date, not both');
    case 'weekday':
      return msg('The first meeting must fall on the day the group meets');
    case 'week':
      return msg('The first meeting must fall in the week of the month the group meets');
    case 'until-before':
      return msg('The last date must be on or after the first meeting');
    case 'past':
      return msg('The first meeting must be in the future: enter a date still to come');
  }
}

export const dayOffDateMessage = () => msg('Enter the date of the meeting that is not happening');
export const pastMeetingMessage = () => msg('This meeting is in the past: enter a date still to come');
export const clockChangeMessage = () => msg('The clocks change at that time, so it does not happen: choose another time');

/** The API could not place the postcode on a map. */
export const unknownPostcodeMessage = () => msg('We could not find this postcode. Check it, or enter the postcode of a nearby building');

export const onlyRemoteEverywhereMessage = () => msg('Only groups that meet online or by telephone can take people from anywhere');

export const tooLongMessage = (max: string) => msg(str`Must be ${max} characters or fewer`);
export const tooManyMeetingsMessage = (max: string) => msg(str`Add no more than ${max} meetings`);
export const controlCharactersMessage = () => msg('Remove the hidden control characters (they often come from copying and pasting)');
export const checkAnswerMessage = () => msg('Check this answer');
