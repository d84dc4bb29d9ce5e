import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['eslint-plugin/tests/**/*.test.ts', 'runtime/tests/**/*.test.ts', 'language-server/tests/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets `.ci/run` print its totals line (UNBLOCK_VITEST_REPORT: one report per Node version); the
    // last block of the output names every skipped test and why (also in artifacts/skipped-tests.txt).
    reporters: [
      'default',
      ['json', { outputFile: process.env.UNBLOCK_VITEST_REPORT ?? 'artifacts/vitest-results.json' }],
      './tests/reporters/skipped-summary.ts',
    ],
  },
});
