/**
 * Property-based fuzzing of the API from its own description: every
 * operation in the served `/openapi.json`, every parameter and body it
 * declares, filled with values that fit the schema, then spoiled with the
 * inputs hostile clients send (wrong types, 1 MB strings, lone surrogates,
 * NUL, right-to-left and zero-width text, numeric edge cases, repeated
 * parameters, wrong content types, bytes that are not UTF-8, path traversal).
 * The property: no answer is a 5xx, every 4xx is a problem document,
 * every validation problem names the field, and every status is one the
 * document lists for the operation.
 *
 * `test/node/fuzz.test.ts` runs it with a fixed seed; `npm run fuzz` with a
 * random one, printed so a failure can be replayed.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { makeGroup, makeRegistrationInput } from './fixtures.js';
import {
  asText,
  contentTypes,
  escapeText,
  fitting,
  jsonText,
  nastyText,
  nastyValue,
  rawBodies,
  spoil,
  taint,
  unicodeAttacks,
  type JsonSchema,
} from './fuzz-values.js';
import { startSmtpServer } from './smtp-server.js';
import { startTestServer } from './start-server.js';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  admin: boolean;
  /** The statuses the document lists for it. */
  statuses: Set<number>;
  /**
   * The document's example body: spoiling one field of a body that passes
   * every other check reaches the store, where schema-shaped random bodies rarely get.
   */
  example?: unknown;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema: JsonSchema; example?: unknown }> };
        security?: unknown[];
        responses: Record<string, unknown>;
      }
    >
  >;
}

/** One request as sent: a raw path (escapes and all), headers and body bytes. */
export interface FuzzRequest {
  operation: string;
  /** The statuses the document lists for the operation. */
  documented: Set<number>;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What a fuzz run found. */
export interface FuzzReport {
  seed: number;
  runs: number;
  /** Answers by status, e.g. `{ 200: 310, 400: 1502 }`. */
  statuses: Record<number, number>;
  /** Requests by operation, so a run shows it reached every route. */
  operations: Record<string, number>;
}

/** Options of {@link fuzzApi}. */
export interface FuzzOptions {
  baseUrl: string;
  adminToken: string;
  runs: number;
  seed: number;
  /** Ids worth trying besides generated ones (a published group, a pending registration). */
  knownIds?: string[];
  /**
   * The server's body limit. A server answers a body over it with 413 before
   * reading it and closes the connection; a client still sending may see the
   * reset before the answer, which is HTTP working as specified, not a fault.
   */
  bodyLimitBytes: number;
}

/** Reads the operations from the served OpenAPI document. */
export async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        admin: (op.security ?? []).length > 0 || path.startsWith('/v1/admin/'),
        statuses: new Set(Object.keys(op.responses).map(Number)),
        example: op.requestBody?.content?.['application/json']?.example,
      });
    }
  }
  return operations;
}

/** One arbitrary request for an operation. */
function requestFor(op: Operation, options: FuzzOptions): fc.Arbitrary<FuzzRequest> {
  const ids = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(options.knownIds?.length ? options.knownIds : ['unknown-id'])) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    { weight: 3, arbitrary: nastyText },
  );
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  const headers = op.parameters.filter((p) => p.in === 'header');

  const queryPart = fc
    .tuple(
      ...query.map((p) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 3, arbitrary: fitting(p.schema).map((v) => [asText(v)]) },
          { weight: 2, arbitrary: nastyValue.map((v) => [asText(v)]) },
          // The same parameter twice, as `a=1&a=2`.
          { weight: 1, arbitrary: fc.tuple(fitting(p.schema), nastyValue).map(([a, b]) => [asText(a), asText(b)]) },
        ),
      ),
      fc.option(fc.tuple(nastyText, nastyText), { freq: 5 }),
    )
    .map((parts) => {
      const extra = parts.pop() as [string, string] | null;
      const pairs: string[] = [];
      (parts as (string[] | undefined)[]).forEach((values, i) => {
        for (const v of values ?? []) pairs.push(`${query[i]!.name}=${escapeText(v)}`);
      });
      if (extra) pairs.push(`${escapeText(extra[0])}=${escapeText(extra[1])}`);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });

  const pathPart = fc.tuple(...pathParams.map(() => fc.tuple(ids, fc.boolean()))).map((values) => {
    let path = op.path;
    values.forEach(([value, raw], i) => {
      // Now and then a traversal goes in unescaped, as a hand-written client would send it.
      const text = asText(value);
      const written = raw && /^[\x21-\x7e]*$/.test(text) && !text.includes('?') && !text.includes('#') ? text : escapeText(text);
      path = path.replace(`{${pathParams[i]!.name}}`, written);
    });
    return path;
  });

  const { example } = op;
  const spoiledExample = fc.tuple(fc.nat(), nastyValue).map(([n, bad]) => ({
    body: Buffer.from(jsonText(spoil(example, n, bad))),
    type: 'application/json',
  }));
  const taintedExample = fc.tuple(fc.nat(), unicodeAttacks).map(([n, attack]) => ({
    body: Buffer.from(jsonText(taint(example, n, attack))),
    type: 'application/json',
  }));
  const raw = fc.tuple(rawBodies, contentTypes).map(([body, type]) => ({ body, type }));
  const bodyPart: fc.Arbitrary<{ body?: Buffer; type?: string }> = op.body
    ? fc.oneof(
        ...(example === undefined
          ? []
          : [
              { weight: 6, arbitrary: spoiledExample },
              { weight: 6, arbitrary: taintedExample },
              // As the document gives it: it must get past validation, and takes the story on from there.
              { weight: 1, arbitrary: fc.constant({ body: Buffer.from(jsonText(example)), type: 'application/json' }) },
            ]),
        { weight: 2, arbitrary: fitting(op.body).map((v) => ({ body: Buffer.from(jsonText(v)), type: 'application/json' })) },
        {
          weight: 5,
          arbitrary: fc.tuple(fitting(op.body), fc.nat(), nastyValue, contentTypes).map(([v, n, bad, type]) => ({
            body: Buffer.from(jsonText(spoil(v, n, bad))),
            type,
          })),
        },
        { weight: 2, arbitrary: raw },
      )
    : fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: raw });

  const auth = op.admin
    ? fc.constantFrom(
        `Bearer ${options.adminToken}`,
        `Bearer ${options.adminToken}`,
        `Bearer ${options.adminToken}`,
        undefined,
        'Bearer wrong-token-0000000000',
        'Basic YWRtaW46YWRtaW4=',
      )
    : fc.constant(undefined);
  const headerValues = fc.tuple(
    ...headers.map((p) =>
      fc.option(
        fc.oneof(
          fitting(p.schema).map(asText),
          nastyText.filter((t) => /^[\x20-\x7e]{0,300}$/.test(t)),
        ),
        { freq: 2 },
      ),
    ),
  );

  return fc.tuple(pathPart, queryPart, bodyPart, auth, headerValues).map(([path, q, { body, type }, authorization, values]) => {
    const sent: Record<string, string> = {};
    if (type) sent['content-type'] = type;
    if (authorization) sent.authorization = authorization;
    values.forEach((v, i) => {
      if (v !== null) sent[headers[i]!.name] = v;
    });
    const req: FuzzRequest = {
      operation: `${op.method} ${op.path}`,
      documented: op.statuses,
      method: op.method,
      path: `${path}${q}`,
      headers: sent,
      body,
    };
    // fast-check prints a counterexample with this: readable text rather than a Buffer's bytes.
    return Object.assign(req, { [fc.toStringMethod]: () => describe(req) });
  });
}

/** A request as a person reads it: method, path (cut at 300 characters), headers and the start of the body. */
export function describe(req: FuzzRequest): string {
  const body = req.body ? ` body(${req.body.length} bytes): ${JSON.stringify(req.body.subarray(0, 300).toString('utf8'))}` : '';
  return `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers)}${body}`;
}

/** An answer: status, headers and body text (`status` 0 when the connection ended without one). */
interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Sends a request as written, byte for byte (no URL normalisation, so `..` stays). */
export function send(baseUrl: string, req: FuzzRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const client = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
        // A fresh connection each time: one broken request must not poison the next.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: '' }));
      },
    );
    client.on('error', (error) => resolve({ status: 0, contentType: '', text: String(error) }));
    client.end(req.body);
  });
}

/** Why an answer breaks the property, or undefined when it keeps it. */
export function breach(answer: Answer): string | undefined {
  if (answer.status === 0) return `no answer: ${answer.text}`;
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json'))
    return `a ${answer.status} that is not problem+json (${answer.contentType})`;
  let problem: { status?: number; type?: string; title?: string; errors?: { pointer?: string; detail?: string }[] };
  try {
    problem = JSON.parse(answer.text) as typeof problem;
  } catch {
    return `a ${answer.status} whose body is not JSON`;
  }
  if (problem.status !== answer.status || !problem.type || !problem.title) return `a malformed problem: ${answer.text.slice(0, 300)}`;
  if (answer.status === 400 && problem.type === '/problems/validation') {
    const errors = problem.errors ?? [];
    if (errors.length === 0) return `a validation problem naming no field: ${answer.text.slice(0, 300)}`;
    if (!errors.every((e) => typeof e.pointer === 'string' && e.pointer.startsWith('#') && e.detail)) {
      return `a validation problem with an unnamed field: ${answer.text.slice(0, 300)}`;
    }
  }
  return undefined;
}

/**
 * Runs the property `runs` times from `seed`; throws fast-check's report
 * (the shrunk request, the seed and the path to replay) on the first breach.
 */
export async function fuzzApi(options: FuzzOptions): Promise<FuzzReport> {
  const operations = await operationsOf(options.baseUrl);
  const report: FuzzReport = { seed: options.seed, runs: options.runs, statuses: {}, operations: {} };
  const request = fc.oneof(...operations.map((op) => requestFor(op, options)));
  await fc.assert(
    fc.asyncProperty(request, async (req) => {
      const answer = await send(options.baseUrl, req);
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      report.operations[req.operation] = (report.operations[req.operation] ?? 0) + 1;
      const overLimit = (req.body?.length ?? 0) > options.bodyLimitBytes;
      const undocumented = answer.status !== 0 && !req.documented.has(answer.status);
      const wrong =
        answer.status === 0 && overLimit
          ? undefined
          : (breach(answer) ??
            (undocumented ? `answered ${answer.status}, which the OpenAPI document does not list for ${req.operation}` : undefined));
      if (wrong) throw new Error(`${describe(req)}: ${wrong}`);
    }),
    { numRuns: options.runs, seed: options.seed, endOnFailure: false, verbose: 1 },
  );
  return report;
}

/**
 * Starts a test server with a published group and a pending registration to
 * aim at, fuzzes it, and closes it: what the test and `npm run fuzz` both run.
 */
export async function fuzzTestServer(runs: number, seed: number): Promise<FuzzReport & { operationNames: string[] }> {
  const group = makeGroup({ id: 'fuzz-leeds-group' });
  // Email on (a local SMTP server), so the reminder routes are reached rather than answering 503.
  const smtp = await startSmtpServer();
  const server = await startTestServer({ seed: [group], smtpUrl: smtp.url });
  try {
    const { registration } = await server.store.createRegistration({ input: makeRegistrationInput() });
    const report = await fuzzApi({
      baseUrl: server.url,
      adminToken: server.adminToken,
      bodyLimitBytes: server.config.bodyLimitBytes,
      runs,
      seed,
      knownIds: [group.id, registration.id],
    });
    const operationNames = (await operationsOf(server.url)).map((op) => `${op.method} ${op.path}`);
    return { ...report, operationNames };
  } finally {
    await server.close();
    await smtp.close();
  }
}
