// The served /openapi.json as its readers use it: Redocly's recommended rules
// pass with nothing to report, every SDK method calls the operation named
// after it (and every operation is an SDK method or said not to be), and
// types generated from it by openapi-typescript fit what the server really
// answers, in a program that calls it with openapi-fetch.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { createAdminClient, createDirectoryClient, type AdminClient, type DirectoryClient } from 'peer-directory';
import type { Schedule } from 'peer-directory/schema';
import { makeRegistrationInput } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/start-server.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

interface Document {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
}

let server: TestServer;
let document: Document;
let work: string;

before(async () => {
  // With the demo site too, as `serve --demo` runs: its pages are not operations.
  server = await startTestServer({ demo: true });
  document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Document;
  // Inside the repository, so the programs written here resolve openapi-fetch from its node_modules.
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'node_modules/.cache/openapi-test-'));
});
after(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** The operation a request reached, by the document's paths. */
function operationOf(method: string, pathname: string): string | undefined {
  for (const [path, operations] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
    if (pattern.test(pathname)) return operations[method.toLowerCase()]?.operationId;
  }
  return undefined;
}

describe('the OpenAPI document', () => {
  test('passes Redocly’s recommended rules with no error and no warning', async () => {
    const file = join(work, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    // No config file in `work`: the recommended rules, named to be sure. Offline, and without telemetry.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const { stdout } = await run(bin('redocly'), ['lint', file, '--extends', 'recommended', '--format', 'json'], { cwd: work, env }).catch(
      (failed: { stdout: string }) => failed,
    );
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
  });

  test('every SDK method calls the operation named after it, and the operations it leaves out are said', async () => {
    const requests: { method: string; pathname: string }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      requests.push({ method: request.method, pathname: new URL(request.url).pathname });
      return fetch(request);
    };
    const options = { baseUrl: server.url, fetch: recording, retry: 0 };
    const directory = createDirectoryClient(options);
    const admin = createAdminClient({ ...options, token: server.adminToken });
    const first = async <T>(all: AsyncIterable<T>) => {
      for await (const item of all) return item;
      return undefined;
    };
    const { groups } = await directory.groups.search({ near: 'LS1 4DY' });
    const group = (await directory.groups.get(groups[0]!.id))!;
    const schedule: Schedule = group.schedule;
    const { id: _id, updatedAt: _updatedAt, ...details } = group;
    let registrationId = '';
    const publicCalls: Record<string, (client: DirectoryClient) => Promise<unknown>> = {
      'groups.search': (c) => c.groups.search({ near: 'LS1 4DY' }),
      'groups.searchAll': (c) => first(c.groups.searchAll({ near: 'LS1 4DY' })),
      'groups.everywhere': (c) => c.groups.everywhere({}),
      'groups.everywhereAll': (c) => first(c.groups.everywhereAll({})),
      'groups.get': (c) => c.groups.get(group.id),
      'groups.meetings': (c) => c.groups.meetings(group.id),
      'groups.previewSchedule': (c) => c.groups.previewSchedule({ schedule }),
      taxonomy: (c) => c.taxonomy(),
      geocode: (c) => c.geocode('LS1 4DY'),
      'registrations.create': (c) => c.registrations.create(makeRegistrationInput()),
      // This server sends no email: these answer 503, after reaching their operation.
      'reminders.request': (c) => c.reminders.request(group.id, { email: 'sam@example.org', reminders: ['day'] }),
      'reminders.confirm': (c) => c.reminders.confirm('a-token-that-was-never-sent'),
      'reminders.unsubscribe': (c) => c.reminders.unsubscribe('a-token-that-was-never-sent'),
    };
    const adminCalls: Record<string, (client: AdminClient) => Promise<unknown>> = {
      'registrations.list': async (c) => (registrationId = (await c.registrations.list({ status: 'pending' }))[0]!.id),
      'registrations.get': (c) => c.registrations.get(registrationId),
      'registrations.reject': (c) => c.registrations.reject(registrationId, 'Please add where the group meets.'),
      'registrations.approve': (c) => c.registrations.approve(registrationId),
      'groups.update': (c) => c.groups.update(group.id, details),
      'groups.archive': (c) => c.groups.archive(group.id),
      audit: (c) => c.audit(),
      outbox: (c) => c.outbox(),
      retryEmail: (c) => c.retryEmail(1),
    };

    const reached = new Map<string, string>();
    async function callEach<C extends object>(client: C, calls: Record<string, (client: C) => Promise<unknown>>, prefix: string) {
      assert.deepEqual(Object.keys(calls).sort(), methodsOf(client).sort(), `${prefix || 'directory'} client methods`);
      for (const [name, call] of Object.entries(calls)) {
        requests.length = 0;
        await call(client).catch((error: Error) => assert.ok('status' in error, `${name}: ${error.message}`));
        const operations = new Set(requests.map((r) => operationOf(r.method, r.pathname)));
        assert.equal(operations.size, 1, `${name} reaches one operation: ${JSON.stringify(requests)}`);
        // A method ending in All pages through the operation of the one without.
        const expected = `${prefix}${name.replace(/All$/, '')}`;
        assert.equal([...operations][0], expected, `${prefix}${name} calls ${JSON.stringify(requests)}`);
        reached.set(expected, `${prefix}${name}`);
      }
    }
    await callEach(directory, publicCalls, '');
    await callEach(admin, adminCalls, 'admin.');

    // Not SDK methods: a file for calendars, pages a person's email opens, the load balancer's check, another standard's feed.
    const notInSdk = ['groups.calendar', 'reminders.confirmPage', 'reminders.unsubscribePage', 'health'];
    const operationIds = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    const expected = operationIds.filter((id) => !notInSdk.includes(id) && !id.startsWith('openReferral.'));
    assert.deepEqual([...reached.keys()].sort(), expected.sort());
  });

  test('types generated by openapi-typescript fit the real answers, and an openapi-fetch program using them runs', async () => {
    await writeFile(join(work, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(work, 'api.d.ts'), astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0])));

    // Real answers, each written as a value of the type generated for its operation and status.
    const answers: string[] = [];
    async function answer(path: string, method: string, status: number, url: string, init: RequestInit = {}, type = 'application/json') {
      const response = await fetch(`${server.url}${url}`, { ...init, method: method.toUpperCase() });
      assert.equal(response.status, status, `${method} ${url}`);
      const text = await response.text();
      answers.push(`export const a${answers.length}: Answer<'${path}', '${method}', ${status}, '${type}'> = ${text};`);
      return JSON.parse(text) as unknown;
    }
    const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const staff = { headers: { authorization: `Bearer ${server.adminToken}` } };
    const search = (await answer('/v1/groups', 'get', 200, '/v1/groups?near=LS1%204DY')) as { groups: { id: string }[] };
    const id = search.groups[0]!.id;
    const group = (await answer('/v1/groups/{id}', 'get', 200, `/v1/groups/${id}`)) as { id: string; updatedAt: string; schedule: unknown };
    await answer('/v1/everywhere', 'get', 200, '/v1/everywhere');
    await answer('/v1/groups/{id}/meetings', 'get', 200, `/v1/groups/${id}/meetings`);
    await answer('/v1/schedules/preview', 'post', 200, '/v1/schedules/preview', json({ schedule: group.schedule }));
    await answer('/v1/taxonomy', 'get', 200, '/v1/taxonomy');
    await answer('/v1/geocode', 'get', 200, '/v1/geocode?q=Newport');
    await answer('/healthz', 'get', 200, '/healthz');
    await answer('/v1/registrations', 'post', 202, '/v1/registrations', json(makeRegistrationInput()));
    const [pending] = (
      (await answer('/v1/admin/registrations', 'get', 200, '/v1/admin/registrations?status=pending', staff)) as {
        registrations: { id: string }[];
      }
    ).registrations;
    await answer('/v1/admin/registrations/{id}', 'get', 200, `/v1/admin/registrations/${pending!.id}`, staff);
    await answer('/v1/admin/registrations/{id}/approve', 'post', 200, `/v1/admin/registrations/${pending!.id}/approve`, staff);
    await answer('/v1/admin/audit', 'get', 200, '/v1/admin/audit', staff);
    await answer('/v1/admin/outbox', 'get', 200, '/v1/admin/outbox', staff);
    await answer('/v1/groups/{id}', 'get', 404, '/v1/groups/no-such-group', {}, 'application/problem+json');
    await answer('/v1/groups', 'get', 400, '/v1/groups?near=LS1%204DY&radius=900', {}, 'application/problem+json');
    await answer('/v1/geocode', 'get', 422, '/v1/geocode?q=ZZ99%209ZZ', {}, 'application/problem+json');
    await answer('/v1/admin/audit', 'get', 401, '/v1/admin/audit', {}, 'application/problem+json');
    await writeFile(
      join(work, 'answers.ts'),
      [
        "import type { paths } from './api.js';",
        '/** The body of an answer, as generated: never for a status or media type the document does not list. */',
        'type Answer<P extends keyof paths, M extends keyof paths[P], S extends number, T extends string> =',
        '  paths[P][M] extends { responses: infer R } ? S extends keyof R ? R[S] extends { content: infer C } ? T extends keyof C ? C[T] : never : never : never : never;',
        ...answers,
        '// The generated types do tell answers apart: a unit the document does not allow fails.',
        `// @ts-expect-error`,
        `export const wrong: Answer<'/v1/groups', 'get', 200, 'application/json'> = { ...a0, units: 'miles' };`,
      ].join('\n'),
    );
    await writeFile(
      join(work, 'client.ts'),
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from './api.js';",
        'const client = createClient<paths>({ baseUrl: process.argv[2] });',
        "const { data, error } = await client.GET('/v1/groups', { params: { query: { near: 'LS1 4DY', radius: 5 } } });",
        'if (error || !data) throw new Error(`search failed: ${JSON.stringify(error)}`);',
        'const first = data.groups[0];',
        "if (!first) throw new Error('no group near LS1 4DY');",
        "const group = await client.GET('/v1/groups/{id}', { params: { path: { id: first.id } } });",
        'const missing = await client.GET(\'/v1/groups/{id}\', { params: { path: { id: "no-such-group" } } });',
        "if (missing.response.status !== 404 || missing.error?.type !== '/problems/not-found') throw new Error('a missing group is a 404 problem');",
        'console.log(JSON.stringify({ name: group.data?.name, distance: first.distance, units: data.units }));',
      ].join('\n'),
    );
    await writeFile(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom'],
          types: ['node'],
          skipLibCheck: true,
        },
        include: ['*.ts'],
      }),
    );
    const tsc = await run(bin('tsc'), ['-p', work]).then(
      () => '',
      (failed: { stdout: string }) => failed.stdout,
    );
    assert.equal(tsc, '', 'tsc finds the real answers and the program fit the generated types');

    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(work, 'client.ts'), server.url], { cwd: ROOT });
    const printed = JSON.parse(stdout) as { name: string; distance: number; units: string };
    assert.equal(printed.units, 'mi');
    assert.equal(printed.name, (group as { name?: string }).name);
  });
});

/** The names of an SDK client's methods, nested resources dotted: `groups.search`. */
function methodsOf(client: object, prefix = ''): string[] {
  return Object.entries(client).flatMap(([key, value]) =>
    typeof value === 'function'
      ? [`${prefix}${key}`]
      : value && typeof value === 'object'
        ? methodsOf(value as object, `${prefix}${key}.`)
        : [],
  );
}
