/**
 * Leaders give a venue's postcode, not its coordinates: the server finds
 * them, so the group can be placed in searches.
 * @module
 */
import { z } from 'zod/mini';
import { groupInputSchema, storedGroupSchema, type Group } from 'peer-directory/schema';
import { validationProblem } from '../errors.js';
import { GeocoderUnavailableError, type Geocoder } from '../geocode/geocoder.js';
import { findPlace } from './places.js';

/** A group as leaders and staff send it (coordinates optional). */
export type GroupDetails = z.output<typeof groupInputSchema>;

/**
 * Fills in a location's coordinates from its postcode when they are missing.
 * @param pointer where the postcode is in the request, for the problem's `errors`
 * @param options.allowUnavailable when the online geocoder is down, keep the
 *   group without coordinates (a registration can wait for them) instead of answering 503
 */
export async function locateGroup(
  geocoder: Geocoder,
  group: GroupDetails,
  pointer: string,
  options: { allowUnavailable?: boolean } = {},
): Promise<GroupDetails> {
  const location = group.location;
  if (!location || (location.lat !== undefined && location.lng !== undefined)) return group;
  if (!location.postcode) {
    throw validationProblem([{ pointer, detail: 'Enter the postcode of the place the group meets' }]);
  }
  try {
    const place = await findPlace(geocoder, location.postcode, pointer);
    return { ...group, location: { ...location, lat: place.lat, lng: place.lng } };
  } catch (error) {
    if (options.allowUnavailable && error instanceof GeocoderUnavailableError) return group;
    throw error;
  }
}

/**
 * The published form of a group: its id, the time of this change, and
 * coordinates found if still missing. Parsing keeps only public fields.
 */
export async function toPublishedGroup(geocoder: Geocoder, details: GroupDetails, id: string, pointer: string): Promise<Group> {
  const located = await locateGroup(geocoder, details, pointer);
  return z.parse(storedGroupSchema, { ...located, id, updatedAt: new Date().toISOString() });
}
