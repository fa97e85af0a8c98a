// ESLint: JavaScript's and typescript-eslint's recommended rules over the web code, its tests,
// the scripts and the benchmarks. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import docNames from './scripts/eslint-doc-names.mjs';

export default tseslint.config(
  { ignores: ['**/dist/', 'build/', 'node_modules/', 'test-artifacts/', 'web/src/engine/generated/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { interleave: { rules: { 'doc-names': docNames } } },
    rules: {
      'interleave/doc-names': 'error',
      // A leading underscore marks an argument or binding kept for its position or to drop it from a rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
