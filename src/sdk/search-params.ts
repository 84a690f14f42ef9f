import type { SearchQuery } from '../schema/index.js';

/**
 * Writes a search as `GET /v1/groups` query parameters: lists comma-joined,
 * as the server's schema reads them; absent and empty values left out.
 */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : typeof value === 'number' ? plainDecimal.format(value) : String(value));
  }
  return params;
}

// The API reads numbers only as plain decimals; String(1e-7) would be "1e-7".
const plainDecimal = /* @__PURE__ */ new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
