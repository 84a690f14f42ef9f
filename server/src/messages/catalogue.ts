import type { SchedulePhrases } from 'peer-directory/schedule';

import { EMAIL_LANGUAGES, type EmailLanguage } from 'peer-directory/schema';

/** The languages the server writes emails and pages in (the schema's list). */
export const MESSAGE_LANGUAGES = EMAIL_LANGUAGES;
export type MessageLanguage = EmailLanguage;

/** What an email says, before it is laid out as text and HTML: a subject, paragraphs, and perhaps one link. */
export interface MailText {
  subject: string;
  paragraphs: string[];
  /** The one thing to click, shown as a link in both forms. */
  action?: { label: string; url: string };
}

/** A short page the server answers a link from an email with. */
export interface PageText {
  title: string;
  paragraphs: string[];
  /** A button that POSTs the same address: a mail scanner following the link changes nothing. */
  button?: string;
}

/**
 * Everything the server writes for people, in one language. Each entry is a
 * whole phrase with its values in place, so a translator can order words as
 * their language needs. The element catalogue (@lit/localize) is separate:
 * browsers never download these.
 */
export interface Catalogue {
  language: MessageLanguage;
  schedule: SchedulePhrases;
  noMedicalAdvice: string;
  greeting(name: string): string;
  signOff: string;
  /** Why this person got this email. */
  whyRegistrant(group: string): string;
  whyReminder(group: string): string;
  unsubscribeLink: string;

  received(d: { group: string; reference: string }): MailText;
  published(d: { group: string; reference: string; url: string }): MailText;
  notPublished(d: { group: string; reference: string; reason: string }): MailText;
  updateApplied(d: { group: string; reference: string; url: string }): MailText;

  confirmReminders(d: { group: string; what: string; url: string }): MailText;
  /** "every meeting" or "the meeting on Wednesday 7 January, 6:30 pm" */
  everyMeeting: string;
  oneMeeting(when: string): string;
  reminder(d: { group: string; when: string; where: string; url: string }): MailText;
  meetingCancelled(d: { group: string; when: string; note?: string; url: string }): MailText;

  confirmPage: PageText;
  confirmedPage: PageText;
  unsubscribePage: PageText;
  unsubscribedPage: PageText;
  linkExpiredPage: PageText;
}
