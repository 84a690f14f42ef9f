import { z } from 'zod/mini';

/** One meeting as a schedule gives it: from a rule (possibly moved or cancelled) or a one-off. */
export const meetingOccurrenceSchema = /* @__PURE__ */ z.object({
  /** Local date and time, `YYYY-MM-DDTHH:mm`, in the schedule's time zone. */
  start: z.string(),
  durationMinutes: z.number(),
  /** The start and end as ISO 8601 instants (UTC), for clocks in any zone. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** Which rule gave it (its index in `schedule.rules`); absent for one-off meetings. */
  rule: z.optional(z.number()),
  /** The local date the rule gave it, when an exception moved it. */
  movedFrom: z.optional(z.string()),
  /** True when an exception cancelled it (listed only when asked for). */
  cancelled: z.optional(z.boolean()),
  /** The exception's note: why it moved or was cancelled. */
  note: z.optional(z.string()),
});

/** `GET /v1/groups/{id}/meetings` and `POST /v1/schedules/preview`: the next meetings, soonest first. */
export const upcomingMeetingsSchema = /* @__PURE__ */ z.object({
  timeZone: z.string(),
  meetings: z.array(meetingOccurrenceSchema),
});

export type MeetingOccurrence = z.infer<typeof meetingOccurrenceSchema>;
export type UpcomingMeetings = z.infer<typeof upcomingMeetingsSchema>;
