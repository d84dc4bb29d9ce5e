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
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
