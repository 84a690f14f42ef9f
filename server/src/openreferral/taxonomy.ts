/**
 * Our vocabularies as Open Referral taxonomies: the conditions, audiences,
 * formats, the 7 models, the 5 functions, who leads, the operator's quality
 * principles, and the 8 questions (whose answers services carry as
 * attributes). Built from `peer-directory/schema`, the one home of the codes.
 * @module
 */
import { AUDIENCES, CONDITIONS, FORMATS, FUNCTIONS, LEADERS, MODELS, QUESTIONS, type Term } from 'peer-directory/schema';
import type { Principle } from '../config.js';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds.js';
import { taxonomyId, termId } from './ids.js';

/** The taxonomies a group's codes come from, keyed by the group field that holds them. */
export const TAXONOMY_NAMES = {
  conditions: 'peer-directory-conditions',
  audiences: 'peer-directory-audiences',
  formats: 'peer-directory-formats',
  model: 'peer-directory-models',
  functions: 'peer-directory-functions',
  leaders: 'peer-directory-leaders',
  principles: 'peer-directory-principles',
  questions: 'peer-directory-questions',
  schedule: 'peer-directory-schedule',
} as const;

export type TaxonomyField = keyof typeof TAXONOMY_NAMES;

/** The term whose attribute value is a service's IANA time zone (HSDS has only UTC offsets). */
export const TIME_ZONE_TERM = 'time-zone';

const DESCRIPTIONS: Record<TaxonomyField, string> = {
  conditions: 'The types of diabetes (or long-term conditions in general) a peer-support group is for.',
  audiences: 'Who a peer-support group is for.',
  formats: 'How a peer-support group meets: face to face, online or by telephone.',
  model: 'The seven models of peer support (Heisler, 2006).',
  functions: 'The five key functions of peer support (Peers for Progress).',
  leaders: 'Who leads a peer-support group.',
  principles: 'Quality principles a group says it follows, as this directory defines them.',
  questions: 'The 8 questions to ask about a peer-support programme; services answer them in attribute values.',
  schedule: 'What a schedule needs beyond HSDS: the IANA time zone its times are local to, in the attribute value.',
};

/** Every taxonomy with its terms; built once per server (the principles are configuration). */
export class FeedTaxonomy {
  readonly taxonomies: HsdsTaxonomy[];
  readonly terms: HsdsTaxonomyTerm[];
  readonly #byField = new Map<TaxonomyField, Map<string, HsdsTaxonomyTerm>>();

  constructor(principles: readonly Principle[]) {
    const lists: Record<TaxonomyField, readonly Term[]> = {
      conditions: CONDITIONS,
      audiences: AUDIENCES,
      formats: FORMATS,
      model: MODELS,
      functions: FUNCTIONS,
      leaders: LEADERS,
      principles,
      questions: QUESTIONS.map((q) => ({ code: q.key, label: q.text })),
      schedule: [{ code: TIME_ZONE_TERM, label: 'Time zone' }],
    };
    this.taxonomies = [];
    this.terms = [];
    for (const field of Object.keys(TAXONOMY_NAMES) as TaxonomyField[]) {
      const name = TAXONOMY_NAMES[field];
      const id = taxonomyId(name);
      this.taxonomies.push({ id, name, description: DESCRIPTIONS[field], version: '1' });
      const terms = new Map<string, HsdsTaxonomyTerm>();
      for (const { code, label, description } of lists[field]) {
        const term: HsdsTaxonomyTerm = {
          id: termId(name, code),
          name: label,
          description: description ?? label,
          term: label,
          taxonomy: name,
          taxonomy_id: id,
        };
        terms.set(code, term);
        this.terms.push(term);
      }
      this.#byField.set(field, terms);
    }
  }

  /** The term for one of our codes, or undefined for a code the taxonomy does not have (a principle since removed). */
  term(field: TaxonomyField, code: string): HsdsTaxonomyTerm | undefined {
    return this.#byField.get(field)?.get(code);
  }

  /** Our code for an HSDS term id, when it is one of ours. */
  codeOf(field: TaxonomyField, termIdOrName: string): string | undefined {
    const folded = termIdOrName.trim().toLowerCase();
    for (const [code, term] of this.#byField.get(field) ?? []) {
      if (term.id === termIdOrName || code === folded || term.name.toLowerCase() === folded) return code;
    }
    return undefined;
  }
}
