/**
 * The recurrence vocabulary as plain constants, in a module that imports
 * nothing: pages that only put a schedule in words (the group card) take
 * these without loading zod or any schema.
 * @module
 */

/** RFC 5545 weekday codes (`BYDAY`), Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Which of a month's weekdays a monthly rule means: the first to the fourth, or -1 for the last. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];

/** How often a rule repeats (`FREQ`). */
export const FREQUENCIES = ['weekly', 'monthly'] as const;
