/**
 * Both rules together, as a config runs them: the shared `settings.unblock` (checked like rule options), a rule's
 * own options over it, and no call reported by both rules — whichever rule the options were given to.
 */
import * as path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { typedFixtureDir } from '../util/rule-tester.js';

const code = `import { loadConfig } from './indirect-config.js';
import { readFileSync } from 'node:fs';
export async function main() {
  readFileSync('x');
  return loadConfig();
}`;

/** `line rule` of each report of both rules on `code`, linted as fixtures/typed/file.ts. */
function lint(rules: Linter.RulesRecord, settings?: Record<string, unknown>): string[] {
  const linter = new Linter({ configType: 'flat', cwd: typedFixtureDir });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtureDir, disallowAutomaticSingleRunInference: true },
        },
        plugins: { unblock: plugin as never },
        rules,
        ...(settings && { settings }),
      },
    ],
    path.join(typedFixtureDir, 'file.ts'),
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => `${message.line} ${message.ruleId}`);
}

const both = { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' } as const;

describe('both rules', () => {
  it('report each call once: the blocking call directly, the project function that blocks indirectly', () => {
    expect(lint(both)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-indirect-blocking-call']);
  });

  it('a `deny` entry given to no-blocking-call alone makes the call its report, not a second one', () => {
    const rules = { ...both, 'unblock/no-blocking-call': ['error', { deny: ['loadConfig'] }] } as const;
    expect(lint(rules as Linter.RulesRecord)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-blocking-call']);
  });

  it('the same `deny` entry in settings.unblock: both rules read it', () => {
    expect(lint(both, { unblock: { deny: ['loadConfig'] } })).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-blocking-call']);
  });

  it('a `deny` entry given to no-indirect-blocking-call alone: no-blocking-call does not report the call, so it keeps its chain', () => {
    const rules = { ...both, 'unblock/no-indirect-blocking-call': ['error', { deny: ['loadConfig'] }] } as const;
    expect(lint(rules as Linter.RulesRecord)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-indirect-blocking-call']);
  });

  it('settings.unblock switches a category off for both rules; a rule option switches it back on for that rule', () => {
    expect(lint(both, { unblock: { categories: { fs: false } } })).toEqual([]);
    const rules = { ...both, 'unblock/no-blocking-call': ['error', { categories: { fs: true } }] } as const;
    expect(lint(rules as Linter.RulesRecord, { unblock: { categories: { fs: false } } })).toEqual(['4 unblock/no-blocking-call']);
  });

  it('stops on an invalid settings.unblock with a message saying what is wrong, like invalid rule options', () => {
    expect(() => lint(both, { unblock: { deny: [{ from: 'package' }], context: 'sometimes' } })).toThrow(
      'unblock: invalid ESLint settings:\n\tsettings.unblock.deny[0]: must have `name` and `package`\n\tsettings.unblock.context: must be one of `async`, `function`, `everywhere`',
    );
  });
});
