import * as z from 'zod/mini';
import { groupSchema } from './group.js';
import { geocodeResultSchema } from './geocode.js';
import { taxonomyResponseSchema } from './taxonomy-response.js';

/** What a static directory file says it is, so a reader can refuse anything else. */
export const STATIC_DIRECTORY_FORMAT = 'peer-directory-static';

/**
 * A whole published directory in one JSON file (`peer-directory-server
 * export --format static`), for a site with no server: every part is in
 * the shape the API answers with, so a reader in the browser searches it as
 * the server does. Groups with a `location` that do not serve everywhere
 * are found by distance (index their `lng`/`lat` with kdbush and search
 * nearest first with geokdbush); groups that serve everywhere are listed
 * apart, as in `SearchResult.everywhere`. `places` answers geocoding for
 * the postcodes and towns the file mentions and for UK postcode areas and
 * districts, each with its precision, as `GET /v1/geocode` would.
 */
export const staticDirectorySchema = /* @__PURE__ */ z.object({
  format: z.literal(STATIC_DIRECTORY_FORMAT),
  /** Changes only when a reader of an older version could not read the file. */
  version: z.literal(1),
  /** When the file was written (ISO 8601). */
  generatedAt: z.string(),
  /** Every published group, in name order: what `GET /v1/groups/{id}` answers for each. */
  groups: z.array(groupSchema),
  /** What `GET /v1/taxonomy` answers. */
  taxonomy: taxonomyResponseSchema,
  /** Places a search may start from, labelled as the geocoder labels them: the groups' postcodes and towns, every GB postcode district and every UK postcode area (`LS1 4DY`, `Leeds`, `LS1`, `LS`). */
  places: z.array(geocodeResultSchema),
  /**
   * Place names people type whose answer is labelled otherwise, lower case,
   * each to the `label` of its place (`new york` → `New York City, NY`): a
   * search for a group's town starts where the API's would.
   */
  names: z.optional(z.record(z.string(), z.string())),
});

export type StaticDirectory = z.infer<typeof staticDirectorySchema>;
