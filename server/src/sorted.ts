/**
 * Binary search over anything sorted, by a test of each position: the
 * server's sorted lists (word dictionaries, place names, service keys, JSON
 * pieces) each ask "does position i still come before what I want?".
 * @module
 */

/**
 * The first position in `0..length` at which `isBefore` no longer holds,
 * given that it holds for every position before some point and for none
 * after it (as `Array.prototype.findIndex` would find it, in log time).
 */
export function partitionPoint(length: number, isBefore: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
