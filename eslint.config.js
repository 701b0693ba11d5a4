// @ts-check
// ESLint's recommended rules, typescript-eslint's strict ones (plus the type-aware promise rules, which
// find real bugs and cost little) and eslint-plugin-astro's recommended rules. Formatting is Prettier's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist.old-*/', '.handbook-build-*/', '.astro/', 'test-results/', 'screenshots/', 'tests/fixtures/', 'content/'] },
  js.configs.recommended,
  tseslint.configs.strict,
  astro.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    // TypeScript's noUncheckedIndexedAccess makes `!` the plain way to say "this index exists" after a check.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Code that runs in the reader's browser (page scripts, the service worker).
  {
    files: ['src/scripts/**', 'src/integration/service-worker.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async event listener that handles its own errors is fine; a promise where a boolean is expected is not.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
);
