import * as z from 'zod/mini';
import { strictFields } from './strict-fields.js';
import type { Schedule } from './group.js';
import {
  answersShape,
  groupFields,
  groupShape,
  locationShape,
  meetingShape,
  organisationShape,
  publicContactShape,
  recurrenceRuleShape,
  scheduleExceptionShape,
  scheduleShape,
  yesNoAnswerShape,
} from './group-shape.js';
import { notInThePast } from './schedule-checks.js';

// Groups as people submit them and as the server stores them: every content
// check and message. What the API returns is `groupSchema` (group.ts), the
// same shape checked for types and codes only; it lives in another module so
// pages that only read groups never download these checks.

/** A yes/no answer with the group's own words. */
export const yesNoAnswerSchema = /* @__PURE__ */ yesNoAnswerShape(strictFields);

/** The group's answers to the 8 questions (see `QUESTIONS`). */
export const answersSchema = /* @__PURE__ */ answersShape(strictFields);

/** Where a group meets in person. Coordinates come from the geocoder when omitted. */
export const locationSchema = /* @__PURE__ */ locationShape(strictFields);

/** One planned meeting, in the group's local time. */
export const meetingSchema = /* @__PURE__ */ meetingShape(strictFields);

/** A recurrence rule: every n weeks on a weekday, or a weekday of every n months. */
export const recurrenceRuleSchema = /* @__PURE__ */ recurrenceRuleShape(strictFields);

/** A cancelled or moved meeting of a rule. */
export const scheduleExceptionSchema = /* @__PURE__ */ scheduleExceptionShape(strictFields);

/** When a group meets: rules, their exceptions and one-off meetings, in the group's time zone. */
export const scheduleSchema = /* @__PURE__ */ scheduleShape(strictFields);

/** Contact details the group wants published. */
export const publicContactSchema = /* @__PURE__ */ publicContactShape(strictFields);

/** The organisation a group belongs to, if any. */
export const organisationSchema = /* @__PURE__ */ organisationShape(strictFields);

/**
 * A group as the directory stores and publishes it, with every content check:
 * what the server parses a group with before storing it (publishing a
 * registration, a staff edit, seeding sample data). It infers the same
 * `Group` as `groupSchema`, which responses use.
 */
export const storedGroupSchema = /* @__PURE__ */ groupShape(strictFields, () => z.iso.datetime());

/**
 * A group as a leader describes it: no id, and a location may come without
 * coordinates (the server geocodes its postcode).
 */
export const groupInputSchema = /* @__PURE__ */ z
  .object({
    ...groupFields(strictFields),
    location: z.optional(
      z.extend(locationSchema, {
        lat: z.optional(locationSchema.shape.lat),
        lng: z.optional(locationSchema.shape.lng),
      }),
    ),
  })
  .check(
    z.refine((g) => !g.formats.includes('in-person') || g.location !== undefined, {
      path: ['location'],
      message: 'Enter where the group meets',
    }),
    z.refine((g) => !g.servesEverywhere || g.formats.some((f) => f !== 'in-person'), {
      path: ['servesEverywhere'],
      message: 'Only groups that meet online or by telephone can serve people anywhere',
    }),
    // One-off and moved meetings in the past are refused; a rule's first date
    // only for a new group (registrationInputSchema), as an edit keeps the
    // date the group began on.
    notInThePast(
      (g: { schedule: Schedule }) => g.schedule,
      ['schedule'],
      () => false,
    ),
  );

export type GroupInput = z.input<typeof groupInputSchema>;
