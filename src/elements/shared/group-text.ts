import { msg, str } from '@lit/localize';
import type { Group, GroupSummary } from '../../schema/index.js';
import { audienceLabel } from './terms.js';
import { formatList } from './intl.js';

/**
 * Short descriptions of a group that the card and the details view both
 * show. The group's own words pass through untouched (rendered as text).
 * @module
 */

/** Where a group meets, in a few words: its venue and town, or who it serves when it meets remotely. */
export function whereText(g: GroupSummary): string {
  if (g.location) return [g.location.venue, g.location.town].filter(Boolean).join(', ');
  if (g.servesEverywhere) return msg('Open to people anywhere');
  return g.serviceArea ? msg(str`For people in ${g.serviceArea}`) : msg('Online or by telephone');
}

/** Who the group is for: `Adults and families`. */
export function audiencesText(g: GroupSummary, locale: string): string {
  return formatList(g.audiences.map(audienceLabel), locale);
}

/** The directions link for a group's venue: a maps search for its coordinates, opened by any maps app. */
export function directionsHref(g: Group): string | undefined {
  const l = g.location;
  return l && `https://www.google.com/maps/dir/?api=1&destination=${l.lat}%2C${l.lng}`;
}
