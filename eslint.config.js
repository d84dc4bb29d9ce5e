// Our own code is linted with typescript-eslint and with unblock itself (dogfooding its built output).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import unblock from 'eslint-plugin-unblock';

/** The modules of core/src/analysis that need TypeScript. */
const typedAnalysis = ['detect', 'resolve', 'origin', 'summaries', 'jsdoc-tags', 'import-origin', 'project-functions', 'memoized', 'preliminary'];
// The core serves every adapter: it imports `typescript` and Node's own modules, never an adapter's world.
const adapterImports = {
  group: ['eslint', 'eslint/*', '@eslint/*', '@eslint-community/*', '@typescript-eslint/*', 'typescript-eslint', 'vscode', 'vscode-*'],
  message: 'unblock-core imports only typescript and node:* (adapters live in eslint-plugin/ and language-server/).',
};

export default defineConfig(
  { ignores: ['**/dist/', '**/node_modules/', 'fixtures/', 'artifacts/', '.eval-cache/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  unblock.configs.recommended,
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [adapterImports],
        },
      ],
    },
  },
  ...[
    // `unblock-core/light` and what it loads: the untyped engine's part of the core, which must load no TypeScript
    // (types only) and none of the typed analysis (tests/plugin-load.test.ts checks the built result). The typed
    // analysis is named by its folder from outside it (the catalog's own `./resolve.js` is the `resolve` package's
    // data) and by its file names from the light modules inside it.
    {
      files: ['core/src/{light,contracts,options,messages,finding,specifier,schema}.ts', 'core/src/catalog/**/*.ts'],
      typed: ['**/analysis/*', '!**/analysis/context.js', '!**/analysis/match.js'],
    },
    { files: ['core/src/analysis/{context,match}.ts'], typed: typedAnalysis.map((name) => `./${name}.js`) },
  ].map(({ files, typed }) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            adapterImports,
            {
              group: ['typescript', ...typed, '**/syntax/*', '**/fixes/*', '**/incremental/*'],
              allowTypeImports: true,
              message: 'unblock-core/light loads no TypeScript: import only types from the typed analysis.',
            },
          ],
        },
      ],
    },
  })),
  {
    // A command line runs one task at a time: no other work waits on its event loop, and the compiler API it
    // drives reads files synchronously anyway.
    files: ['cli/src/**/*.ts'],
    rules: { 'unblock/no-blocking-call': 'off', 'unblock/no-indirect-blocking-call': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
