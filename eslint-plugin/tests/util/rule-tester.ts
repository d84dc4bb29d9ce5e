import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

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
