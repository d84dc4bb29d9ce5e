/** The options contract: one schema checks rule options, `settings.unblock` and editor settings; merging and resolving. */
import { describe, expect, it } from 'vitest';
import { detectorOptions, indirectOptionsSchema, mergeOptions, normalizeOptions, optionDefinitions, schemaProblems, sharedOptionsSchema } from '../src/index.js';

describe('normalizeOptions', () => {
  it('keeps what is valid and names each part it leaves out', () => {
    const { options, problems } = normalizeOptions(
      {
        categories: { fs: false, nope: true, crypto: 'yes' },
        context: 'sometimes',
        deny: ['renderPdfSync', { from: 'package' }, { from: 'package', package: 'x', name: 7 }, { from: 'file', name: ['a', 'b'] }],
        allow: 'existsSync',
        extra: 1,
      },
      sharedOptionsSchema,
      'settings.unblock',
    );
    expect(options).toEqual({ categories: { fs: false }, deny: ['renderPdfSync', { from: 'file', name: ['a', 'b'] }] });
    expect(problems).toEqual([
      'settings.unblock.categories.nope: is not an option',
      'settings.unblock.categories.crypto: must be a boolean',
      'settings.unblock.context: must be one of `async`, `function`, `everywhere`',
      'settings.unblock.deny[1]: must have `name` and `package`',
      'settings.unblock.deny[2].name: must be a string or an array',
      'settings.unblock.allow: must be an array',
      'settings.unblock.extra: is not an option',
    ]);
  });

  it('takes nothing from a value that is not an object, and nothing is no problem', () => {
    expect(normalizeOptions(['deny'], sharedOptionsSchema, 'settings.unblock')).toEqual({ options: {}, problems: ['settings.unblock: must be an object'] });
    expect(normalizeOptions(undefined, sharedOptionsSchema, 'settings.unblock')).toEqual({ options: {}, problems: [] });
  });

  it('checks the indirect limits as the rule schema does', () => {
    const { options, problems } = normalizeOptions({ maxDepth: 0, maxFunctionSize: 100 }, indirectOptionsSchema, 'options');
    expect(options).toEqual({ maxFunctionSize: 100 });
    expect(problems).toEqual(['options.maxDepth: must be at least 1']);
  });
});

describe('schemaProblems', () => {
  it('accepts every specifier form of typescript-eslint and a repeated name list not', () => {
    const specifiers = ['x', { from: 'lib', name: 'Atomics.wait' }, { from: 'package', package: 'node:fs', name: ['readFileSync'] }, { from: 'file', name: 'f', path: 'src/a.ts' }];
    expect(schemaProblems(sharedOptionsSchema.deny, specifiers, 'deny', optionDefinitions)).toEqual([]);
    expect(schemaProblems(sharedOptionsSchema.deny, [{ from: 'lib', name: ['a', 'a'] }], 'deny', optionDefinitions)).toEqual([
      'deny[0].name: must not repeat an item',
    ]);
  });
});

describe('mergeOptions and detectorOptions', () => {
  it('a rule option over the shared one: switches and context win, allow and deny add up', () => {
    const merged = mergeOptions(
      { categories: { fs: false, console: true }, context: 'function', allow: ['a'], deny: ['b'] },
      { categories: { fs: true }, deny: ['c'], maxDepth: 2 },
    );
    expect(merged).toEqual({ categories: { fs: true, console: true }, context: 'function', allow: ['a'], deny: ['b', 'c'], maxDepth: 2 });
    expect(mergeOptions({}, { context: 'everywhere' })).toEqual({ context: 'everywhere', allow: [], deny: [] });
  });

  it('resolves unset options to the defaults, in a fixed shape', () => {
    expect(detectorOptions({})).toEqual({
      categories: ['fs', 'process', 'crypto', 'compression', 'database', 'compile', 'sync-bridge'],
      context: 'async',
      allow: [],
      deny: [],
      summaryLimits: { maxDepth: 8, maxFunctionSize: 20_000 },
    });
    expect(detectorOptions({ categories: { fs: false, console: true }, maxDepth: 3 })).toMatchObject({
      categories: ['process', 'crypto', 'compression', 'database', 'compile', 'sync-bridge', 'console'],
      summaryLimits: { maxDepth: 3, maxFunctionSize: 20_000 },
    });
  });
});
