/**
 * `peer-directory/schedule`: a group's schedule worked out. `meetingsOf`
 * expands its RFC 5545 rules (rrule-temporal, in the group's time zone) into
 * the next meetings; `describeSchedule` puts it in words in any locale from
 * phrases the locale supplies; `recurrenceOf` and `rruleText` give the rules
 * as calendars write them.
 *
 * The expansion brings rrule-temporal and the Temporal polyfill (about 67 KB
 * gzip). The package has no side effects, so a page importing only
 * `describeSchedule` gets the words alone (0.6 KB); pages showing dates can
 * ask the API instead (`client.groups.meetings`).
 * @module
 */
export { meetingsOf, meetingAt, newlyCancelled, ruleOn, type MeetingQuery } from './occurrences.js';
export { describeRule, describeSchedule, weekdayName, clockTime, type SchedulePhrases } from './describe.js';
export { recurrenceOf, rruleText, byDay, zoned } from './rules.js';
