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
    nodeResolve({ exportConditions: ['production'], browser: true, rootDir: root }),
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
  const cdn = join(root, 'dist/cdn');
  for (const file of existsSync(cdn) ? readdirSync(cdn).filter((f) => f.endsWith('.js')).sort() : []) {
    const tag = `<peer-${file.replace(/\.js$/, '')}>`;
    results.push(size(`${tag} all-in (CDN file)`, readFileSync(join(cdn, file))));
    results.push(size(`${tag} alone (deps external)`, await bundle(join(root, 'dist/elements', file), bare)));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measureBundleSizes()) console.log(`${r.name}\t${r.minBytes}\t${r.gzipBytes}`);
}
