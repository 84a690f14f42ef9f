/**
 * HSDS 3.0 services (a JSON data package: an array of full services, as
 * `export --format hsds` writes and HSDS's `service_package.json`
 * describes; or one page of an API answer) read as groups. Our own
 * taxonomy terms and answer attributes come back exactly; another
 * directory's services keep what HSDS can say, and `--set` fills the rest.
 * @module
 */
import { z } from 'zod/mini';
import { QUESTIONS, type QuestionKey } from 'peer-directory/schema';
import {
  EVERYWHERE_AREA,
  fromHsdsSchedules,
  TAXONOMY_NAMES,
  TIME_ZONE_TERM,
  type FeedTaxonomy,
  type TaxonomyField,
} from '../openreferral/index.js';

import { applyCell, columnNamed, fillGroupDefaults, type Defaults } from './csv-reader.js';
import { setIn, type SourceRecord } from './source-record.js';

const text = z.optional(z.string());
const term = z.looseObject({ id: text, name: text, code: text, taxonomy: text, taxonomy_id: text });
const location = z.looseObject({
  location_type: text,
  name: text,
  latitude: z.optional(z.number()),
  longitude: z.optional(z.number()),
  addresses: z.optional(
    z.array(z.looseObject({ address_1: text, city: text, region: text, state_province: text, postal_code: text, country: text })),
  ),
});
const serviceSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: text,
  description: text,
  url: text,
  email: text,
  fees: text,
  accreditations: text,
  eligibility_description: text,
  organization: z.optional(z.looseObject({ name: text, website: text })),
  phones: z.optional(z.array(z.looseObject({ number: text }))),
  schedules: z.optional(
    z.array(
      z.looseObject({
        dtstart: text,
        valid_from: text,
        valid_to: text,
        opens_at: text,
        closes_at: text,
        description: text,
        notes: text,
        freq: text,
        byday: text,
        until: text,
        interval: z.optional(z.union([z.number(), z.string()])),
        count: z.optional(z.union([z.number(), z.string()])),
      }),
    ),
  ),
  service_areas: z.optional(z.array(z.looseObject({ name: text, service_area: text }))),
  service_at_locations: z.optional(z.array(z.looseObject({ location: z.optional(location) }))),
  languages: z.optional(z.array(z.looseObject({ code: text, name: text }))),
  cost_options: z.optional(z.array(z.looseObject({ option: text, amount: z.optional(z.number()), amount_description: text }))),
  attributes: z.optional(z.array(z.looseObject({ value: text, taxonomy_term_id: text, taxonomy_term: z.optional(term) }))),
});
type HsdsInput = z.infer<typeof serviceSchema>;

/** Which HSDS field people should look at for a place in a group. */
function hsdsFieldAt(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  switch (first) {
    case 'summary':
      return 'description';
    case 'organisation':
      return 'organization';
    case 'location':
      return 'service_at_locations';
    case 'schedule':
      return 'schedules';
    case 'servesEverywhere':
    case 'serviceArea':
      return 'service_areas';
    case 'contact':
      return second === 'website' ? 'url' : second === 'phone' ? 'phones' : 'email';
    case 'answers':
      return second === 'cost' ? 'cost_options' : `attributes (${second})`;
    case 'languages':
      return 'languages';
    case 'name':
    case 'id':
      return first;
    default:
      return `attributes (${first})`;
  }
}

/** The services in an HSDS JSON document: a package (array), a page (`contents`) or one service. */
export function servicesIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null && Array.isArray((json as { contents?: unknown }).contents)) {
    return (json as { contents: unknown[] }).contents;
  }
  return [json];
}

/** HSDS services as records, keyed by their service ids. */
export function readHsdsServices(
  services: readonly unknown[],
  taxonomy: FeedTaxonomy,
  defaults: Defaults,
  timeZone: string | undefined,
): SourceRecord[] {
  return services.map((raw, i) => {
    const parsed = z.safeParse(serviceSchema, raw);
    const where = `service ${i + 1}`;
    const record: SourceRecord = { id: undefined, where, draft: {}, errors: [], warnings: [], fieldAt: hsdsFieldAt };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) record.errors.push({ field: issue.path.join('.') || 'service', message: issue.message });
      return record;
    }
    record.id = parsed.data.id;
    readService(record, parsed.data, taxonomy, timeZone);
    for (const [header, value] of defaults) {
      const column = columnNamed(header);
      if (column && getIn(record.draft, column.path) === undefined) applyCell(record, column, value);
    }
    fillGroupDefaults(record.draft);
    return record;
  });
}

function readService(record: SourceRecord, s: HsdsInput, taxonomy: FeedTaxonomy, timeZone: string | undefined): void {
  const d = record.draft;
  const put = (path: string[], value: unknown) => {
    if (value !== undefined && value !== '') setIn(d, path, value);
  };
  put(['name'], s.name);
  put(['summary'], s.description);
  if (s.organization?.name)
    put(['organisation'], { name: s.organization.name, ...(s.organization.website ? { website: s.organization.website } : {}) });
  put(['contact', 'email'], s.email);
  put(['contact', 'website'], s.url);
  put(['contact', 'phone'], s.phones?.[0]?.number);
  const languages = (s.languages ?? []).map((l) => l.code).filter((c): c is string => !!c);
  if (languages.length > 0) put(['languages'], languages);

  // Our codes, from attributes linking to our taxonomy terms.
  const codes = new Map<TaxonomyField, string[]>();
  const answers = new Map<string, string>();
  for (const attribute of s.attributes ?? []) {
    const t = attribute.taxonomy_term;
    const id = attribute.taxonomy_term_id ?? t?.id;
    const field =
      (Object.keys(TAXONOMY_NAMES) as TaxonomyField[]).find((f) => TAXONOMY_NAMES[f] === t?.taxonomy) ?? fieldOfTerm(taxonomy, id);
    if (!field) continue;
    const code =
      taxonomy.codeOf(field, id ?? '') ?? (t?.code && taxonomy.codeOf(field, t.code)) ?? (t?.name && taxonomy.codeOf(field, t.name));
    if (!code) continue;
    if (field === 'questions' || field === 'schedule') answers.set(code, attribute.value ?? '');
    else codes.set(field, [...(codes.get(field) ?? []), code]);
  }
  for (const [field, list] of codes) put([field], field === 'model' ? list[0] : list);

  // Where it meets.
  const places = (s.service_at_locations ?? []).map((sal) => sal.location).filter((l) => l !== undefined);
  const venue = places.find((l) => l.location_type === 'physical');
  if (venue) {
    const address = venue.addresses?.[0];
    put(['location'], {
      // A location named after its town has no venue name of its own (services.ts names it so).
      ...(venue.name && venue.name !== address?.city ? { venue: venue.name } : {}),
      ...(address?.address_1 && address.address_1 !== venue.name ? { address: address.address_1 } : {}),
      town: address?.city,
      ...(address?.region || address?.state_province ? { region: address.region || address.state_province } : {}),
      ...(address?.postal_code ? { postcode: address.postal_code } : {}),
      country: countryOf(address?.country),
      ...(venue.latitude !== undefined && venue.longitude !== undefined ? { lat: venue.latitude, lng: venue.longitude } : {}),
    });
  }
  if (!codes.has('formats')) {
    const formats = [...(venue ? ['in-person'] : []), ...(places.some((l) => l.location_type === 'virtual') ? ['online'] : [])];
    if (formats.length > 0) put(['formats'], formats);
  }
  const area = s.service_areas?.[0];
  const areaName = area?.name ?? area?.service_area;
  put(['servesEverywhere'], areaName === EVERYWHERE_AREA);
  if (areaName && areaName !== EVERYWHERE_AREA) put(['serviceArea'], areaName);

  const country = (d.location as { country?: string } | undefined)?.country;
  const zone = timeZone ?? answers.get(TIME_ZONE_TERM);
  const { schedule, warnings } = fromHsdsSchedules(s.schedules ?? [], { timeZone: zone, country });
  put(['schedule'], schedule);
  record.warnings.push(...warnings);

  // The 8 answers: ours from the question attributes; another directory's from the fields HSDS has for them.
  for (const { key, kind } of QUESTIONS) {
    const said = answers.get(key);
    if (kind === 'text') put(['answers', key], said ?? fallbackAnswer(s, key));
    else if (kind === 'yes-no' && said) put(['answers', key], yesNo(said));
  }
  const cost = s.cost_options?.[0];
  const free = cost ? cost.amount === 0 || /^free$/i.test(cost.option ?? '') : s.fees ? /^free\b/i.test(s.fees) : undefined;
  if (free !== undefined) {
    const details = cost?.amount_description ?? (s.fees && !/^free$/i.test(s.fees) ? s.fees : undefined);
    put(['answers', 'cost'], { free, ...(details ? { details } : {}) });
  }
}

function fieldOfTerm(taxonomy: FeedTaxonomy, id: string | undefined): TaxonomyField | undefined {
  if (!id) return undefined;
  return (Object.keys(TAXONOMY_NAMES) as TaxonomyField[]).find((field) => taxonomy.codeOf(field, id) !== undefined);
}

function fallbackAnswer(s: HsdsInput, key: QuestionKey): string | undefined {
  if (key === 'attendees') return s.eligibility_description;
  if (key === 'leaderTraining') return s.accreditations;
  return undefined;
}

/** `Yes`, `No`, or either followed by `. ` and the group's own words. */
function yesNo(value: string): { answer: boolean; details?: string } | string {
  const match = /^(yes|no)\b\.?\s*(.*)$/is.exec(value.trim());
  if (!match) return value;
  const details = match[2]!.trim();
  return { answer: match[1]!.toLowerCase() === 'yes', ...(details ? { details } : {}) };
}

function countryOf(country: string | undefined): string {
  const c = (country ?? '').trim().toUpperCase();
  return c === '' || c === 'UK' || c === 'GBR' ? 'GB' : c === 'USA' ? 'US' : c;
}

function getIn(target: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], target);
}
