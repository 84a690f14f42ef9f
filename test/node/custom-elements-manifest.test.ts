/**
 * The Custom Elements Manifest (dist/custom-elements.json, written by the
 * build) is what editors, Storybook and framework wrappers read to learn the
 * elements' public surface. These stories compare it with the element
 * sources: every event an element declares (HTMLElementEventMap) is listed
 * with its `detail` type, every part and slot in a template is listed on its
 * element, and everything listed says what it is for. Properties, attributes
 * and custom properties are compared with the live classes in Chromium
 * (test/elements/entries.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

interface Entry {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration extends Entry {
  summary?: string;
  tagName?: string;
  customElement?: boolean;
  events?: Entry[];
  slots?: Entry[];
  cssParts?: Entry[];
  cssProperties?: Entry[];
  attributes?: Entry[];
  members?: (Entry & { kind: string; privacy?: string; static?: boolean })[];
}

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { customElements: string; files: string[] };
const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

/** The element sources: `src/elements/<folder>/*.ts` belongs to `<peer-folder>`; `shared/` and `styles/` to several. */
const elementsDir = join(root, 'src/elements');
const sources = readdirSync(elementsDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.startsWith(`locales${sep}`))
  .map((f) => ({
    file: relative(root, join(elementsDir, f)),
    folder: f.includes(sep) ? f.split(sep)[0]! : '',
    text: readFileSync(join(elementsDir, f), 'utf8'),
  }));
const ownerOf = (folder: string) => elements.find((e) => e.tagName === `peer-${folder}`);

/** Part names a template gives: `part="a b"`, `part='a'`, and the literals in `part=${cond ? 'x' : 'y'}`. */
function partsIn(text: string): string[] {
  const names: string[] = [];
  for (const [, value] of text.matchAll(/\bpart=("[^"]*"|'[^']*'|\$\{[^}]*\})/g)) {
    const tokens = value!.startsWith('${') ? [...value!.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : value!.slice(1, -1).split(/\s+/);
    names.push(...tokens.filter((t) => /^[a-z][a-z-]*$/.test(t)));
  }
  return [...new Set(names)];
}

describe('the Custom Elements Manifest', () => {
  test('is published and named in package.json', () => {
    assert.ok(
      pkg.files.some((f) => pkg.customElements.startsWith(`${f}/`)),
      `${pkg.customElements} is in "files"`,
    );
    assert.ok(elements.length >= 6, 'it lists the elements');
    for (const element of elements) assert.ok(element.description || element.summary, `<${element.tagName}> says what it is`);
  });

  test('lists every event an element declares, with its detail type, and no other', () => {
    const declared = new Map<string, string>();
    for (const { text } of sources) {
      for (const [, body] of text.matchAll(/interface HTMLElementEventMap \{([^}]*)\}/g)) {
        for (const [, name, type] of body!.matchAll(/'([\w-]+)':\s*([^;]+);/g)) declared.set(name!, type!.trim());
      }
    }
    const dispatched = new Set(
      sources.flatMap(({ text }) => [...text.matchAll(/(?:new CustomEvent(?:<[^>]+>)?|emit)\(\s*'([\w-]+)'/g)].map((m) => m[1]!)),
    );
    for (const name of dispatched) assert.ok(declared.has(name), `${name} is dispatched, so it is declared in HTMLElementEventMap`);

    const listed = elements.flatMap((e) => (e.events ?? []).map((event) => ({ ...event, element: e.tagName })));
    for (const [name, type] of declared) {
      const entries = listed.filter((e) => e.name === name);
      assert.ok(entries.length > 0, `${name} is listed on the element that fires it`);
      for (const entry of entries) {
        assert.equal(entry.type?.text, type, `${name} on <${entry.element}> has its detail type`);
        assert.ok(entry.description, `${name} on <${entry.element}> says when it fires`);
      }
    }
    const unknown = listed.filter((e) => !declared.has(e.name)).map((e) => `${e.name} on <${e.element}>`);
    assert.deepEqual(unknown, [], 'every listed event is a real one');
  });

  test('lists every CSS part and slot a template gives, on its element', () => {
    const missing: string[] = [];
    for (const { file, folder, text } of sources) {
      const owner = ownerOf(folder);
      const candidates = owner ? [owner] : elements;
      for (const part of partsIn(text)) {
        if (!candidates.some((e) => e.cssParts?.some((p) => p.name === part))) missing.push(`part ${part} (${file})`);
      }
      for (const [, name] of text.matchAll(/<slot(?:\s+name="([\w-]+)")?/g)) {
        if (!candidates.some((e) => e.slots?.some((s) => s.name === (name ?? '')))) missing.push(`slot ${name ?? '(default)'} (${file})`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('says what every listed attribute, public property and method, event, slot, part and custom property is for', () => {
    const undocumented = elements.flatMap((e) => [
      ...(['attributes', 'events', 'slots', 'cssParts', 'cssProperties'] as const).flatMap((kind) =>
        (e[kind] ?? []).filter((entry) => !entry.description?.trim()).map((entry) => `<${e.tagName}> ${kind} ${entry.name}`),
      ),
      ...(e.members ?? [])
        .filter((m) => !m.privacy && !m.static && !m.description?.trim())
        .map((m) => `<${e.tagName}> ${m.kind} ${m.name}`),
    ]);
    assert.deepEqual(undocumented, []);
  });
});
