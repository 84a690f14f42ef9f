// The npm build is tsc's output in dist/ (one module per source file,
// dependencies left external, so bundlers dedupe Lit). This config makes the
// CDN build: one entry file per element with Lit included, for a page that
// has nothing but a <script type="module"> tag. All entries are built
// together so a page using several elements loads Lit, the SDK and the
// schema once (shared chunks), and a locale catalogue is only downloaded by
// pages that ask for that language (lazy chunks).
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { precompress } from './tools/precompress.mjs';

const entries = existsSync('dist/elements') ? readdirSync('dist/elements').filter((f) => /^[a-z-]+\.js$/.test(f) && f !== 'index.js') : [];
// Chunk names carry content hashes: without this, every rebuild would leave the
// previous chunks beside the new ones (and in the package).
rmSync('dist/cdn', { recursive: true, force: true });

export default {
  input: Object.fromEntries(entries.map((f) => [f.replace(/\.js$/, ''), `dist/elements/${f}`])),
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    // The production condition drops Lit's dev-mode warnings and checks.
    nodeResolve({ exportConditions: ['production'], browser: true }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    // Served precompressed by `serve --demo` (and any server that looks for .br/.gz beside a file).
    { name: 'precompress', writeBundle: () => precompress('dist/cdn') },
  ],
};
