// Our own code is linted with typescript-eslint and with unblock itself (dogfooding its built output).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import unblock from 'eslint-plugin-unblock';

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
    // The core serves every adapter: it imports `typescript` and Node's own modules, never an adapter's world.
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['eslint', 'eslint/*', '@eslint/*', '@eslint-community/*', '@typescript-eslint/*', 'typescript-eslint', 'vscode', 'vscode-*'],
              message: 'unblock-core imports only typescript and node:* (adapters live in eslint-plugin/ and language-server/).',
            },
          ],
        },
      ],
    },
  },
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
