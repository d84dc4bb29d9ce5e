import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the core's source, as they run the plugin's and the server's own modules (no build in between).
  resolve: {
    alias: [
      { find: /^unblock-core$/, replacement: fileURLToPath(new URL('./core/src/index.ts', import.meta.url)) },
      { find: /^unblock-core\/contracts$/, replacement: fileURLToPath(new URL('./core/src/contracts.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['core/tests/**/*.test.ts', 'eslint-plugin/tests/**/*.test.ts', 'runtime/tests/**/*.test.ts', 'language-server/tests/**/*.test.ts', 'cli/tests/**/*.test.ts', 'tests/**/*.test.ts'],
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
