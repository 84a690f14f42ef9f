/** Reminder subscriptions as the store keeps them and the planner reads them. */

/** A confirmed or pending "remind me" subscription. Private: never in a public answer. */
export interface ReminderSubscription {
  id: string;
  groupId: string;
  email: string;
  language: string;
  /** The one meeting's local start, or undefined for every meeting until the person stops. */
  meeting?: string;
  /** Minutes before a meeting, largest first. */
  offsets: number[];
  token: string;
  confirmed: boolean;
  /** The next reminder, once planned. */
  next?: PlannedReminder;
}

/** One reminder to send: when, about which meeting (local start), how long before it. */
export interface PlannedReminder {
  at: number;
  meeting: string;
  offset: number;
}

/** A new subscription, before confirmation. */
export interface NewReminderSubscription {
  groupId: string;
  email: string;
  language: string;
  meeting?: string;
  offsets: number[];
}
