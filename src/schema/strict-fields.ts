import * as z from 'zod/mini';
import type { Fields } from './fields.js';
import { localDate, localDateTime, scheduleChecks, timeZone } from './schedule-checks.js';
import { emailAddress, identifier, optionalText, phoneNumber, plainText, webAddress } from './text.js';

/** Every content check and message: for what people submit and the server stores (see `Fields`). */
export const strictFields: Fields = {
  text: plainText,
  optionalText,
  email: () => emailAddress,
  webAddress: () => webAddress,
  phone: () => phoneNumber,
  identifier: () => identifier,
  matching: (pattern, message) => z.string().check(z.regex(pattern, message)),
  number: (min, max, integer) => (integer ? z.int().check(z.gte(min), z.lte(max)) : z.number().check(z.gte(min), z.lte(max))),
  list: (item, required, max) => {
    const checks = [];
    if (required) checks.push(z.minLength(1, required));
    if (max !== undefined) checks.push(z.maxLength(max));
    return z.array(item).check(...checks);
  },
  localDateTime,
  localDate,
  timeZone,
  scheduleChecks,
};
