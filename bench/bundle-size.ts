/**
 * Bundle sizes, gzip -9, of what a page downloads: each element's CDN file
 * (Lit and every dependency included), each element and the SDK alone
 * (dependencies external, as a bundler sees the npm package), and a trivial
 * LitElement bundled the same way as the baseline Lit itself costs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup, type Plugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserPlugin from '@rollup/plugin-terser';

// The plugin's types are CommonJS-shaped; under NodeNext its default export is the module.
const terser = terserPlugin as unknown as (options: object) => Plugin;

const root = resolve(import.meta.dirname, '..');

export interface BundleSize {
  name: string;
  minBytes: number;
  gzipBytes: number;
}

async function bundle(input: string, external: (id: string) => boolean): Promise<Buffer> {
  const plugins: Plugin[] = [
    nodeResolve({ exportConditions: ['production'], browser: true, modulePaths: [join(root, 'node_modules')] }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
  const build = await rollup({ input, external, plugins, onwarn: () => {} });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return Buffer.from(output[0].code);
}

const size = (name: string, code: Buffer): BundleSize => ({
  name,
  minBytes: code.length,
  gzipBytes: gzipSync(code, { level: 9 }).length,
});

/** Sum of each file's own min and gzip size: what a browser downloads for them. */
function sum(dir: string, files: string[]): Omit<BundleSize, 'name'> {
  let minBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const code = readFileSync(join(dir, f));
    minBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { minBytes, gzipBytes };
}

/**
 * The files a page downloads for one CDN entry before it can run (static
 * imports, followed transitively) and those it may fetch later (`import()`).
 */
function cdnClosure(dir: string, entry: string): { loaded: string[]; lazy: string[] } {
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const rel = (spec: string) => join(base, spec).replace(/^\.\//, '');
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.[^"']+)["']/g)) visit(rel(m[1]!));
    for (const m of code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)) lazy.add(rel(m[1]!));
  };
  visit(entry);
  // A lazy chunk's own static imports come with it, unless the page has them already.
  for (const file of [...lazy]) {
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.[^"']+)["']/g)) lazy.add(join(base, m[1]!));
  }
  return { loaded: [...loaded], lazy: [...lazy].filter((f) => !loaded.has(f)) };
}

const bare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** Measure every bundle; `npm run build` must have run. */
export async function measureBundleSizes(): Promise<BundleSize[]> {
  const results: BundleSize[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'peer-bundle-'));
  const baseline = join(dir, 'baseline.js');
  writeFileSync(
    baseline,
    `import { LitElement, html } from 'lit';\n` +
      `class X extends LitElement { render() { return html\`<p>hi</p>\`; } }\n` +
      `customElements.define('x-baseline', X);\n`,
  );
  results.push(size('baseline: trivial LitElement (all-in)', await bundle(baseline, () => false)));
  results.push(size('SDK alone (ky, zod external)', await bundle(join(root, 'dist/index.js'), bare)));
  results.push(size('SDK all-in (ky, zod/mini included)', await bundle(join(root, 'dist/index.js'), () => false)));
  // A schedule in words costs pages little; its expansion (rrule-temporal and its Temporal polyfill) is for pages that need it.
  const words = join(dir, 'schedule-words.js');
  writeFileSync(words, `export { describeSchedule } from ${JSON.stringify(join(root, 'dist/schedule/describe.js'))};\n`);
  results.push(size('schedule in words: describeSchedule (all-in)', await bundle(words, () => false)));
  const expand = join(dir, 'schedule-expand.js');
  writeFileSync(expand, `export { meetingsOf } from ${JSON.stringify(join(root, 'dist/schedule/occurrences.js'))};\n`);
  results.push(size('schedule expanded: meetingsOf (all-in)', await bundle(expand, () => false)));
  const cdn = join(root, 'dist/cdn');
  for (const file of existsSync(cdn) ? readdirSync(cdn).filter((f) => f.endsWith('.js')).sort() : []) {
    const tag = `<peer-${file.replace(/\.js$/, '')}>`;
    const { loaded, lazy } = cdnClosure(cdn, file);
    results.push({ name: `${tag} all-in: CDN entry + chunks it imports (${loaded.length} files)`, ...sum(cdn, loaded) });
    results.push({ name: `${tag} loaded only when needed (lazy chunks)`, ...sum(cdn, lazy) });
    results.push(size(`${tag} alone (deps external)`, await bundle(join(root, 'dist/elements', file), bare)));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measureBundleSizes()) console.log(`${r.name}\t${r.minBytes}\t${r.gzipBytes}`);
}
