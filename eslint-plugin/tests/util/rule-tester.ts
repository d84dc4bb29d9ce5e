/** Running the rules in tests: typescript-eslint's RuleTester (typed and untyped), and a typed lint of both rules. */
import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../../src/index.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** The typed fixture project: virtual code is linted as `file.ts` inside it, with real node_modules types. */
export const typedFixtureDir = path.resolve(__dirname, '../../../fixtures/typed');

/** The same with `@types/node@24` instead of 20, for APIs that Node 20 lacks. */
export const typedNode24FixtureDir = path.resolve(__dirname, '../../../fixtures/typed-node24');

export function typedRuleTester(fixtureDir = typedFixtureDir): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: fixtureDir,
      },
    },
  });
}

/** The same rule with the default parser settings and no type information. */
export function untypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: {} },
  });
}

/**
 * ESLint's messages for `code` linted as `filename` of a typed fixture folder (`dir`, default fixtures/typed), with
 * the plugin's rules as `rules` configures them (and `settings`): what a user's config runs, rules side by side.
 */
export function lintTyped(
  code: string,
  { dir = typedFixtureDir, filename = 'file.ts', rules, settings }: { dir?: string; filename?: string; rules: Linter.RulesRecord; settings?: Record<string, unknown> },
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
        languageOptions: {
          parser: tseslint.parser,
          // Virtual code over on-disk fixture files: never the CI single-run mode that reads files from disk.
          parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir, disallowAutomaticSingleRunInference: true },
        },
        plugins: { unblock: plugin as never },
        rules,
        ...(settings && { settings }),
      },
    ],
    path.join(dir, filename),
  );
}
