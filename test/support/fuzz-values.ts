/**
 * The values test/support/fuzz.ts builds requests from: what a JSON Schema
 * describes, and what hostile and broken clients send instead (wrong types,
 * 1 MB strings, lone surrogates, NUL, right-to-left and zero-width text,
 * numeric edges, bodies that are not JSON or not UTF-8, wrong content types).
 */
import fc from 'fast-check';

/** The parts of JSON Schema the API's schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Text hostile clients send: each a class the API must answer with a 4xx, not a crash. */
export const nastyText = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '\u0000',
        'Leeds\u0000',
        '\ud800',
        '\udfff x',
        'x\ud83d',
        'Leeds \udc00 group',
        'a\u0000b',
        '\u0000',
        '\u202eالسكري\u202c',
        'שלום',
        '\u200b',
        '\u200d\u200c\ufeff',
        '../../../etc/passwd',
        '..\\..\\windows\\win.ini',
        '%2e%2e%2f',
        'NaN',
        'Infinity',
        '-Infinity',
        '-0',
        '1e309',
        '0x10',
        '9007199254740993',
        '<script>alert(1)</script>',
        "' OR 1=1 --",
        '__proto__',
        'constructor',
        'SW1A 1AA',
        'true',
      ),
      // Any UTF-16 code units, lone surrogates included.
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
  },
  // Rare, so that most requests test something other than the size limits.
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 2 ** 31, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value of the wrong kind, or an edge of the right one. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyText },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { $gt: '' }, [[[[[[[[[[[]]]]]]]]]]]) },
);

/** Values the schema describes (short, so requests stay small). */
export function fitting(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map(fitting));
  if (schema.allOf?.[0]) return fitting(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uri') return fc.webUrl();
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1e6), max: Math.floor(schema.maximum ?? 1e6) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fitting(schema.items) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fitting(v)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Replaces one value in a JSON tree (a leaf or a branch below the root, the `n`th modulo their number) with `replacement`. */
export function spoil(value: unknown, n: number, replacement: unknown): unknown {
  const size = (v: unknown): number => 1 + (v && typeof v === 'object' ? Object.values(v).reduce<number>((sum, x) => sum + size(x), 0) : 0);
  const below = size(value) - 1;
  if (below === 0) return replacement;
  const target = 1 + (n % below);
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (count++ === target) return replacement;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Appends `attack` to the `n`th string in a JSON tree (modulo their number): a valid body with one tainted text. */
export function taint(value: unknown, n: number, attack: string): unknown {
  const strings = (v: unknown): number =>
    typeof v === 'string' ? 1 : v && typeof v === 'object' ? Object.values(v).reduce<number>((sum, x) => sum + strings(x), 0) : 0;
  const total = strings(value);
  if (total === 0) return value;
  const target = n % total;
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return count++ === target ? `${v}${attack}` : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Characters that pass most checks and break stores, renderers or comparisons. */
export const unicodeAttacks = fc.constantFrom('\ud800', '\udfff', '\u0000', '\u202e', '\u200b', '\ufeff', '\u0301', 'מ', '💙', '\ud83d');

/** JSON text whose strings keep lone surrogates as `\ud800` escapes, as a hostile client would send them. */
export const jsonText = (value: unknown) => JSON.stringify(value) ?? 'null';

/** Percent-escapes text as UTF-8; lone surrogates become their three (invalid) bytes, as WTF-8 writes them. */
export function escapeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const unit of text) {
      const code = unit.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      } else out += encodeURIComponent(unit);
    }
    return out;
  }
}

export const asText = (value: unknown) => (typeof value === 'string' ? value : jsonText(value));

/** Bodies that are not what the route asked for, byte for byte. */
export const rawBodies = fc.constantFrom(
  Buffer.from(''),
  Buffer.from('{'),
  Buffer.from('null'),
  Buffer.from('[]'),
  Buffer.from('"text"'),
  Buffer.from('{"__proto__":{"isAdmin":true}}'),
  Buffer.from('{"constructor":{"prototype":{"x":1}}}'),
  Buffer.concat([Buffer.from('{"group":{"name":"'), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('"}}')]),
  Buffer.from('['.repeat(5000) + ']'.repeat(5000)),
  Buffer.from(`{"reason":"${MEGABYTE}"}`),
);

export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  '',
);
