import type { ReminderLinkResult, ReminderReceipt, ReminderRequest } from '../schema/index.js';
import type { RequestOptions, Send } from './transport.js';

/** "Remind me about this meeting": `client.reminders`. */
export interface RemindersResource {
  /**
   * Asks for email reminders about a group's meetings (one, or every one
   * until the person stops). The directory emails a confirmation link;
   * nothing is planned until it is followed. A `RateLimitError` beyond the
   * limits; a `ServerError` (503) when the directory sends no email, which
   * `taxonomy().features.email` says beforehand.
   */
  request(groupId: string, request: ReminderRequest, options?: RequestOptions): Promise<ReminderReceipt>;
  /** Follows a confirmation link's token: `confirmed`, `ended` (nothing left to send) or `unknown`. */
  confirm(token: string, options?: RequestOptions): Promise<ReminderLinkResult>;
  /** Follows an unsubscribe link's token: the subscription and its address are deleted. */
  unsubscribe(token: string, options?: RequestOptions): Promise<ReminderLinkResult>;
}

export function remindersResource(send: Send): RemindersResource {
  const follow = (action: 'confirm' | 'unsubscribe') => (token: string, options?: RequestOptions) =>
    send(`v1/reminders/${action}`, 'reminderLinkResult', { method: 'post', searchParams: { token }, signal: options?.signal });
  return {
    request: (groupId, request, options) =>
      send(`v1/groups/${encodeURIComponent(groupId)}/reminders`, 'reminderReceipt', {
        method: 'post',
        json: request,
        signal: options?.signal,
      }),
    confirm: follow('confirm'),
    unsubscribe: follow('unsubscribe'),
  };
}
