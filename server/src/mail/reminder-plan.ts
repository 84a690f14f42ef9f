/**
 * When reminders fall due: for each meeting a subscription covers, one
 * reminder per chosen time before it, never after the meeting has begun, and
 * never for a cancelled meeting.
 * @module
 */
import type { Schedule } from 'peer-directory/schema';
import { meetingAt, meetingsOf } from 'peer-directory/schedule';
import type { PlannedReminder, ReminderSubscription } from './reminder-types.js';

/** Meetings looked at for an every-meeting subscription: enough for a week's and an hour's reminders. */
const LOOKAHEAD = 6;

/** The first reminder due strictly after `after`, or undefined when the subscription has none left. */
export function nextReminder(
  sub: Pick<ReminderSubscription, 'meeting' | 'offsets'>,
  schedule: Schedule,
  after: number,
): PlannedReminder | undefined {
  const meetings = sub.meeting
    ? [meetingAt(schedule, sub.meeting)].filter((m) => m !== undefined && !m.cancelled)
    : meetingsOf(schedule, { after, limit: LOOKAHEAD });
  let best: PlannedReminder | undefined;
  for (const m of meetings) {
    const starts = Date.parse(m!.startsAt);
    for (const offset of sub.offsets) {
      const at = starts - offset * 60_000;
      // A reminder whose time has passed is skipped, not sent late; none is sent once the meeting has begun.
      if (at > after && at < starts && (!best || at < best.at)) best = { at, meeting: m!.start, offset };
    }
  }
  return best;
}
