import { z } from 'zod/mini';
import type { Fields } from './fields.js';
import { isTimeZone, LOCAL_MINUTE } from './meeting-time.js';
import { emailAddress, identifier, optionalText, phoneNumber, plainText, webAddress } from './text.js';

const REAL_DATE_TIME = 'Enter a real date and time, like 2027-03-14T18:30';

/** Every content check and message: for what people submit and the server stores (see `Fields`). */
export const strictFields: Fields = {
  text: plainText,
  optionalText,
  email: () => emailAddress,
  webAddress: () => webAddress,
  phone: () => phoneNumber,
  identifier: () => identifier,
  // zod's ISO parser knows the calendar: months 01-12, each month's days, leap
  // years, hours 00-23. It also takes a trailing Z, which a wall-clock time must not have.
  localDateTime: () =>
    z.iso
      .datetime({ local: true, precision: -1, error: REAL_DATE_TIME })
      .check(z.regex(LOCAL_MINUTE, REAL_DATE_TIME)),
  timeZone: () =>
    z.string().check(z.refine(isTimeZone, 'Not a time zone this directory knows, like Europe/London')),
  matching: (pattern, message) => z.string().check(z.regex(pattern, message)),
  number: (min, max, integer) =>
    integer ? z.int().check(z.gte(min), z.lte(max)) : z.number().check(z.gte(min), z.lte(max)),
  list: (item, required, max) => {
    const checks = [];
    if (required) checks.push(z.minLength(1, required));
    if (max !== undefined) checks.push(z.maxLength(max));
    return z.array(item).check(...checks);
  },
};
