// The Custom Elements Manifest (dist/custom-elements.json, package.json
// "customElements"): every element's attributes, properties, events, slots,
// CSS parts and custom properties, read from the classes' declarations and
// JSDoc by @custom-elements-manifest/analyzer. test/node/custom-elements-manifest.test.ts
// and test/elements/entries.test.ts fail when something public is missing.

/**
 * Styles shared by several elements (the design tokens) document, once, on
 * their own `css` variable, the custom properties and attributes they read
 * (`@cssprop`, `@attribute`); every element whose `static styles` lists that
 * variable gets those entries, so the tokens are not copied into six classes.
 */
function sharedStyleDocs() {
  const shared = new Map(); // variable name -> { cssProperties, attributes }
  const refs = new Map(); // variable or class name -> identifiers in its value or its `static styles`
  const identifiers = (node) => node.getText().match(/[A-Za-z_$][\w$]*/g) ?? [];
  // An element reads the styles its `static styles` names, and the ones those name (`[formStyles, layout]`).
  const reached = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const next of refs.get(name) ?? []) reached(next, seen);
    return seen;
  };
  return {
    name: 'peer-shared-style-docs',
    analyzePhase({ ts, node }) {
      if (ts.isVariableStatement(node)) {
        for (const declaration of node.declarationList.declarations) {
          if (declaration.initializer) refs.set(declaration.name.getText(), identifiers(declaration.initializer));
        }
        const docs = { cssProperties: [], attributes: [] };
        for (const tag of ts.getJSDocTags(node.declarationList.declarations[0])) {
          const text = typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((c) => c.text).join('');
          // `{type} name - description` or `[name=default] - description`, as the analyzer reads them on classes.
          const found = /^(?:\{([^}]*)\}\s*)?\[?([^\s=\]]+)(?:=([^\]]+))?\]?\s*(?:-\s*)?([\s\S]*)$/.exec(text.trim());
          if (!found) continue;
          const [, type, name, value, description] = found;
          const entry = {
            name,
            description: description.replace(/\s+/g, ' ').trim(),
            ...(type ? { type: { text: type } } : {}),
            ...(value ? { default: value } : {}),
          };
          if (tag.tagName.text === 'cssprop') docs.cssProperties.push(entry);
          if (tag.tagName.text === 'attribute') docs.attributes.push(entry);
        }
        if (docs.cssProperties.length || docs.attributes.length) {
          for (const declaration of node.declarationList.declarations) shared.set(declaration.name.getText(), docs);
        }
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const styles = node.members.find(
          (m) =>
            ts.isPropertyDeclaration(m) &&
            m.name.getText() === 'styles' &&
            m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
        );
        if (styles?.initializer) refs.set(node.name.text, identifiers(styles.initializer));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const element of mod.declarations ?? []) {
          if (!element.customElement) continue;
          for (const identifier of reached(element.name)) {
            const docs = shared.get(identifier);
            if (!docs) continue;
            for (const key of ['cssProperties', 'attributes']) {
              element[key] ??= [];
              for (const entry of docs[key]) {
                const own = element[key].find((e) => e.name === entry.name);
                if (own) own.default ??= entry.default;
                else element[key].push({ ...entry });
              }
            }
          }
        }
      }
    },
  };
}

/** Module paths as published: `dist/…/x.js`, the files a tool can import, not the TypeScript sources. */
function publishedPaths() {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (!value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof v === 'string') value[key] = v.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
      else rewrite(v);
    }
  };
  return { name: 'peer-published-paths', packageLinkPhase: ({ customElementsManifest }) => rewrite(customElementsManifest) };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/locales/**'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite the file on every build.
  packagejson: false,
  plugins: [sharedStyleDocs(), publishedPaths()],
};
