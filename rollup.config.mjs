// The npm build is tsc's output in dist/ (one module per source file,
// dependencies left external, so bundlers dedupe Lit). This config makes the
// CDN build: one self-contained file per element with Lit included, for a
// page that has nothing but a <script type="module"> tag.
import { readdirSync, existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const entries = existsSync('dist/elements')
  ? readdirSync('dist/elements').filter((f) => /^[a-z-]+\.js$/.test(f) && f !== 'index.js')
  : [];

const plugins = [
  // The production condition drops Lit's dev-mode warnings and checks.
  nodeResolve({ exportConditions: ['production'], browser: true }),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

export default entries.map((file) => ({
  input: `dist/elements/${file}`,
  output: { file: `dist/cdn/${file}`, format: 'es', inlineDynamicImports: true },
  plugins,
}));
