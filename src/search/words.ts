/**
 * Words as searches compare them (`q`): the server's index and the SDK's
 * static directory fold text the same way.
 * @module
 */

/** Text as searches compare it: lower case, accents dropped (`Môn` is `mon`). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII: skip the costly normalisation for it.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

// eslint-disable-next-line no-control-regex -- every ASCII character, controls included
const ASCII = /^[\x00-\x7f]*$/;

/** The words of a text, folded: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
