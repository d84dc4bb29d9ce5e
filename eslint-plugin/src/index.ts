/** eslint-plugin-unblock: the plugin object ESLint loads — its rules (adapters over unblock-core) and flat configs. */
import type { TSESLint } from '@typescript-eslint/utils';
import { allCategories } from 'unblock-core/light';
import noBlockingCall from './rules/no-blocking-call.js';
import noIndirectBlockingCall from './rules/no-indirect-blocking-call.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- read at runtime so the version never drifts
const { name, version } = require('../package.json') as { name: string; version: string };

const rules = {
  'no-blocking-call': noBlockingCall,
  'no-indirect-blocking-call': noIndirectBlockingCall,
} satisfies Record<string, TSESLint.RuleModule<string, unknown[]>>;

type Plugin = TSESLint.FlatConfig.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
};

const plugin: Plugin = {
  meta: { name, version, namespace: 'unblock' },
  rules,
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
