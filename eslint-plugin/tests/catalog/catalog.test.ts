/**
 * Every catalog module's case file, linted through the rule with type information (and, where the import
 * form allows, without): the reported APIs must be exactly the expected ones, in order.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { apiLabel, blockingApis, findBlockingApi, packages } from 'unblock-core';
import { lintTyped } from '../util/rule-tester.js';
import { caseFiles } from './cases.js';
import type { CatalogCase } from './types.js';

const fixtures = path.resolve(__dirname, '../../../fixtures');
const caseModules = caseFiles;

const allCategories = Object.fromEntries(['fs', 'process', 'crypto', 'compression', 'database', 'compile', 'sync-bridge', 'module-loading', 'console'].map((c) => [c, true]));

function lint(code: string, filename: string, nodeTypes: CatalogCase['nodeTypes']): Linter.LintMessage[] {
  const dir = path.join(fixtures, nodeTypes ? `typed-node${nodeTypes}` : 'typed');
  return lintTyped(code, { dir, filename, rules: { 'unblock/no-blocking-call': ['error', { categories: allCategories }] } });
}

const reportedApi = (message: Linter.LintMessage) => /^`([^`]+)`/.exec(message.message)?.[1] ?? message.message;

describe('catalog', () => {
  it('has a case file for every catalog module, and every case file belongs to one', () => {
    const onDisk = readdirSync(__dirname).filter((file) => file.endsWith('.cases.ts')).map((file) => file.replace('.cases.ts', ''));
    expect(Object.keys(caseModules).sort()).toEqual(onDisk.sort());
    expect(onDisk.length).toBe(packages.length);
  });

  it('ids are unique and every entry has docs and a category', () => {
    const ids = blockingApis.map((api) => api.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const api of blockingApis) {
      expect(api.docs, api.id).toMatch(/^https:\/\//);
      expect(api.category, api.id).toBeTruthy();
    }
  });

  for (const [file, cases] of Object.entries(caseModules)) {
    describe(file, () => {
      cases.invalid.forEach((testCase, index) => {
        it(`reports ${testCase.ids.join(', ')} (#${index + 1})`, () => {
          const messages = lint(testCase.code, testCase.filename ?? 'file.ts', testCase.nodeTypes);
          expect(messages.filter((message) => message.fatal)).toEqual([]);
          const expected = testCase.ids.map((id) => {
            const [module, ...rest] = splitId(id);
            const api = findBlockingApi(module, rest.join('.'));
            expect(api, `catalog has ${id}`).toBeDefined();
            return apiLabel(api!);
          });
          expect(messages.map(reportedApi)).toEqual(expected);
        });
      });
      cases.valid.forEach((testCase, index) => {
        const code = typeof testCase === 'string' ? testCase : testCase.code;
        it(`does not report look-alike #${index + 1}`, () => {
          const filename = typeof testCase === 'string' ? 'file.ts' : (testCase.filename ?? 'file.ts');
          const messages = lint(code, filename, typeof testCase === 'string' ? undefined : testCase.nodeTypes);
          expect(messages.filter((message) => message.fatal)).toEqual([]);
          expect(messages.map((message) => message.message)).toEqual([]);
        });
      });
    });
  }
});

/** 'node:fs.Dir#readSync' → ['node:fs', 'Dir#readSync']; '@babel/core.transformSync' → ['@babel/core', 'transformSync']. */
function splitId(id: string): [string, string] {
  const api = blockingApis.find((entry) => entry.id === id);
  if (api) return [api.module, api.path];
  const dot = id.indexOf('.', id.startsWith('@') ? id.indexOf('/') : 0);
  return [id.slice(0, dot), id.slice(dot + 1)];
}
