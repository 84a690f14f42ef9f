/**
 * Validators for Open Referral answers, built from the published schemas in
 * test/fixtures/openreferral (see its README for how they are read).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import mergePatch from 'json-merge-patch';

const FIXTURES = fileURLToPath(new URL('../fixtures/openreferral/', import.meta.url));
const HSDS = `${FIXTURES}hsds-3.0/schema/`;
const PROFILE = `${FIXTURES}oruk-uk-profile-3.0/profile/`;
/** Where the HSDS openapi.json says its compiled schemas live. */
const COMPILED_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const PROFILE_BASE = 'https://oruk-profile.invalid/';
const PAGE_ID = 'https://hsds-openapi.invalid/Page';

type Json = Record<string, unknown>;
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/**
 * Properties the UK profile removes that the feed still sends, because no
 * field the profile keeps can carry them. Any other removed property fails.
 */
export const KEPT_DESPITE_PROFILE: Record<string, readonly string[]> = {
  // A group's public telephone number: the profile drops every link from a phone to a service.
  service: ['phones'],
  // The language itself: the profile keeps only a language's id.
  language: ['name', 'code'],
  // The answers to the 8 questions.
  attribute: ['value'],
};

/** Every validator the feed tests need. */
export interface OpenReferralValidators {
  /** Against the compiled HSDS schema the HSDS API names for this path (e.g. `/services/{id}`). */
  hsds(path: HsdsPath, body: unknown): string[];
  /** Against the UK profile's schema of one object (e.g. `service`), and its removed properties. */
  profile(object: string, body: unknown): string[];
}

export type HsdsPath =
  | '/services'
  | '/services/{id}'
  | '/service_at_locations'
  | '/organizations'
  | '/organizations/{id}'
  | '/taxonomies'
  | '/taxonomies/{id}'
  | '/taxonomy_terms'
  | '/taxonomy_terms/{id}';

function newAjv(): Ajv2020 {
  // The schemas carry Table Schema annotations (name, constraints, core, ...) beside JSON Schema's.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  ajv.addVocabulary(['name', 'path', 'constraints', 'example', 'core', 'datapackage_metadata', 'datapackage_type', 'tabular_required']);
  addFormats.default(ajv);
  return ajv;
}

const objectNames = () =>
  readdirSync(HSDS)
    .filter((f) => f.endsWith('.json') && f !== 'openapi.json')
    .map((f) => f.slice(0, -'.json'.length));

/** Builds the validators (compiling the large compiled schemas takes a few seconds). */
export function openReferralValidators(): OpenReferralValidators {
  const hsdsAjv = newAjv();
  const openapi = read(`${HSDS}openapi.json`) as Json & { paths: Record<string, Json>; components: { schemas: { Page: Json } } };
  hsdsAjv.addSchema({ ...openapi.components.schemas.Page, $id: PAGE_ID });
  for (const object of objectNames()) hsdsAjv.addSchema(read(`${HSDS}${object}.json`) as Json, `${COMPILED_BASE}${object}.json`);
  for (const file of readdirSync(`${HSDS}compiled`)) {
    hsdsAjv.addSchema(read(`${HSDS}compiled/${file}`) as Json, `${COMPILED_BASE}compiled/${file}`);
  }
  const byPath = new Map<string, ValidateFunction>();
  const hsdsValidator = (path: HsdsPath) => {
    let validate = byPath.get(path);
    if (!validate) {
      const operation = (openapi.paths[path] as { get: Json }).get as {
        responses: { 200: { content: { 'application/json': { schema: Json } } } };
      };
      const schema = JSON.parse(
        JSON.stringify(operation.responses[200].content['application/json'].schema).replaceAll('#/components/schemas/Page', PAGE_ID),
      ) as Json;
      validate = hsdsAjv.compile(schema);
      byPath.set(path, validate);
    }
    return validate;
  };

  const profileAjv = newAjv();
  const removed = new Map<string, Set<string>>();
  const nested = new Map<string, Map<string, string>>();
  for (const object of objectNames()) {
    const base = read(`${HSDS}${object}.json`) as Json;
    const patchFile = `${PROFILE}${object}.json`;
    const patch = (existsSync(patchFile) ? read(patchFile) : null) as Json | null;
    // An object the profile has no file for, or a file of `null`: kept as HSDS defines it.
    const merged = (patch === null ? base : mergePatch.apply(structuredClone(base), patch)) as Json;
    profileAjv.addSchema(merged, `${PROFILE_BASE}${object}.json`);
    const gone = Object.entries((patch?.properties as Json | undefined) ?? {})
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    removed.set(object, new Set(gone.filter((k) => !(KEPT_DESPITE_PROFILE[object] ?? []).includes(k))));
    // Which HSDS object each nested property holds, for walking an answer.
    const links = new Map<string, string>();
    for (const [name, spec] of Object.entries((base.properties as Record<string, Json>) ?? {})) {
      const ref = (spec.$ref ?? (spec.items as Json | undefined)?.$ref) as string | undefined;
      if (ref) links.set(name, ref.replace(/\.json$/, ''));
    }
    nested.set(object, links);
  }
  // Services nest their service in list answers and organisations their services: HSDS's compiled schemas do too.
  nested.get('service_at_location')!.set('service', 'service');
  nested.get('organization')!.set('services', 'service');

  const removedIn = (object: string, value: unknown, at: string, out: string[]) => {
    if (Array.isArray(value)) return value.forEach((v, i) => removedIn(object, v, `${at}/${i}`, out));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (removed.get(object)?.has(key)) out.push(`${at}/${key}: the UK profile removes ${object}.${key}`);
      const kind = nested.get(object)?.get(key);
      if (kind) removedIn(kind, child, `${at}/${key}`, out);
    }
  };

  return {
    hsds: (path, body) => messages(hsdsValidator(path), body),
    profile: (object, body) => {
      const validate = profileAjv.getSchema(`${PROFILE_BASE}${object}.json`);
      if (!validate) throw new Error(`No profile schema for ${object}`);
      const out = messages(validate, body);
      removedIn(object, body, '', out);
      return out;
    },
  };
}

function messages(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
