import { z } from 'zod/mini';
import { strictFields } from './strict-fields.js';
import { existsInZone, isTimeZone, LOCAL_MINUTE, meetingInstant } from './meeting-time.js';
import {
  answersShape,
  groupFields,
  groupShape,
  locationShape,
  meetingShape,
  organisationShape,
  publicContactShape,
  scheduleShape,
  yesNoAnswerShape,
} from './group-shape.js';

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

/** When a group meets: words for people, meetings for calendars. */
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

const groupInputBase = /* @__PURE__ */ z.object({
  ...groupFields(strictFields),
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

/** A schedule's meetings, with the time zone they are in. */
interface Meetings {
  schedule: { timeZone: string; meetings: { start: string }[] };
}

// Meetings whose start and zone passed their own checks; the others already have an issue.
function* checkedMeetings(g: Meetings) {
  if (!isTimeZone(g.schedule.timeZone)) return;
  for (const [index, meeting] of g.schedule.meetings.entries()) {
    if (!LOCAL_MINUTE.test(meeting.start)) continue;
    yield { start: meeting.start, timeZone: g.schedule.timeZone, path: ['schedule', 'meetings', index, 'start'] };
  }
}

/**
 * A group as a leader describes it: no id, and a location may come without
 * coordinates (the server geocodes its postcode). Every meeting is a time
 * that exists in the group's zone; see `groupSubmissionSchema` for the check
 * that it is still to come.
 */
export const groupInputSchema = /* @__PURE__ */ groupInputBase.check(
  z.superRefine((g: Meetings, ctx) => {
    for (const m of checkedMeetings(g)) {
      if (!existsInZone(m.start, m.timeZone)) {
        ctx.addIssue({
          code: 'custom',
          path: m.path,
          input: m.start,
          params: { meeting: 'clock-change' },
          message: `The clocks change at that time in ${m.timeZone}, so it does not happen there: choose another time`,
        });
      }
    }
  }),
);

/**
 * A group as it is submitted now (a registration, a staff edit): as
 * `groupInputSchema`, and every meeting still to come. Stored and returned
 * groups keep meetings that have since passed, so only submissions check this.
 */
export const groupSubmissionSchema = /* @__PURE__ */ groupInputSchema.check(
  z.superRefine((g: Meetings, ctx) => {
    const now = Date.now();
    for (const m of checkedMeetings(g)) {
      if (meetingInstant(m.start, m.timeZone) < now) {
        ctx.addIssue({
          code: 'custom',
          path: m.path,
          input: m.start,
          params: { meeting: 'past' },
          message: 'This meeting is in the past: enter a date still to come',
        });
      }
    }
  }),
);

export type GroupInput = z.input<typeof groupInputSchema>;
