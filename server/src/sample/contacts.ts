import type { PublicContact } from 'peer-directory/schema';
import type { Random } from './prng.js';
import type { SamplePlace } from './places.js';

/** The domains reserved for examples (RFC 2606): no mail to them reaches anyone. */
export const EXAMPLE_EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const;

/**
 * A telephone number nobody owns: in the UK from Ofcom's ranges for drama
 * (the place's own range, or 07700 900xxx for a mobile); in the US 555-0100
 * to 555-0199, the only 555 numbers set aside for fiction.
 */
export function fictionalPhone(place: SamplePlace, random: Random): string {
  if (place.country === 'US') return `(${place.phone}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;
  const prefix = random.chance(0.2) ? '07700 900 ' : place.phone;
  return `${prefix}${String(random.int(0, 999)).padStart(3, '0')}`;
}

/**
 * How to reach a group: an email at an example domain, and sometimes a
 * phone number and a website at `*.example.org`. Telephone groups always
 * give a number.
 * @param handle a short name for the group, used in its email address and website
 */
export function fictionalContact(place: SamplePlace, handle: string, phoneFirst: boolean, random: Random): PublicContact {
  const contact: PublicContact = {};
  if (!phoneFirst || random.chance(0.5)) contact.email = `${handle}@${random.pick(EXAMPLE_EMAIL_DOMAINS)}`;
  if (phoneFirst || random.chance(0.45)) contact.phone = fictionalPhone(place, random);
  if (random.chance(0.35)) contact.website = `https://${handle.replace(/\./g, '-')}.example.org`;
  return contact;
}
