/**
 * Lays an email out as plain text and HTML from what it says (a catalogue's
 * `MailText`): greeting, paragraphs, one link, sign-off, and a footer saying
 * why the person got it, with an unsubscribe link where there is one. People's
 * words (a group's name, a moderator's reason) are escaped, never markup.
 * @module
 */
import { randomUUID } from 'node:crypto';
import escapeHtml from 'escape-html';
import type { Catalogue, MailText } from '../messages/index.js';
import type { MailKind, OutgoingMail } from './outgoing.js';

/** Where links in emails point, and who emails come from. */
export interface MailSettings {
  /** The From address (MAIL_FROM), e.g. `Peer Directory <directory@example.org>`. */
  from: string;
  /** The API's public base URL (PUBLIC_URL), for confirm and unsubscribe links. */
  publicUrl: string;
  /** The page people see a group on. */
  groupUrl(groupId: string): string;
}

/** One email's parts before layout. */
export interface MailParts {
  kind: MailKind;
  to: string;
  /** Absent for people whose name we do not know (reminders). */
  name?: string;
  text: MailText;
  why: string;
  /** A one-click unsubscribe address (RFC 8058): also linked in the footer. */
  unsubscribeUrl?: string;
  subscriptionId?: string;
}

/** The domain of the From address, for Message-IDs. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** Renders one email in `c`'s language. */
export function composeMail(settings: MailSettings, c: Catalogue, parts: MailParts): OutgoingMail {
  const { text, why, unsubscribeUrl } = parts;
  const greeting = parts.name ? c.greeting(parts.name) : undefined;
  const plain = [
    greeting,
    ...text.paragraphs,
    text.action ? `${text.action.label}: ${text.action.url}` : undefined,
    c.signOff,
    ['--', why, unsubscribeUrl ? `${c.unsubscribeLink}: ${unsubscribeUrl}` : undefined].filter(Boolean).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const a = (label: string, url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${c.language}"><head><meta charset="utf-8"><title>${escapeHtml(text.subject)}</title></head><body>`,
    greeting ? p(greeting) : '',
    ...text.paragraphs.map(p),
    text.action ? `<p>${a(text.action.label, text.action.url)}</p>` : '',
    p(c.signOff),
    `<hr><p><small>${escapeHtml(why)}${unsubscribeUrl ? ` ${a(c.unsubscribeLink, unsubscribeUrl)}` : ''}</small></p>`,
    '</body></html>',
  ].join('\n');
  return {
    kind: parts.kind,
    messageId: `<${randomUUID()}@${senderDomain(settings.from)}>`,
    to: parts.to,
    subject: text.subject,
    text: plain,
    html,
    ...(unsubscribeUrl
      ? { headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
      : {}),
    ...(parts.subscriptionId ? { subscriptionId: parts.subscriptionId } : {}),
  };
}
