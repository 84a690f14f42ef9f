import { z } from 'zod/mini';
import {
  audienceCodes,
  conditionCodes,
  countryCodes,
  formatCodes,
  functionCodes,
  leaderCodes,
  modelCodes,
} from './taxonomy.js';
import { emailAddress, identifier, optionalText, phoneNumber, plainText, webAddress } from './text.js';

const nonEmpty = (message: string) => z.minLength(1, message);

/** A yes/no answer with the group's own words. */
export const yesNoAnswerSchema = /* @__PURE__ */ z.object({
  answer: z.boolean({ error: 'Choose yes or no' }),
  details: optionalText(1000),
});

/** The group's answers to the 8 questions (see `QUESTIONS`). */
export const answersSchema = /* @__PURE__ */ z.object({
  purpose: plainText(1000, 'Describe the main purpose of the group'),
  attendees: plainText(1000, 'Describe who comes to the group'),
  familyWelcome: yesNoAnswerSchema,
  clinicalEducation: yesNoAnswerSchema,
  leaderTraining: plainText(1000, 'Describe the training the leader has had'),
  professionalsInvolved: yesNoAnswerSchema,
  memberExpectations: plainText(1000, 'Describe what is expected of members'),
  cost: z.object({
    free: z.boolean({ error: 'Say whether the group is free' }),
    details: optionalText(500),
  }),
});

/** Where a group meets in person. Coordinates come from the geocoder when omitted. */
export const locationSchema = /* @__PURE__ */ z.object({
  venue: optionalText(200),
  address: optionalText(300),
  town: plainText(100, 'Enter the town or city'),
  region: optionalText(100),
  postcode: optionalText(12),
  country: z.enum(countryCodes),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});

/** One planned meeting, in the group's local time. */
export const meetingSchema = /* @__PURE__ */ z.object({
  /** Local date and time, `YYYY-MM-DDTHH:mm`, in the schedule's time zone. */
  start: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time')),
  durationMinutes: z.int().check(z.gte(5), z.lte(24 * 60)),
});

/** When a group meets: words for people, meetings for calendars. */
export const scheduleSchema = /* @__PURE__ */ z.object({
  description: plainText(300, 'Say when the group meets'),
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: z.string().check(z.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, 'Not a time zone')),
  meetings: z.array(meetingSchema).check(z.maxLength(52)),
});

/** Contact details the group wants published. */
export const publicContactSchema = /* @__PURE__ */ z.object({
  email: z.optional(emailAddress),
  phone: z.optional(phoneNumber),
  website: z.optional(webAddress),
});

/** The organisation a group belongs to, if any. */
export const organisationSchema = /* @__PURE__ */ z.object({
  name: plainText(200, 'Enter the organisation name'),
  website: z.optional(webAddress),
});

const groupFields = {
  name: plainText(120, 'Enter the name of the group'),
  summary: plainText(500, 'Describe the group in a sentence or two'),
  organisation: z.optional(organisationSchema),
  conditions: z.array(z.enum(conditionCodes)).check(nonEmpty('Choose at least one condition')),
  audiences: z.array(z.enum(audienceCodes)).check(nonEmpty('Choose who the group is for')),
  formats: z.array(z.enum(formatCodes)).check(nonEmpty('Choose how the group meets')),
  model: z.enum(modelCodes, { error: 'Choose the kind of peer support' }),
  functions: z.array(z.enum(functionCodes)),
  leaders: z.array(z.enum(leaderCodes)).check(nonEmpty('Choose who runs the group')),
  /** BCP 47 language tags, e.g. `en`, `cy`, `es`. */
  languages: z
    .array(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a language code')))
    .check(nonEmpty('Choose at least one language')),
  answers: answersSchema,
  /** Absent for groups that meet only online or by telephone. */
  location: z.optional(locationSchema),
  /** Online or telephone groups open to people anywhere: shown in every search. */
  servesEverywhere: z.boolean(),
  /** Where a remote group takes members from when it does not serve everywhere. */
  serviceArea: optionalText(200),
  schedule: scheduleSchema,
  contact: publicContactSchema,
  /** Codes of the quality principles (configured by the directory operator) the group follows. */
  principles: z.array(identifier),
};

/** A published group, as every public response shows it. It holds nothing private. */
export const groupSchema = /* @__PURE__ */ z.object({
  id: identifier,
  ...groupFields,
  updatedAt: z.iso.datetime(),
});

/**
 * A group as a leader describes it: no id, and a location may come without
 * coordinates (the server geocodes its postcode).
 */
export const groupInputSchema = /* @__PURE__ */ z.object({
  ...groupFields,
  location: z.optional(
    z.extend(locationSchema, {
      lat: z.optional(locationSchema.shape.lat),
      lng: z.optional(locationSchema.shape.lng),
    }),
  ),
}).check(
  z.refine((g) => !g.formats.includes('in-person') || g.location !== undefined, {
    path: ['location'],
    message: 'Enter where the group meets',
  }),
  z.refine((g) => !g.servesEverywhere || g.formats.some((f) => f !== 'in-person'), {
    path: ['servesEverywhere'],
    message: 'Only groups that meet online or by telephone can serve people anywhere',
  }),
);

export type YesNoAnswer = z.infer<typeof yesNoAnswerSchema>;
export type Answers = z.infer<typeof answersSchema>;
export type Location = z.infer<typeof locationSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type PublicContact = z.infer<typeof publicContactSchema>;
export type Group = z.infer<typeof groupSchema>;
export type GroupInput = z.input<typeof groupInputSchema>;
