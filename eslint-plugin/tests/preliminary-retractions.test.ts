/**
 * Retractions over the rule tests' typed cases: every valid and invalid case the rule tests give the typed rule
 * tester is checked by the editor's preliminary pass (no types) and by the typed check, with the case's options and
 * settings; a preliminary finding the typed check does not report would be retracted when types arrive. The cases
 * are collected by standing in for the rule testers; the counts are printed.
 */
import * as path from 'node:path';
import { expect, test, vi } from 'vitest';
import { detectorOptions, mergeOptions, normalizeOptions, sharedOptionsSchema, type IndirectOptions } from 'unblock-core';
import { ProjectUnderTest } from '../../scripts/lib/retractions.mjs';

interface Case {
  readonly code: string;
  readonly filename?: string;
  readonly options?: readonly IndirectOptions[];
  readonly settings?: Record<string, unknown>;
}

const collected = vi.hoisted(() => [] as { suite: string; rule: string; cases: (string | Case)[] }[]);

vi.mock('./util/rule-tester.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  typedRuleTester: () => ({
    run: (suite: string, rule: { meta: { docs?: { url?: string } } }, tests: { valid: (string | Case)[]; invalid: Case[] }) => {
      collected.push({ suite, rule: rule.meta.docs?.url ?? '', cases: [...tests.valid, ...tests.invalid] });
    },
  }),
  untypedRuleTester: () => ({ run: () => undefined }),
}));
// The test files' own `describe` blocks (the twins' tsc run) are theirs to run, not this file's.
vi.mock('vitest', async (importOriginal) => ({ ...(await importOriginal<object>()), describe: () => undefined }));

test('the preliminary pass retracts nothing on the rule tests’ typed cases', { timeout: 600_000 }, async () => {
    // Their rule testers (stood in for above) hand this file their cases as they load.
  await import('./rules/no-blocking-call.test.js');
  await import('./rules/no-blocking-call.fixes.test.js');
  await import('./rules/no-blocking-call.twins.test.js');
  await import('./rules/no-indirect-blocking-call.test.js');
  const project = new ProjectUnderTest(path.resolve(__dirname, '../../fixtures/typed'));
    let cases = 0;
    let preliminary = 0;
    const retracted: string[] = [];
    for (const { suite, rule, cases: tests } of collected) {
      for (const test of tests) {
        const { code, filename = 'file.ts', options = [], settings = {} } = typeof test === 'string' ? { code: test } : test;
        const shared = normalizeOptions(settings.unblock, sharedOptionsSchema, 'settings.unblock').options;
        // The direct rule's options: the case's own for `no-blocking-call`, the shared settings for the other rule.
        const own = rule.endsWith('/no-blocking-call.md') ? (options[0] ?? {}) : {};
        const comparison = project.compare(filename, detectorOptions(mergeOptions(shared, own)), code);
        cases++;
        preliminary += comparison.preliminary.length;
        retracted.push(...comparison.retracted.map((finding) => `${suite}: ${finding.api.id} in ${JSON.stringify(code.slice(0, 120))}`));
      }
    }
    console.log(`rule tests: ${cases} typed cases, ${preliminary} preliminary findings, ${retracted.length} retracted${retracted.map((line) => `\n  ${line}`).join('')}`);
    expect(cases).toBeGreaterThan(100);
    expect(retracted).toEqual([]);
});
