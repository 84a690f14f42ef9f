/**
 * Search cursors: opaque to clients, an offset into the nearest-first list
 * to us. Only cursors this module wrote are accepted back. Shared by the
 * server's index and the SDK's static directory, so a cursor means the same in both.
 * @module
 */

/**
 * How far into a nearest-first list paging may go. A page deeper than this
 * costs the event loop milliseconds (the walk visits every group before it),
 * so the last page reachable ends here and it gets no next cursor.
 */
export const MAX_OFFSET = 10_000;

/**
 * Thrown when a search's `cursor` is not one this API gave out: the client's
 * mistake, answered with 400.
 */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor(message = 'Not a cursor from this search: start again from the first page') {
    super(message);
  }
}

/** The cursor of the page that starts `offset` groups into the list. */
export function encodeCursor(offset: number): string {
  // The digits' base64 never holds `+`, `/` or, once trimmed, `=`: it is base64url as it is.
  return btoa(String(offset)).replace(/=+$/, '');
}

/**
 * The offset a cursor stands for.
 * @throws InvalidCursorError unless `cursor` is exactly what {@link encodeCursor} writes for an offset up to {@link MAX_OFFSET}
 */
export function decodeCursor(cursor: string): number {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw new InvalidCursorError();
  }
  // Re-encoding proves the cursor was ours (base64 has more than one spelling of some bytes).
  if (!/^(0|[1-9]\d{0,5})$/.test(text) || encodeCursor(Number(text)) !== cursor) throw new InvalidCursorError();
  const offset = Number(text);
  if (offset > MAX_OFFSET) throw new InvalidCursorError();
  return offset;
}
