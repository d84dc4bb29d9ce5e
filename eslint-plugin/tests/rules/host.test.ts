/**
 * A host of ESLint plugins that lacks what import tracking needs (no `sourceCode.getScope`, a scope without
 * `through`): the rule says so once, reports nothing and never throws. What oxlint lacks for real (types) is tested
 * with oxlint itself in tests/oxlint/.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import rule from '../../src/rules/no-blocking-call.js';
import { untypedApiGaps } from '../../src/util/host.js';

const program = { type: 'Program', body: [], sourceType: 'module', range: [0, 0] };

afterEach(() => vi.restoreAllMocks());

describe('a host without what import tracking needs', () => {
  it('no-blocking-call says once which piece is missing, reports nothing, does not throw', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = vi.fn();
    for (const filename of ['a.js', 'b.js', 'c.js']) {
      const context = { options: [], settings: {}, filename, report, sourceCode: { text: "import fs from 'node:fs'; export async function f() {}" }, languageOptions: { parser: { name: 'oxlint' } } };
      const listeners = rule.create(context as never) as Record<string, (node: unknown) => void>;
      expect(() => listeners['Program:exit']!(program)).not.toThrow();
    }
    expect(report).not.toHaveBeenCalled();
    expect(warn.mock.calls).toEqual([
      ['unblock/no-blocking-call: oxlint gives rules no `sourceCode.getScope`, which import tracking needs; the rule reports nothing here.'],
    ]);
  });

  it('a file that names no tracked module or global is not analysed (no listener, no scope analysis asked for)', () => {
    const getScope = vi.fn(() => ({ block: program, set: new Map(), variables: [], through: [], childScopes: [] }));
    const context = { options: [], settings: {}, filename: 'a.js', report: vi.fn(), sourceCode: { text: "import path from 'node:path'; export async function f() {}", getScope } };
    // No listener: a host need not build (oxlint: hand to JavaScript) the syntax tree of the file for this rule.
    expect(rule.create(context as never)).toEqual({});
    expect(getScope).not.toHaveBeenCalled();
    context.sourceCode.text = "const { readFileSync } = require('fs'); export async function f() {}";
    (rule.create(context as never) as Record<string, (node: unknown) => void>)['Program:exit']!(program);
    expect(getScope).toHaveBeenCalled();
  });

  it('with context `async`, a file without the word `async` is not analysed; other contexts analyse it', () => {
    const getScope = vi.fn(() => ({ block: program, set: new Map(), variables: [], through: [], childScopes: [] }));
    const text = "const { readFileSync } = require('fs'); export function f() { return readFileSync('x'); } // asynchronous";
    const context = { options: [] as unknown[], settings: {}, filename: 'a.js', report: vi.fn(), sourceCode: { text, getScope } };
    expect(rule.create(context as never)).toEqual({});
    context.options = [{ context: 'function' }];
    expect(rule.create(context as never)).toHaveProperty('Program:exit');
    context.options = [];
    context.sourceCode.text = `${text}\nexport const g = async () => {};`;
    expect(rule.create(context as never)).toHaveProperty('Program:exit');
    expect(getScope).not.toHaveBeenCalled();
  });

  it('names each missing piece of the scope manager', () => {
    expect(untypedApiGaps({}, program)).toEqual(['`sourceCode.getScope`']);
    expect(untypedApiGaps({ getScope: () => undefined }, program)).toEqual(['a scope manager (`sourceCode.getScope` returned no scope)']);
    expect(
      untypedApiGaps({ getScope: () => { throw new Error('not here'); } }, program),
    ).toEqual(['a scope manager (`sourceCode.getScope` threw: not here)']);
    expect(untypedApiGaps({ getScope: () => ({ set: new Map(), variables: [], childScopes: [] }) }, program)).toEqual(['`scope.through`']);
    expect(untypedApiGaps({ getScope: () => ({ set: new Map(), variables: [], through: [], childScopes: [] }) }, program)).toEqual([]);
  });
});
