/**
 * A published group as Open Referral objects: the group is a service; its
 * venue a physical location; meeting online or by telephone a virtual
 * location, and serving people anywhere (or one area) a service area; its
 * meetings schedules; its cost `cost_options` and `fees`; its languages
 * `languages`; its codes and its answers to the 8 questions attributes
 * linking it to our taxonomy terms (answers in the attribute's `value`).
 *
 * Only public group fields are read, so nothing private can reach the feed.
 * @module
 */
import { QUESTIONS, type Answers, type Group } from 'peer-directory/schema';
import type { HsdsAttribute, HsdsLocation, HsdsOrganization, HsdsService, HsdsServiceAtLocation, HsdsTaxonomyTerm } from './hsds.js';
import { hsdsId, organizationId, serviceId } from './ids.js';
import { toHsdsSchedules } from './schedules.js';
import { TIME_ZONE_TERM, type FeedTaxonomy, type TaxonomyField } from './taxonomy.js';

/** How an attribute links a service to a term (HSDS `link_type`, an open code list). */
const LINK_TYPES = { classification: 'classification', answer: 'answer' } as const;

/** The service area of a group open to people wherever they live; an import reads it back as `servesEverywhere`. */
export const EVERYWHERE_AREA = 'Anywhere: open to people wherever they live';

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

/** The organisation a group belongs to, as an HSDS organisation (without its services). */
export function toHsdsOrganization(organisation: NonNullable<Group['organisation']>): HsdsOrganization {
  return {
    id: organizationId(organisation.name),
    name: organisation.name,
    // HSDS requires a description; we keep none, so the name says what it is.
    description: organisation.name,
    ...(organisation.website ? { website: organisation.website } : {}),
  };
}

/** The service's one-to-one fields and its organisation: what list answers carry. */
export function toServiceSummary(group: Group): HsdsService {
  const { contact, answers } = group;
  return {
    id: serviceId(group.id),
    ...(group.organisation ? { organization_id: organizationId(group.organisation.name) } : {}),
    name: group.name,
    description: group.summary,
    ...(contact.website ? { url: contact.website } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    status: 'active',
    fees: answers.cost.free ? 'Free' : (answers.cost.details ?? 'There is a fee'),
    accreditations: answers.leaderTraining,
    last_modified: group.updatedAt,
    ...(group.organisation ? { organization: toHsdsOrganization(group.organisation) } : {}),
  };
}

/** The whole service, with everything nested that HSDS nests in a service. */
export function toService(group: Group, taxonomy: FeedTaxonomy): HsdsService {
  const summary = toServiceSummary(group);
  const id = summary.id;
  const { cost } = group.answers;
  return {
    ...summary,
    ...(group.contact.phone ? { phones: [{ id: hsdsId('phone', group.id), number: group.contact.phone }] } : {}),
    schedules: toHsdsSchedules(group, id),
    service_areas: serviceAreas(group, id),
    service_at_locations: placeKinds(group).map((kind) => {
      const { service: _service, ...sal } = serviceAtLocation(group, kind);
      return sal;
    }),
    languages: group.languages.map((code) => ({
      id: hsdsId('language', group.id, code),
      service_id: id,
      name: languageNames.of(code) ?? code,
      code,
    })),
    cost_options: [
      {
        id: hsdsId('cost', group.id),
        service_id: id,
        option: cost.free ? 'Free' : 'Fee',
        ...(cost.free ? { amount: 0 } : {}),
        ...(cost.details ? { amount_description: cost.details } : {}),
      },
    ],
    attributes: attributes(group, id, taxonomy),
  };
}

/** Where a group is attended: its venue, or online or by telephone. */
export type PlaceKind = 'venue' | 'virtual';

/** Where a group can be attended: its venue and, when it meets online or by telephone, a virtual location. */
export function placeKinds(group: Pick<Group, 'location' | 'formats'>): PlaceKind[] {
  const kinds: PlaceKind[] = [];
  if (group.location) kinds.push('venue');
  if (group.formats.some((f) => f !== 'in-person')) kinds.push('virtual');
  return kinds;
}

/** A group at one of its places, with the list form of its service, as `/service_at_locations` answers it. */
export function serviceAtLocation(group: Group, kind: PlaceKind): HsdsServiceAtLocation {
  const service = toServiceSummary(group);
  const location = kind === 'venue' ? physicalLocation(group)! : virtualLocation(group);
  return { id: hsdsId('sal', group.id, kind), service_id: service.id, location_id: location.id, location, service };
}

function virtualLocation(group: Group): HsdsLocation {
  const remote = group.formats.filter((f) => f !== 'in-person');
  const online = remote.includes('online');
  const phone = remote.includes('telephone');
  return {
    id: hsdsId('location', 'virtual', remote.join('+')),
    location_type: 'virtual',
    name: online && phone ? 'Online and by telephone' : online ? 'Online' : 'By telephone',
  };
}

/** The group's venue, one location per distinct venue (groups sharing a hall share its id). */
export function physicalLocation(group: Group): HsdsLocation | undefined {
  const place = group.location;
  if (!place) return undefined;
  const id = hsdsId(
    'location',
    [place.venue, place.address, place.town, place.postcode, place.country].map((p) => (p ?? '').trim().toLowerCase()).join('|'),
  );
  return {
    id,
    location_type: 'physical',
    name: place.venue ?? place.town,
    latitude: place.lat,
    longitude: place.lng,
    addresses: [
      {
        id: hsdsId('address', id),
        location_id: id,
        address_1: place.address ?? place.venue ?? place.town,
        city: place.town,
        ...(place.region ? { region: place.region } : {}),
        // HSDS requires both; a UK venue may have neither a county nor, rarely, a postcode.
        state_province: place.region ?? '',
        postal_code: place.postcode ?? '',
        country: place.country,
        address_type: 'physical',
      },
    ],
  };
}

function serviceAreas(group: Group, serviceId: string) {
  const area = group.servesEverywhere ? EVERYWHERE_AREA : group.serviceArea;
  if (!area) return [];
  return [{ id: hsdsId('area', group.id), service_id: serviceId, name: area, service_area: area }];
}

/** Our codes and the 8 answers as attributes; the answers' words are the attribute values. */
function attributes(group: Group, serviceId: string, taxonomy: FeedTaxonomy): HsdsAttribute[] {
  const out: HsdsAttribute[] = [];
  const link = (field: TaxonomyField, code: string, value?: string) => {
    const term = taxonomy.term(field, code);
    if (!term) return;
    out.push(attribute(group.id, serviceId, term, value === undefined ? LINK_TYPES.classification : LINK_TYPES.answer, value));
  };
  for (const code of group.conditions) link('conditions', code);
  for (const code of group.audiences) link('audiences', code);
  for (const code of group.formats) link('formats', code);
  link('model', group.model);
  for (const code of group.functions) link('functions', code);
  for (const code of group.leaders) link('leaders', code);
  for (const code of group.principles) link('principles', code);
  for (const question of QUESTIONS) link('questions', question.key, answerText(group.answers, question.key));
  link('schedule', TIME_ZONE_TERM, group.schedule.timeZone);
  return out;
}

function attribute(groupId: string, serviceId: string, term: HsdsTaxonomyTerm, linkType: string, value?: string): HsdsAttribute {
  return {
    id: hsdsId('attribute', groupId, term.id),
    link_id: serviceId,
    link_type: linkType,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
    ...(value !== undefined ? { value } : {}),
  };
}

/**
 * An answer as one text: words as written; yes/no answers start `Yes` or
 * `No`, then the group's own words after a full stop and a space.
 */
function answerText(answers: Answers, key: keyof Answers): string {
  const answer = answers[key];
  if (typeof answer === 'string') return answer;
  if ('answer' in answer) return answer.details ? `${answer.answer ? 'Yes' : 'No'}. ${answer.details}` : answer.answer ? 'Yes' : 'No';
  return answer.details ? `${answer.free ? 'Free' : 'Fee'}. ${answer.details}` : answer.free ? 'Free' : 'Fee';
}
