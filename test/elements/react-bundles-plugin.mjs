// React ships CommonJS only, which the test server does not convert, and two
// React versions cannot both be node_modules/react. So the React stories
// load React, react-dom and peer-directory/react (from src/react) as one
// bundle made here with esbuild for the version asked for: /__react/19.js
// with the repository's React, /__react/18.js with test/react-18's.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const reactDirs = { 18: new URL('../react-18/', import.meta.url), 19: new URL('../../', import.meta.url) };

/** @param {'18' | '19'} version */
async function bundle(version) {
  const require = createRequire(new URL('package.json', reactDirs[version]));
  const result = await build({
    entryPoints: [new URL('./react-harness.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // The same settings as the test server's TypeScript (Lit's decorators) and its production Lit.
    tsconfig: new URL('../../tsconfig.base.json', import.meta.url).pathname,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"development"' },
    // package.json "sideEffects" names the built entries (dist/), not these
    // sources: without this, esbuild would drop the entries' customElements.define.
    ignoreAnnotations: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'react-version',
        setup(b) {
          b.onResolve({ filter: /^(react|react-dom)(\/.*)?$/ }, (args) => ({ path: require.resolve(args.path) }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

export function reactBundlesPlugin() {
  const bundles = new Map();
  return {
    name: 'peer-react-bundles',
    async serve(context) {
      const version = /^\/__react\/(18|19)\.js$/.exec(context.path)?.[1];
      if (!version) return undefined;
      if (!bundles.has(version)) bundles.set(version, bundle(version));
      return { body: await bundles.get(version), type: 'js' };
    },
  };
}
