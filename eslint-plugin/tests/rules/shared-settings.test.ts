/**
 * Both rules together, as a config runs them: the shared `settings.unblock` (checked like rule options), a rule's
 * own options over it, and no call reported by both rules — whichever rule the options were given to.
 */
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintTyped } from '../util/rule-tester.js';

const code = `import { loadConfig } from './indirect-config.js';
import { readFileSync } from 'node:fs';
export async function main() {
  readFileSync('x');
  return loadConfig();
}`;

/** The same project function passed by reference to a sync callback API. */
const passed = `import { loadConfig } from './indirect-config.js';
export async function main(names: string[]) {
  return names.map(loadConfig);
}`;

/** `line rule` of each report of both rules on `source` (default `code`), linted as fixtures/typed/file.ts. */
function lint(rules: Linter.RulesRecord, settings?: Record<string, unknown>, source = code): string[] {
  const messages = lintTyped(source, { rules, ...(settings && { settings }) });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => `${message.line} ${message.ruleId}`);
}

const both: Linter.RulesRecord = { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' };

describe('both rules', () => {
  it('report each call once: the blocking call directly, the project function that blocks indirectly', () => {
    expect(lint(both)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-indirect-blocking-call']);
  });

  it('a `deny` entry given to no-blocking-call alone makes the call its report, not a second one', () => {
    const rules: Linter.RulesRecord = { ...both, 'unblock/no-blocking-call': ['error', { deny: ['loadConfig'] }] };
    expect(lint(rules)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-blocking-call']);
  });

  it('a function passed by reference is reported once too: by no-blocking-call when its `deny` names it', () => {
    expect(lint(both, undefined, passed)).toEqual(['3 unblock/no-indirect-blocking-call']);
    const rules: Linter.RulesRecord = { ...both, 'unblock/no-blocking-call': ['error', { deny: ['loadConfig'] }] };
    expect(lint(rules, undefined, passed)).toEqual(['3 unblock/no-blocking-call']);
  });

  it('the same `deny` entry in settings.unblock: both rules read it', () => {
    expect(lint(both, { unblock: { deny: ['loadConfig'] } })).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-blocking-call']);
  });

  it('a `deny` entry given to no-indirect-blocking-call alone: no-blocking-call does not report the call, so it keeps its chain', () => {
    const rules: Linter.RulesRecord = { ...both, 'unblock/no-indirect-blocking-call': ['error', { deny: ['loadConfig'] }] };
    expect(lint(rules)).toEqual(['4 unblock/no-blocking-call', '5 unblock/no-indirect-blocking-call']);
  });

  it('settings.unblock switches a category off for both rules; a rule option switches it back on for that rule', () => {
    expect(lint(both, { unblock: { categories: { fs: false } } })).toEqual([]);
    const rules: Linter.RulesRecord = { ...both, 'unblock/no-blocking-call': ['error', { categories: { fs: true } }] };
    expect(lint(rules, { unblock: { categories: { fs: false } } })).toEqual(['4 unblock/no-blocking-call']);
  });

  it('stops on an invalid settings.unblock with a message saying what is wrong, like invalid rule options', () => {
    expect(() => lint(both, { unblock: { deny: [{ from: 'package' }], context: 'sometimes' } })).toThrow(
      'unblock: invalid ESLint settings:\n\tsettings.unblock.deny[0]: must have `name` and `package`\n\tsettings.unblock.context: must be one of `async`, `function`, `everywhere`',
    );
  });
});
