/**
 * "Remind me about this meeting": the confirmation email (double opt-in),
 * the reminders, and the notice that a meeting is cancelled. Every one has
 * a one-click unsubscribe (RFC 8058) and a link to stop in its footer, and
 * goes to the one address that asked.
 * @module
 */
import type { Group, MeetingOccurrence } from 'peer-directory/schema';
import { meetingAt, meetingsOf, newlyCancelled } from 'peer-directory/schedule';
import { catalogue, localeFor, type Catalogue } from '../messages/index.js';
import type { GroupChangeNotice, ReminderStep } from '../store/store.js';
import { composeMail, type MailSettings } from './compose.js';
import type { OutgoingMail } from './outgoing.js';
import { nextReminder } from './reminder-plan.js';
import type { PlannedReminder, ReminderSubscription } from './reminder-types.js';

/** The reminder emails and the plans the store runs them by. */
export interface ReminderMail {
  confirmation(sub: ReminderSubscription, group: Group): OutgoingMail;
  /** The first reminder of a newly confirmed subscription. */
  plan(sub: ReminderSubscription, group: Group | undefined): PlannedReminder | undefined;
  /** A due reminder: its email (none when the meeting is gone) and the next. */
  step: ReminderStep;
  /** Whom to tell when a change cancels meetings. */
  cancellations: GroupChangeNotice;
}

/** A meeting's date and time in words, on the group's clock. */
export function meetingWhen(m: Pick<MeetingOccurrence, 'startsAt'>, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(Date.parse(m.startsAt));
}

function whereText(group: Group): string {
  const l = group.location;
  return l
    ? [l.venue, l.address, l.town, l.postcode].filter(Boolean).join(', ')
    : group.formats.includes('online')
      ? 'Online'
      : 'By telephone';
}

export function reminderMail(settings: MailSettings, now: () => number = Date.now): ReminderMail {
  const link = (action: 'confirm' | 'unsubscribe', sub: ReminderSubscription) =>
    new URL(`v1/reminders/${action}?token=${encodeURIComponent(sub.token)}&lang=${sub.language}`, settings.publicUrl.replace(/\/?$/, '/'))
      .href;
  const compose = (
    sub: ReminderSubscription,
    group: Group,
    kind: OutgoingMail['kind'],
    text: (c: Catalogue) => ReturnType<Catalogue['reminder']>,
  ) => {
    const c = catalogue(sub.language);
    return composeMail(settings, c, {
      kind,
      to: sub.email,
      text: text(c),
      why: c.whyReminder(group.name),
      unsubscribeUrl: link('unsubscribe', sub),
      subscriptionId: sub.id,
    });
  };
  const when = (m: Pick<MeetingOccurrence, 'startsAt'>, group: Group, sub: ReminderSubscription) =>
    meetingWhen(m, group.schedule.timeZone, localeFor(sub.language, group));

  return {
    confirmation(sub, group) {
      return compose(sub, group, 'reminder-confirm', (c) => {
        const m = sub.meeting ? meetingAt(group.schedule, sub.meeting) : undefined;
        const what = m ? c.oneMeeting(when(m, group, sub)) : c.everyMeeting;
        return c.confirmReminders({ group: group.name, what, url: link('confirm', sub) });
      });
    },
    plan: (sub, group) => (group ? nextReminder(sub, group.schedule, now()) : undefined),
    step(sub, group) {
      if (!group || !sub.next) return {};
      const due = sub.next;
      const after = Math.max(due.at, now());
      const next = nextReminder(sub, group.schedule, after);
      const m = meetingAt(group.schedule, due.meeting);
      // The meeting was cancelled, moved or has begun since this reminder was planned: skip it.
      if (!m || m.cancelled || Date.parse(m.startsAt) <= now()) return next ? { next } : {};
      const mail = compose(sub, group, 'reminder', (c) =>
        c.reminder({ group: group.name, when: when(m, group, sub), where: whereText(group), url: settings.groupUrl(group.id) }),
      );
      return next ? { mail, next } : { mail };
    },
    cancellations({ before, after, subscriptions }) {
      const dates = new Set(newlyCancelled(before?.schedule, after.schedule));
      if (dates.size === 0) return { mail: [], end: [] };
      // The cancelled meetings as the schedule gave them before the change, still to come.
      const cancelled = before
        ? meetingsOf(before.schedule, { after: now(), limit: 60 }).filter((m) => dates.has(m.start.slice(0, 10)))
        : [];
      const mail: OutgoingMail[] = [];
      const end: string[] = [];
      for (const sub of subscriptions) {
        const theirs = sub.meeting ? cancelled.filter((m) => m.start === sub.meeting) : cancelled;
        for (const m of theirs) {
          const note = after.schedule.exceptions.find((x) => x.date === m.start.slice(0, 10))?.note;
          mail.push(
            compose(sub, after, 'meeting-cancelled', (c) =>
              c.meetingCancelled({
                group: after.name,
                when: when(m, after, sub),
                ...(note ? { note } : {}),
                url: settings.groupUrl(after.id),
              }),
            ),
          );
        }
        if (sub.meeting && theirs.length > 0) end.push(sub.id);
      }
      return { mail, end };
    },
  };
}
