import * as z from 'zod/mini';

// C0 controls other than tab and newlines have no place in a form answer.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Refuses text no database can store: a NUL, or ill-formed UTF-16 (a lone
 * surrogate, which JSON can carry as `"\ud800"`). PostgreSQL refuses both
 * (22P05, 22P02), so without this check such text would pass validation and
 * fail in the store. Applied to every string field people submit; the
 * problem names the field, this says what is wrong with it.
 */
// With the u flag a surrogate pair is one code point, so \p{Cs} matches only a lone half.
const UNSTORABLE = /[\0\p{Cs}]/u;

export const storableText = /* @__PURE__ */ z.refine<string>(
  (s) => !UNSTORABLE.test(s),
  'Must not contain a NUL character or a broken character (a lone surrogate)',
);

/**
 * Plain user text: trimmed and bounded. Text is accepted as typed (people
 * write "<3" and "a < b") and every consumer renders it as text, never as
 * markup; that, not filtering, is what keeps it safe.
 * @param max the longest accepted text, in characters
 * @param required whether an empty text is an error (message shown to people)
 */
export function plainText(max: number, required?: string) {
  const checks = [
    z.maxLength(max, `Must be ${max} characters or fewer`),
    storableText,
    z.refine<string>((s) => !CONTROL.test(s), 'Must not contain control characters'),
  ];
  if (required) checks.unshift(z.minLength(1, required));
  return z.string().check(z.trim(), ...checks);
}

/** An optional plain text: absent and empty are the same. */
export function optionalText(max: number) {
  return z.optional(plainText(max));
}

/** A web address people can follow: http(s) only. */
export const webAddress = /* @__PURE__ */ z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' })
  .check(storableText);

/** An email address. */
export const emailAddress = /* @__PURE__ */ z.email({ error: 'Enter an email address in the correct format, like name@example.org' });

/** A telephone number as people write it. */
export const phoneNumber = /* @__PURE__ */ z
  .string()
  .check(z.trim(), z.regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a telephone number, like 01632 960 001 or +1 555 0100'));

/** An identifier as it appears in URLs. */
export const identifier = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid identifier'));
