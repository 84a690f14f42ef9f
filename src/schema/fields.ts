import * as z from 'zod/mini';

/** A string field. Both strictnesses declare this type, so they infer the same shapes. */
export type StringField = z.ZodMiniType<string, string>;
/** A number field. */
export type NumberField = z.ZodMiniType<number, number>;

/** What the strict schedule checks read of a schedule (its full type is inferred from the shape). */
export interface ScheduleParts {
  timeZone: string;
  rules: {
    frequency: string;
    weekday: string;
    weekOfMonth?: number | undefined;
    start: string;
    count?: number | undefined;
    until?: string | undefined;
  }[];
  exceptions: { date: string; start?: string | undefined }[];
  meetings: { start: string }[];
}

/**
 * How a schema checks its fields. A shape that is both submitted and
 * returned (a group) is written once, as a function of `Fields`, and built
 * twice: with `strictFields` (strict-fields.ts) for what people submit and
 * the server stores, every content check and message; with
 * `shapeOnlyFields` for what the API returns, types and codes only. The
 * server checked the content on the way in, so checking it again in a
 * browser buys nothing, and the email, URL and date parsers, patterns and
 * refinements would add about 2 KB gzip to every page that reads groups.
 * The two live in different modules so such a page never imports the checks.
 */
export interface Fields {
  /** Plain text, at most `max` characters; `required` is the message for an empty text. */
  text(max: number, required?: string): StringField;
  /** Plain text that may be absent. */
  optionalText(max: number): z.ZodMiniOptional<StringField>;
  email(): StringField;
  webAddress(): StringField;
  phone(): StringField;
  identifier(): StringField;
  /** A local date and time, `YYYY-MM-DDTHH:mm`, that is on the calendar (no 2027-13-45T25:61). */
  localDateTime(): StringField;
  /** An IANA time zone the platform knows, e.g. `Europe/London`. */
  timeZone(): StringField;
  /** Text matching `pattern`; `message` when it does not. */
  matching(pattern: RegExp, message: string): StringField;
  /** A number from `min` to `max`, a whole one when `integer`. */
  number(min: number, max: number, integer?: boolean): NumberField;
  /** A list of `item`s: at least one when `required` (its message), at most `max`. */
  list<T extends z.ZodMiniType>(item: T, required?: string, max?: number): z.ZodMiniArray<T>;
  /** A local date and time, `YYYY-MM-DDTHH:mm`, that is on the calendar. */
  localDateTime(): StringField;
  /** A local date, `YYYY-MM-DD`, that is on the calendar. */
  localDate(): StringField;
  /** An IANA time zone the runtime knows, e.g. `Europe/London`. */
  timeZone(): StringField;
  /** Checks across a schedule's parts: each rule's first date falls on it, and so on. */
  scheduleChecks(): z.core.$ZodCheck<ScheduleParts>[];
}

const string = () => z.string();

/** Types and codes only: for what the API returns. */
export const shapeOnlyFields: Fields = {
  text: string,
  optionalText: () => z.optional(z.string()),
  email: string,
  webAddress: string,
  phone: string,
  identifier: string,
  matching: string,
  number: () => z.number(),
  list: (item) => z.array(item),
  localDateTime: string,
  localDate: string,
  timeZone: string,
  scheduleChecks: () => [],
};
