import type { Catalogue } from './catalogue.js';

const NTH = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' } as const;

/** English. */
export const en: Catalogue = {
  language: 'en',
  schedule: {
    weekly: (day) => `Every ${day}`,
    everyWeeks: (day, n) => (n === 2 ? `Every other ${day}` : `Every ${n} weeks on ${day}`),
    monthly: (day, nth) => `${NTH[nth]} ${day} of the month`,
    everyMonths: (day, nth, n) => `${NTH[nth]} ${day} of every ${n} months`,
    withTimes: (pattern, from, to) => `${pattern}, ${from} to ${to}`,
    count: (sentence, n) => `${sentence}, ${n} meetings in all`,
    until: (sentence, last) => `${sentence}, until ${last}`,
  },
  noMedicalAdvice:
    'Peer supporters share their own experience of diabetes. They do not give medical advice: ' +
    'for questions about your treatment, talk to your own doctor, nurse or care team.',
  greeting: (name) => `Hello ${name},`,
  signOff: 'The directory team',
  whyRegistrant: (group) => `You are getting this email because you asked for ${group} to be listed in the directory.`,
  whyReminder: (group) => `You are getting this email because you asked for reminders about ${group}.`,
  unsubscribeLink: 'Stop these emails',

  received: ({ group, reference }) => ({
    subject: `We have received ${group} (${reference})`,
    paragraphs: [
      `Thank you for registering ${group}. Your reference is ${reference}.`,
      'Someone from the directory team will check the details before the group is published. We will email you when they have.',
    ],
  }),
  published: ({ group, reference, url }) => ({
    subject: `${group} is now in the directory`,
    paragraphs: [`${group} (reference ${reference}) is now published: people can find it when they search.`],
    action: { label: 'See the group', url },
  }),
  notPublished: ({ group, reference, reason }) => ({
    subject: `${group} was not published`,
    paragraphs: [
      `We could not publish ${group} (reference ${reference}). The directory team gave this reason:`,
      reason,
      'You are welcome to register the group again with the details changed.',
    ],
  }),
  updateApplied: ({ group, reference, url }) => ({
    subject: `Your changes to ${group} are published`,
    paragraphs: [`The changes you sent for ${group} (reference ${reference}) are now in the directory.`],
    action: { label: 'See the group', url },
  }),

  confirmReminders: ({ group, what, url }) => ({
    subject: `Confirm your reminders for ${group}`,
    paragraphs: [
      `Someone, we hope you, asked for email reminders about ${what} of ${group}.`,
      'Nothing will be sent until you confirm. If you did not ask, ignore this email and we will delete your address within a week.',
    ],
    action: { label: 'Confirm my reminders', url },
  }),
  everyMeeting: 'every meeting',
  oneMeeting: (when) => `the meeting on ${when}`,
  reminder: ({ group, when, where, url }) => ({
    subject: `Reminder: ${group}, ${when}`,
    paragraphs: [`${group} meets on ${when}.`, where],
    action: { label: 'See the group', url },
  }),
  meetingCancelled: ({ group, when, note, url }) => ({
    subject: `Cancelled: ${group}, ${when}`,
    paragraphs: [`The meeting of ${group} on ${when} is cancelled.`, ...(note ? [note] : [])],
    action: { label: 'See the group', url },
  }),

  confirmPage: {
    title: 'Confirm your reminders',
    paragraphs: ['Press the button to start your reminders.'],
    button: 'Confirm my reminders',
  },
  confirmedPage: {
    title: 'Your reminders are on',
    paragraphs: ['We will email you before the meetings you chose. Every email has a link to stop them.'],
  },
  unsubscribePage: {
    title: 'Stop these emails',
    paragraphs: ['Press the button to stop your reminders and delete your email address.'],
    button: 'Stop my reminders',
  },
  unsubscribedPage: {
    title: 'Your reminders are stopped',
    paragraphs: ['We have deleted your email address. You will get no more reminders.'],
  },
  linkExpiredPage: {
    title: 'This link no longer works',
    paragraphs: ['The reminders it was for have ended or been stopped, and the address was deleted.'],
  },
};
