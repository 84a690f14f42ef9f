import * as z from 'zod/mini';
import { shapeOnlyFields } from './fields.js';
import {
  answersShape,
  groupFields,
  groupShape,
  locationShape,
  meetingShape,
  publicContactShape,
  recurrenceRuleShape,
  scheduleExceptionShape,
  scheduleShape,
  yesNoAnswerShape,
} from './group-shape.js';

export { FREQUENCIES, WEEKDAYS, WEEKS_OF_MONTH, type Weekday, type WeekOfMonth } from './weekdays.js';

/**
 * A published group, as every public response shows it. It holds nothing
 * private. Shape only: types and codes are checked, content is not, because
 * the server checked it when the group was submitted (`groupInputSchema`)
 * and stored (`storedGroupSchema`), and a browser reading a response would
 * pay for those checks in download size and get nothing for them.
 */
export const groupSchema = /* @__PURE__ */ groupShape(shapeOnlyFields, () => z.string());

/**
 * A group as a leader submitted it, as staff read it in a registration:
 * shape only, like every response (the server checked it with
 * `groupInputSchema` on the way in). A location may lack coordinates.
 */
export const submittedGroupSchema = /* @__PURE__ */ z.object({
  ...groupFields(shapeOnlyFields),
  location: z.optional(z.extend(locationShape(shapeOnlyFields), { lat: z.optional(z.number()), lng: z.optional(z.number()) })),
});

export type YesNoAnswer = z.infer<ReturnType<typeof yesNoAnswerShape>>;
export type Answers = z.infer<ReturnType<typeof answersShape>>;
export type Location = z.infer<ReturnType<typeof locationShape>>;
export type Meeting = z.infer<ReturnType<typeof meetingShape>>;
export type RecurrenceRule = z.infer<ReturnType<typeof recurrenceRuleShape>>;
export type ScheduleException = z.infer<ReturnType<typeof scheduleExceptionShape>>;
export type Schedule = z.infer<ReturnType<typeof scheduleShape>>;
export type PublicContact = z.infer<ReturnType<typeof publicContactShape>>;
export type Group = z.infer<typeof groupSchema>;

/**
 * The language a group's own words (its name, summary, schedule and
 * answers) are written in: the first language it lists, as the
 * registration form asks for the language of the group first. Pages mark
 * that text with it (WCAG 3.1.2), whatever language the page is in.
 */
export function groupTextLanguage(group: Pick<Group, 'languages'>): string {
  return group.languages[0] ?? 'en';
}
