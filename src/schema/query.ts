import { z } from 'zod/mini';
import { identifier } from './text.js';

// Digits with an optional sign and decimal part, and nothing else. JavaScript's
// Number() (and so z.coerce.number) reads '' as 0, ' 5 ' as 5 and '0x10' as
// 16: a search for `lat=&lng=` would quietly start at (0, 0).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const WHOLE = /^[+-]?\d+$/;

/**
 * A number in a query string: written as a plain decimal (a whole number when
 * `integer`), from `min` to `max`. Numbers are accepted as such too, so the
 * SDK and elements type their options as numbers.
 */
export function queryNumber(min: number, max: number, integer = false) {
  const written = integer
    ? z.string().check(z.regex(WHOLE, 'Enter a whole number, like 10'))
    : z.string().check(z.regex(DECIMAL, 'Enter a number, like 53.48'));
  const value = integer ? z.int() : z.number();
  return z.pipe(
    z.union([z.number(), written]),
    z.pipe(
      z.transform((v: number | string) => Number(v)),
      value.check(z.gte(min), z.lte(max)),
    ),
  );
}

/** The `{ id }` path parameter of every route about one group or registration. */
export const idParamsSchema = /* @__PURE__ */ z.object({ id: identifier });
