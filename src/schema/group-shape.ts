/**
 * The one definition of a group's shape. Each function builds a part of it
 * at a given strictness (see `Fields`): group.ts builds what the API
 * returns, group-input.ts what people submit. Not exported from the package:
 * use those schemas.
 * @module
 */
import * as z from 'zod/mini';
import { audienceCodes, conditionCodes, countryCodes, formatCodes, functionCodes, leaderCodes, modelCodes } from './taxonomy.js';
import type { Fields, StringField } from './fields.js';
import { FREQUENCIES, WEEKDAYS, WEEKS_OF_MONTH, type WeekOfMonth } from './weekdays.js';

/** A yes/no answer with the group's own words. */
export const yesNoAnswerShape = (f: Fields) =>
  z.object({
    answer: z.boolean({ error: 'Choose yes or no' }),
    details: f.optionalText(1000),
  });

/** The group's answers to the 8 questions (see `QUESTIONS`). */
export const answersShape = (f: Fields) => {
  const yesNo = yesNoAnswerShape(f);
  return z.object({
    purpose: f.text(1000, 'Describe the main purpose of the group'),
    attendees: f.text(1000, 'Describe who comes to the group'),
    familyWelcome: yesNo,
    clinicalEducation: yesNo,
    leaderTraining: f.text(1000, 'Describe the training the leader has had'),
    professionalsInvolved: yesNo,
    memberExpectations: f.text(1000, 'Describe what is expected of members'),
    cost: z.object({
      free: z.boolean({ error: 'Say whether the group is free' }),
      details: f.optionalText(500),
    }),
  });
};

/** Where a group meets in person. Coordinates come from the geocoder when omitted. */
export const locationShape = (f: Fields) =>
  z.object({
    venue: f.optionalText(200),
    address: f.optionalText(300),
    town: f.text(100, 'Enter the town or city'),
    region: f.optionalText(100),
    postcode: f.optionalText(12),
    country: z.enum(countryCodes),
    lat: f.number(-90, 90),
    lng: f.number(-180, 180),
  });

/** One planned meeting, in the group's local time: a one-off, or a meeting a rule moved to. */
export const meetingShape = (f: Fields) =>
  z.object({
    /** Local date and time, `YYYY-MM-DDTHH:mm`, in the schedule's time zone. */
    start: f.localDateTime(),
    durationMinutes: f.number(5, 24 * 60, true),
  });

/**
 * A recurrence rule (RFC 5545 §3.3.10), limited to what groups do and what
 * can be said in a sentence in every locale: every n weeks on a weekday, or
 * a given weekday of every n months (`BYDAY=1WE`, `-1` the last), with an
 * optional end (`COUNT` or `UNTIL`, not both). `start` is `DTSTART`, the
 * first meeting, and must fall on the rule.
 */
export const recurrenceRuleShape = (f: Fields) =>
  z.object({
    frequency: z.enum(FREQUENCIES, { error: 'Choose how often the group meets' }),
    /** Every `interval` weeks or months: 1 is every one, 2 every other. */
    interval: f.number(1, 12, true),
    weekday: z.enum(WEEKDAYS, { error: 'Choose the day the group meets' }),
    /** Monthly rules only. */
    weekOfMonth: z.optional(z.union(WEEKS_OF_MONTH.map((n) => z.literal(n)) as [z.ZodMiniLiteral<WeekOfMonth>])),
    /** The first meeting's local date and time, `YYYY-MM-DDTHH:mm`. */
    start: f.localDateTime(),
    durationMinutes: f.number(5, 24 * 60, true),
    /** How many meetings in all (a course of six sessions). */
    count: z.optional(f.number(1, 520, true)),
    /** The last local date a meeting may fall on, `YYYY-MM-DD`. */
    until: z.optional(f.localDate()),
  });

/**
 * A change to one meeting a rule gives: cancelled (no `start`), or moved to
 * another time or length. `date` is the local date the rule gives it.
 */
export const scheduleExceptionShape = (f: Fields) =>
  z.object({
    /** The local date of the meeting as the rule gives it, `YYYY-MM-DD`. */
    date: f.localDate(),
    /** Where the meeting moves to; absent when it is cancelled. */
    start: z.optional(f.localDateTime()),
    durationMinutes: z.optional(f.number(5, 24 * 60, true)),
    /** Why, for the people coming: "The hall is closed for the holidays". */
    note: f.optionalText(200),
  });

/**
 * When a group meets: recurrence rules, their exceptions and one-off
 * meetings, all in local time in the group's IANA time zone. The words
 * people read are generated from the rules (see `describeSchedule`), never
 * typed; `note` holds what rules cannot say ("and by arrangement").
 */
export const scheduleShape = (f: Fields) =>
  z
    .object({
      /** IANA time zone, e.g. `Europe/London`. */
      timeZone: f.timeZone(),
      rules: f.list(recurrenceRuleShape(f), undefined, 7),
      exceptions: f.list(scheduleExceptionShape(f), undefined, 100),
      /** One-off meetings, besides those the rules give. */
      meetings: f.list(meetingShape(f), undefined, 52),
      note: f.optionalText(300),
    })
    .check(...f.scheduleChecks());

/** Contact details the group wants published. */
export const publicContactShape = (f: Fields) =>
  z.object({
    email: z.optional(f.email()),
    phone: z.optional(f.phone()),
    website: z.optional(f.webAddress()),
  });

/** The organisation a group belongs to, if any. */
export const organisationShape = (f: Fields) =>
  z.object({
    name: f.text(200, 'Enter the organisation name'),
    website: z.optional(f.webAddress()),
  });

/** Everything a group says about itself: a published group without its id and update time. */
export const groupFields = (f: Fields) => ({
  name: f.text(120, 'Enter the name of the group'),
  summary: f.text(500, 'Describe the group in a sentence or two'),
  organisation: z.optional(organisationShape(f)),
  conditions: f.list(z.enum(conditionCodes), 'Choose at least one condition'),
  audiences: f.list(z.enum(audienceCodes), 'Choose who the group is for'),
  formats: f.list(z.enum(formatCodes), 'Choose how the group meets'),
  model: z.enum(modelCodes, { error: 'Choose the kind of peer support' }),
  functions: z.array(z.enum(functionCodes)),
  leaders: f.list(z.enum(leaderCodes), 'Choose who runs the group'),
  /** BCP 47 language tags, e.g. `en`, `cy`, `es`. */
  languages: f.list(f.matching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a language code'), 'Choose at least one language'),
  answers: answersShape(f),
  /** Absent for groups that meet only online or by telephone. */
  location: z.optional(locationShape(f)),
  /** Online or telephone groups open to people anywhere: shown in every search. */
  servesEverywhere: z.boolean(),
  /** Where a remote group takes members from when it does not serve everywhere. */
  serviceArea: f.optionalText(200),
  schedule: scheduleShape(f),
  contact: publicContactShape(f),
  /** Codes of the quality principles (configured by the directory operator) the group follows. */
  principles: z.array(f.identifier()),
});

/**
 * A published group: its id, what it says about itself, and when that last
 * changed. The time's schema (an ISO 8601 instant) is passed apart from `f`:
 * as one of its fields, the date parser would reach every page that submits
 * a group, which never sends a time.
 */
export const groupShape = (f: Fields, instant: () => StringField) =>
  z.object({
    id: f.identifier(),
    ...groupFields(f),
    updatedAt: instant(),
  });
