// The package's entry points as an adopter imports them (by package name, so
// through package.json "exports" to the built files), checked against the
// Custom Elements Manifest the build writes: the SDK defines no element,
// `peer-directory/elements` defines every element the manifest lists, and
// every property, attribute and custom property an element really has is
// documented in the manifest. Nothing else is imported first: this page's
// registry starts empty.
import { expect } from '@open-wc/testing';
import type { LitElement, PropertyDeclaration } from 'lit';

interface Entry {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration extends Entry {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: (Entry & { fieldName?: string })[];
  members?: (Entry & { kind: string; privacy?: string; static?: boolean })[];
  cssProperties?: Entry[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}
type ElementClass = typeof LitElement & { elementProperties: Map<PropertyKey, PropertyDeclaration> };

let elements: Declaration[] = [];

before(async () => {
  const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as Manifest;
  elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
});

describe('entry points', () => {
  it('importing the SDK defines no element, and peer-directory/elements then defines every one', async () => {
    expect(elements.length, 'the manifest lists the elements').to.be.greaterThanOrEqual(6);

    const sdk = await import('peer-directory');
    expect(sdk.createDirectoryClient).to.be.a('function');
    expect(elements.filter((e) => customElements.get(e.tagName!)).map((e) => e.tagName)).to.deep.equal([]);

    const all = (await import('peer-directory/elements')) as unknown as Record<string, unknown>;
    for (const element of elements) {
      expect(customElements.get(element.tagName!), `<${element.tagName}>`).to.equal(all[element.name]);
    }
  });

  it("an element's own entry, loaded as well, defines nothing twice", async () => {
    const { PeerFinder } = await import('peer-directory/elements/finder.js');
    const { PeerFinder: same } = await import('peer-directory/elements');
    expect(PeerFinder).to.equal(same);
    expect(customElements.get('peer-finder')).to.equal(PeerFinder);
  });
});

describe('the Custom Elements Manifest', () => {
  before(() => import('peer-directory/elements'));

  it('documents, with a type, every property and attribute each element has', () => {
    const missing: string[] = [];
    for (const element of elements) {
      const cls = customElements.get(element.tagName!) as ElementClass;
      for (const [key, options] of cls.elementProperties) {
        if (options.state) continue;
        const name = String(key);
        const member = element.members?.find((m) => m.kind === 'field' && m.name === name && !m.static);
        if (!member?.description || !member.type || member.privacy) missing.push(`${element.tagName}.${name}`);
        if (options.attribute === false) continue;
        const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
        const documented = element.attributes?.find((a) => a.name === attribute);
        if (!documented?.description || !documented.type) missing.push(`<${element.tagName} ${attribute}>`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('documents every --peer-* custom property each element reads', () => {
    const missing: string[] = [];
    for (const element of elements) {
      const cls = customElements.get(element.tagName!) as ElementClass;
      const css = cls.elementStyles.map((s) => ('cssText' in s ? s.cssText : '')).join('\n');
      const used = new Set([...css.matchAll(/var\(\s*(--peer-[\w-]+)/g)].map((m) => m[1]!));
      for (const property of used) {
        const documented = element.cssProperties?.find((p) => p.name === property);
        if (!documented?.description) missing.push(`${element.tagName} ${property}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
