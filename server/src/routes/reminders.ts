/**
 * "Remind me about this meeting". A person asks with their address and the
 * reminders they want; a confirmation email (double opt-in) carries a link,
 * and nothing is planned until it is followed. Every reminder email has
 * one-click unsubscribe (RFC 8058). Links from emails open a small page whose
 * button POSTs, so a mail scanner fetching the link changes nothing; a
 * program asking for JSON gets JSON.
 * @module
 */
import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import {
  identifier,
  REMINDER_MINUTES,
  reminderLinkResultSchema,
  reminderReceiptSchema,
  reminderRequestSchema,
  type ReminderLinkResult,
} from 'peer-directory/schema';
import { meetingAt, meetingsOf } from 'peer-directory/schedule';
import type { MailService } from '../mail/index.js';
import { catalogue, type PageText } from '../messages/index.js';
import type { Store } from '../store/store.js';
import { HttpProblem, notFoundProblem, validationProblem } from '../errors.js';
import { HTML_PAGE } from './openapi-answers.js';

/** Requests for reminders in a day from one address, and for one group: beyond these, 429. */
export const REMINDERS_PER_ADDRESS_PER_DAY = 5;
export const REMINDERS_PER_GROUP_PER_DAY = 200;

/** What the reminder routes need. */
export interface ReminderRoutesOptions {
  store: Store;
  /** Absent when the server sends no email: every route answers 503. */
  mail: MailService | undefined;
  /** Requests per client address per hour. */
  rateLimit: number;
  /** Requests a day per address and per group. */
  limits?: { perAddress: number; perGroup: number };
}

const tokenQuery = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a link this directory sent')),
  lang: z.optional(z.string().check(z.maxLength(12))),
});
const linkResponses = { 200: reminderLinkResultSchema };
const EMAIL_OFF = 'This server sends no email (no SMTP_URL; `Retry-After: 86400`), or it is shutting down.';

/** The hash the per-address limit counts by: the address itself is not kept for it. */
export function addressHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

const wantsJson = (request: FastifyRequest) => /application\/json/.test(request.headers.accept ?? '');

/** A page for a person who followed a link, in their language; never echoing anything they sent. */
function page(reply: FastifyReply, language: string, text: PageText, action?: string): FastifyReply {
  const html = [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)}</title></head><body>`,
    `<h1>${escapeHtml(text.title)}</h1>`,
    ...text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    text.button && action
      ? `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(text.button)}</button></form>`
      : '',
    '</body></html>',
  ].join('\n');
  return reply
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}

export const reminderRoutes: FastifyPluginAsyncZod<ReminderRoutesOptions> = async (
  app,
  { store, mail, rateLimit, limits = { perAddress: REMINDERS_PER_ADDRESS_PER_DAY, perGroup: REMINDERS_PER_GROUP_PER_DAY } },
) => {
  // RFC 8058: a mail client unsubscribes by POSTing "List-Unsubscribe=One-Click" as a form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const emailOff = () =>
    new HttpProblem(503, 'unavailable', 'This directory sends no email, so it cannot send reminders.', undefined, {
      'retry-after': '86400',
    });

  app.post(
    '/v1/groups/:id/reminders',
    {
      schema: {
        operationId: 'reminders.request',
        answers: {
          404: 'There is no published group with this id.',
          409: 'The group has no meetings to come.',
          429: 'Too many requests from this address this hour, or for this email address or this group today: wait `Retry-After` seconds.',
          503: EMAIL_OFF,
        },
        tags: ['reminders'],
        summary: 'Ask for email reminders about a group’s meetings',
        description:
          'Sends a confirmation email with a link; nothing is planned until it is followed. `meeting` (a local start from ' +
          '`GET /v1/groups/{id}/meetings`) for one meeting, absent for every meeting until the person stops. ' +
          `The answer is the same whether or not the address had asked before. Limits: ${rateLimit} per client address an hour, ` +
          `${limits.perAddress} per address and ${limits.perGroup} per group a day (429). 503 when the server sends no email.`,
        params: z.object({ id: identifier }),
        body: reminderRequestSchema,
        response: { 202: reminderReceiptSchema },
      },
      config: { rateLimit: { max: rateLimit, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      if (!mail) throw emailOff();
      reply.header('cache-control', 'no-store');
      const group = await store.getGroup(request.params.id);
      if (!group) throw notFoundProblem('There is no published group with this id. It may have been archived.');
      const { email, reminders, meeting, language = 'en' } = request.body;
      if (meeting !== undefined) {
        const m = meetingAt(group.schedule, meeting);
        if (!m || m.cancelled || Date.parse(m.startsAt) <= Date.now()) {
          throw validationProblem([{ pointer: '#/meeting', detail: 'Choose one of the group’s meetings still to come' }]);
        }
      } else if (meetingsOf(group.schedule, { limit: 1 }).length === 0) {
        throw new HttpProblem(409, 'conflict', 'This group has no meetings to come to remind you of.');
      }
      const hash = addressHash(email);
      const recent = await store.recentReminderRequests(hash, group.id);
      if (recent.byEmail >= limits.perAddress || recent.byGroup >= limits.perGroup) {
        throw new HttpProblem(429, 'rateLimited', 'Too many reminder requests today. Try again tomorrow.', undefined, {
          'retry-after': '86400',
        });
      }
      const offsets = [...new Set(reminders)].map((r) => REMINDER_MINUTES[r]).sort((a, b) => b - a);
      await store.requestReminders({ groupId: group.id, email, language, ...(meeting ? { meeting } : {}), offsets }, hash, (sub) =>
        mail.reminders.confirmation(sub, group),
      );
      mail.worker.wake();
      return reply.code(202).send({ status: 'confirmation-sent' as const });
    },
  );

  const link = (
    action: 'confirm' | 'unsubscribe',
    summary: string,
    description: string,
    handle: (token: string) => Promise<ReminderLinkResult['status']>,
  ) => {
    const done = {
      confirmed: (c: ReturnType<typeof catalogue>) => c.confirmedPage,
      ended: (c: ReturnType<typeof catalogue>) => c.linkExpiredPage,
      unsubscribed: (c: ReturnType<typeof catalogue>) => c.unsubscribedPage,
      unknown: (c: ReturnType<typeof catalogue>) => c.linkExpiredPage,
    };
    app.get(
      `/v1/reminders/${action}`,
      {
        schema: {
          operationId: `reminders.${action}Page`,
          tags: ['reminders'],
          summary: `${summary}: the page the email’s link opens`,
          description: 'A page (`text/html`) with one button that POSTs; following the link changes nothing.',
          querystring: tokenQuery,
          media: { 200: HTML_PAGE },
        },
      },
      async (request, reply) => {
        const c = catalogue(request.query.lang);
        return page(reply, c.language, action === 'confirm' ? c.confirmPage : c.unsubscribePage, request.url);
      },
    );
    app.post(
      `/v1/reminders/${action}`,
      {
        schema: {
          operationId: `reminders.${action}`,
          tags: ['reminders'],
          summary,
          description: `${description} JSON with \`Accept: application/json\`, else a page (\`text/html\`).`,
          querystring: tokenQuery,
          response: linkResponses,
          answers: { 415: 'The body is neither JSON nor a form (`List-Unsubscribe=One-Click`).', 503: EMAIL_OFF },
          media: { 200: HTML_PAGE },
        },
      },
      async (request, reply) => {
        if (!mail) throw emailOff();
        const status = await handle(request.query.token);
        if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ status });
        const c = catalogue(request.query.lang);
        return page(reply, c.language, done[status](c));
      },
    );
  };

  link(
    'confirm',
    'Confirm reminders (the double opt-in)',
    'Plans the first reminder. `ended` when no reminder is left to send (the address is then deleted); `unknown` for a link that no longer works.',
    async (token) => {
      const result = await store.confirmReminders(token, (sub, group) => mail!.reminders.plan(sub, group));
      return result === undefined ? 'unknown' : result.planned ? 'confirmed' : 'ended';
    },
  );
  link(
    'unsubscribe',
    'Stop reminders and delete the address (RFC 8058 one-click)',
    'The List-Unsubscribe address of every reminder email: a POST (body `List-Unsubscribe=One-Click`, or none) deletes the subscription and its unsent emails.',
    async (token) => ((await store.unsubscribe(token)) ? 'unsubscribed' : 'unknown'),
  );
};
