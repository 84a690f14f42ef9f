/**
 * The HSDS 3.0 objects this directory publishes, as TypeScript types: the
 * subset of the Open Referral schemas (`../shared/standards/hsds-3.0/schema`)
 * the feed fills in. The standard's JSON Schemas, not these types, are what
 * responses are checked against (test/node/openreferral-feed.test.ts).
 * @module
 */

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  /** The UK profile's name for the term itself. */
  term: string;
  taxonomy: string;
  taxonomy_id: string;
  /** Set by the importer from other directories' terms; never sent by this feed (the UK profile drops it). */
  code?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
  /** The answer to a question (HSDS `value`). */
  value?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  bymonthday?: string;
  until?: string;
  count?: number;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
  attending_type?: string;
}

export interface HsdsCostOption {
  id: string;
  service_id?: string;
  option?: string;
  amount?: number;
  amount_description?: string;
}

export interface HsdsLanguage {
  id: string;
  service_id?: string;
  name?: string;
  code?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id?: string;
  name?: string;
  description?: string;
  /** The UK profile's free-text area. */
  service_area?: string;
}

export interface HsdsPhone {
  id: string;
  number: string;
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  address_1: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  location?: HsdsLocation;
  service?: HsdsService;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  website?: string;
  services?: HsdsService[];
}

/** A service: one group. List answers carry only its one-to-one fields and its organisation. */
export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  url?: string;
  email?: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  fees?: string;
  accreditations?: string;
  last_modified?: string;
  organization?: HsdsOrganization;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  service_at_locations?: HsdsServiceAtLocation[];
  languages?: HsdsLanguage[];
  cost_options?: HsdsCostOption[];
  attributes?: HsdsAttribute[];
}

/** The paging envelope of every list answer (HSDS openapi.json `Page`). */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
