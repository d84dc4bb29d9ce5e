/** eslint-plugin-unblock: the plugin object ESLint loads — its rules (adapters over unblock-core) and flat configs. */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import { allCategories } from 'unblock-core/light';
import noBlockingCall from './rules/no-blocking-call.js';
import noIndirectBlockingCall from './rules/no-indirect-blocking-call.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- read at runtime so the version never drifts
const { name, version } = require('../package.json') as { name: string; version: string };

const rules = {
  'no-blocking-call': noBlockingCall,
  'no-indirect-blocking-call': noIndirectBlockingCall,
} satisfies Record<string, TSESLint.RuleModule<string, unknown[]>>;

/**
 * The published type is ESLint's own `ESLint.Plugin` and `Linter.Config` (as eslint-plugin-n does), taken from the
 * `eslint` package the user has installed: the configs then fit `defineConfig(...)` and `Linter.Config[]` of
 * ESLint 9 and 10 alike. typescript-eslint's `FlatConfig` types do not (their `LanguageOptions` lacks ESLint's
 * index signature).
 */
type Plugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: Linter.Config; strict: Linter.Config };
};

const plugin: Plugin = {
  meta: { name, version, namespace: 'unblock' },
  // typescript-eslint's RuleModule is what ESLint runs, but its `create(context)` is typed with typescript-eslint's
  // RuleContext, which TypeScript does not accept for ESLint's RuleDefinition.
  rules: rules as Plugin['rules'],
  configs: {} as Plugin['configs'],
};

plugin.configs.recommended = {
  name: 'unblock/recommended',
  plugins: { unblock: plugin },
  rules: {
    'unblock/no-blocking-call': 'error',
    'unblock/no-indirect-blocking-call': 'error',
  },
};

plugin.configs.strict = {
  name: 'unblock/strict',
  plugins: { unblock: plugin },
  rules: Object.fromEntries(
    Object.keys(rules).map((rule) => [
      `unblock/${rule}`,
      ['error', { categories: Object.fromEntries(allCategories.map((category) => [category, true])) }],
    ]),
  ),
};

export = plugin;
