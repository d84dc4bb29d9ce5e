/**
 * The plugin's `createRule` against typescript-eslint's `RuleCreator`, on both rules: the same module (meta with the
 * docs URL, name, defaultOptions) and the same options handed to `create` for what users write.
 */
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { ruleDocsUrl } from 'unblock-core/light';
import { describe, expect, it } from 'vitest';
import noBlockingCall from '../../src/rules/no-blocking-call.js';
import noIndirectBlockingCall from '../../src/rules/no-indirect-blocking-call.js';
import { createRule } from '../../src/util/create-rule.js';

const ruleCreator = ESLintUtils.RuleCreator(ruleDocsUrl);

/** Users' options: none, empty, flat, nested (categories), lists (allow / deny), and the indirect rule's limits. */
const userOptions: unknown[][] = [
  [],
  [{}],
  [{ context: 'function' }],
  [{ categories: { console: true, require: false } }],
  [{ allow: [{ from: 'package', package: 'fs', name: 'existsSync' }], deny: ['slowHash'] }],
  [{ maxDepth: 2 }],
  [{ maxDepth: 3, maxFunctionSize: 10, categories: { console: true } }],
];

describe('createRule', () => {
  for (const [name, rule] of Object.entries({ 'no-blocking-call': noBlockingCall, 'no-indirect-blocking-call': noIndirectBlockingCall })) {
    it(`makes ${name} as RuleCreator does`, () => {
      const seen: { ours: unknown[]; theirs: unknown[] } = { ours: [], theirs: [] };
      const spec = (into: unknown[]) => ({
        name,
        meta: rule.meta as never,
        defaultOptions: rule.defaultOptions as never,
        create: (_context: unknown, options: unknown) => (into.push(options), {}),
      });
      const ours = createRule(spec(seen.ours));
      const theirs = ruleCreator(spec(seen.theirs));
      expect({ ...ours, create: undefined }).toEqual({ ...theirs, create: undefined });
      expect(ours.meta.docs?.url).toBe(ruleDocsUrl(name));
      for (const options of userOptions) {
        const context = { options } as unknown as Readonly<TSESLint.RuleContext<never, never>>;
        ours.create(context as never);
        theirs.create(context as never);
      }
      expect(seen.ours).toEqual(seen.theirs);
      expect(seen.ours).toHaveLength(userOptions.length);
    });
  }
});
