/**
 * Bundle sizes, gzip -9 and brotli -11, of what a page downloads: each
 * element's CDN file (Lit and every dependency included), each element and
 * the SDK alone (dependencies external, as a bundler sees the npm package),
 * the finder's first load as an app's bundler (rollup, as Vite builds for
 * production, and esbuild) makes it from the npm package, and a trivial
 * LitElement bundled the same way as the baseline Lit itself costs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
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
  brotliBytes: number;
  /** The baseline row this one is compared with: the trivial LitElement built the same way. */
  baseline: string;
}

const ROLLUP_BASELINE = 'baseline: trivial LitElement (rollup, all-in)';
const ESBUILD_BASELINE = 'baseline: trivial LitElement (esbuild, all-in)';

const gzip = (code: Buffer) => gzipSync(code, { level: 9 }).length;
const brotli = (code: Buffer) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } }).length;

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

const size = (name: string, code: Buffer, baseline = ROLLUP_BASELINE): BundleSize => ({
  name,
  minBytes: code.length,
  gzipBytes: gzip(code),
  brotliBytes: brotli(code),
  baseline,
});

/** Sum of each file's own sizes: what a browser downloads for them, each file compressed on its own. */
function sum(name: string, dir: string, files: string[], baseline = ROLLUP_BASELINE): BundleSize {
  const total = { name, minBytes: 0, gzipBytes: 0, brotliBytes: 0, baseline };
  for (const f of files) {
    const code = readFileSync(join(dir, f));
    total.minBytes += code.length;
    total.gzipBytes += gzip(code);
    total.brotliBytes += brotli(code);
  }
  return total;
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

/**
 * `entry` as an app's rollup build makes it (Vite's production build is
 * rollup): code splitting kept, so `import()` stays a file of its own.
 * Returns the directory written and the entry's file name in it.
 */
async function rollupSplit(entry: string, out: string): Promise<string> {
  const plugins: Plugin[] = [
    nodeResolve({ exportConditions: ['production'], browser: true, modulePaths: [join(root, 'node_modules')] }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
  const build = await rollup({ input: { entry }, plugins, onwarn: () => {} });
  await build.write({ dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await build.close();
  return 'entry.js';
}

/** The same with esbuild, as an esbuild or Vite-dev user bundles it: minified, split, production condition. */
async function esbuildSplit(entry: string, out: string): Promise<string> {
  await esbuild({
    entryPoints: { entry },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    conditions: ['production'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent',
    chunkNames: 'chunks/[name]-[hash]',
  });
  return 'entry.js';
}

/** An element's first load and what it fetches later, as `bundler` builds it from the npm package. */
async function appBuild(
  bundler: (entry: string, out: string) => Promise<string>,
  entry: string,
  label: string,
  baseline: string,
): Promise<BundleSize[]> {
  const out = mkdtempSync(join(tmpdir(), 'peer-app-'));
  const file = await bundler(entry, out);
  const { loaded, lazy } = cdnClosure(out, file);
  return [
    sum(`${label} first load (${loaded.length} files)`, out, loaded, baseline),
    sum(`${label} loaded only when needed`, out, lazy, baseline),
    sum(`${label} static directory search, added only with src`, out, staticAdds(out, loaded), baseline),
  ];
}

/** The files a file imports, itself included, followed through static imports. */
function staticImports(dir: string, file: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  into.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const m of code.matchAll(/(?:import|from)\s*["'](\.[^"']+)["']/g)) staticImports(dir, join(base, m[1]!).replace(/^\.\//, ''), into);
  return into;
}

/**
 * What `<peer-finder src>` downloads that a finder on an API does not: the
 * static directory's chunk and its imports, less the first load and the
 * search parts every search fetches.
 */
function staticAdds(dir: string, loaded: readonly string[]): string[] {
  const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js'));
  const chunk = (prefix: string) => {
    const found = chunks.find((f) => f.startsWith(prefix));
    if (!found) throw new Error(`no ${prefix} chunk in ${dir}`);
    return `chunks/${found}`;
  };
  const have = new Set(loaded);
  for (const f of staticImports(dir, chunk('search-parts-'))) have.add(f);
  return [...staticImports(dir, chunk('static-directory-'))].filter((f) => !have.has(f));
}

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
  results.push(size(ROLLUP_BASELINE, await bundle(baseline, () => false)));
  const esbuildBaseline = mkdtempSync(join(tmpdir(), 'peer-app-'));
  await esbuildSplit(baseline, esbuildBaseline);
  results.push(size(ESBUILD_BASELINE, readFileSync(join(esbuildBaseline, 'entry.js')), ESBUILD_BASELINE));
  results.push(size('SDK alone (ky, zod external)', await bundle(join(root, 'dist/index.js'), bare)));
  results.push(
    size('SDK all-in (ky included; no zod unless the app passes responseSchemas)', await bundle(join(root, 'dist/index.js'), () => false)),
  );
  const validating = join(dir, 'validating.js');
  writeFileSync(
    validating,
    `import { createDirectoryClient } from ${JSON.stringify(join(root, 'dist/index.js'))};\n` +
      `import { responseSchemas } from ${JSON.stringify(join(root, 'dist/schema/index.js'))};\n` +
      `export const client = createDirectoryClient({ baseUrl: '/', validate: responseSchemas });\n`,
  );
  results.push(size('SDK all-in with responseSchemas (ky, zod/mini included)', await bundle(validating, () => false)));
  const finder = join(root, 'dist/elements/finder.js');
  results.push(...(await appBuild(rollupSplit, finder, '<peer-finder> from the npm package, rollup (Vite build):', ROLLUP_BASELINE)));
  results.push(...(await appBuild(esbuildSplit, finder, '<peer-finder> from the npm package, esbuild:', ESBUILD_BASELINE)));
  // A schedule in words costs pages little; its expansion (rrule-temporal and its Temporal polyfill) is for pages that need it.
  const words = join(dir, 'schedule-words.js');
  writeFileSync(words, `export { describeSchedule } from ${JSON.stringify(join(root, 'dist/schedule/describe.js'))};\n`);
  results.push(size('schedule in words: describeSchedule (all-in)', await bundle(words, () => false)));
  const expand = join(dir, 'schedule-expand.js');
  writeFileSync(expand, `export { meetingsOf } from ${JSON.stringify(join(root, 'dist/schedule/occurrences.js'))};\n`);
  results.push(size('schedule expanded: meetingsOf (all-in)', await bundle(expand, () => false)));
  const cdn = join(root, 'dist/cdn');
  for (const file of existsSync(cdn)
    ? readdirSync(cdn)
        .filter((f) => f.endsWith('.js'))
        .sort()
    : []) {
    const tag = `<peer-${file.replace(/\.js$/, '')}>`;
    const { loaded, lazy } = cdnClosure(cdn, file);
    results.push(sum(`${tag} all-in: CDN entry + chunks it imports (${loaded.length} files)`, cdn, loaded));
    results.push(sum(`${tag} loaded only when needed (lazy chunks)`, cdn, lazy));
    if (file === 'finder.js') results.push(sum(`${tag} static directory search, added only with src`, cdn, staticAdds(cdn, loaded)));
    results.push(size(`${tag} alone (deps external)`, await bundle(join(root, 'dist/elements', file), bare)));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measureBundleSizes()) console.log(`${r.name}\t${r.minBytes}\t${r.gzipBytes}\t${r.brotliBytes}`);
}
