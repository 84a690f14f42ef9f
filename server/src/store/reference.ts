import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a reference read aloud over the
// phone or copied by hand cannot be mistaken for another.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What every registration reference looks like, e.g. `PD-7K3M-9QX2`. */
export const REFERENCE_PATTERN = /^PD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A new registration reference people can quote: `PD-` and 8 Crockford base32
 * characters from the system's secure random source (40 bits, so a clash is
 * rare; the store's unique index catches one and asks for another).
 */
export function newReference(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 8; i++) {
    chars = CROCKFORD[Number(bits & 31n)]! + chars;
    bits >>= 5n;
  }
  return `PD-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
