import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the core's source, as they run the plugin's and the server's own modules (no build in between).
  resolve: {
    alias: [
      { find: /^unblock-core$/, replacement: fileURLToPath(new URL('./core/src/index.ts', import.meta.url)) },
      { find: /^unblock-core\/contracts$/, replacement: fileURLToPath(new URL('./core/src/contracts.ts', import.meta.url)) },
      { find: /^unblock-core\/light$/, replacement: fileURLToPath(new URL('./core/src/light.ts', import.meta.url)) },
      // The plugin loads the core's typed engine with `require` when a rule first gets type information; the tests
      // hand it the core's source instead (the built plugin's lazy loading is tested in tests/plugin-load.test.ts).
      { find: /^\.\.\/util\/typed-core\.js$/, replacement: fileURLToPath(new URL('./eslint-plugin/tests/util/typed-core.ts', import.meta.url)) },
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
