/**
 * What a user reads, checked as they meet it: a console finding names the API as code reaches it (`console.log`,
 * not the interface `Console`), a bad `context` option names the allowed values, and the generated options tables
 * list each option once (no rows for the specifier fields `from` / `name` / `package` / `path`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { lintTyped } from '../util/rule-tester.js';

const rules = ['no-blocking-call', 'no-indirect-blocking-call'] as const;

describe('messages and option errors', () => {
  it('names a console method as code calls it: `console.log`', () => {
    const messages = lintTyped(`export async function f() { console.log('x'); }`, {
      rules: { 'unblock/no-blocking-call': ['error', { categories: { console: true } }] },
    });
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/^`console\.log` blocks the event loop inside async function `f`; /),
    ]);
  });

  for (const rule of rules) {
    it(`${rule}: an unknown \`context\` is an error that lists the allowed values`, () => {
      const linter = new Linter({ configType: 'flat' });
      const config = [{ plugins: { unblock: plugin as never }, rules: { [`unblock/${rule}`]: ['error', { context: 'sometimes' }] as Linter.RuleEntry } }];
      expect(() => linter.verify('f();', config as Linter.Config[], 'file.js')).toThrow(/"sometimes".*async.*function.*everywhere/);
    });
  }

  it('the options tables of the rule docs list no specifier fields as options', () => {
    for (const rule of rules) {
      const page = readFileSync(path.resolve(__dirname, `../../../rules-docs/${rule}.md`), 'utf8');
      const table = page.slice(page.indexOf('<!-- begin auto-generated rule options list -->'), page.indexOf('<!-- end auto-generated rule options list -->'));
      const names = [...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
      expect(names.length).toBeGreaterThan(3);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((name) => ['from', 'name', 'package', 'path'].includes(name!))).toEqual([]);
    }
  });
});
