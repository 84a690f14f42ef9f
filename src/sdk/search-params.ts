import type { SearchQuery } from '../schema/index.js';

/**
 * Writes a search as `GET /v1/groups` query parameters: lists comma-joined,
 * as the server's schema reads them; absent and empty values left out.
 */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}
