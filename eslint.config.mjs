// ESLint for every TypeScript and JavaScript file the project writes:
// typescript-eslint's recommended rules everywhere, and for the elements Lit's,
// web components' and lit-a11y's recommended rules. Formatting is Prettier's
// job (`npm run format:check`), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'docs/reference/',
      'server/demo/',
      'server/data/',
      'bench/results/',
      'test/screenshots/',
      'src/elements/locales/generated/',
      '.wireit/',
      'data/',
      'tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a value taken apart only to leave it out (`const { trap: _trap, ...kept } = input`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Chai's assertions are property reads: `expect(shown).to.be.true`.
    files: ['test/elements/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/elements/**/*.ts', 'test/elements/**/*.ts', 'demo/**/*.{ts,js,mjs}'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...litA11y.configs.recommended,
  },
);
