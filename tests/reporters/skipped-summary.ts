/**
 * A vitest reporter that ends the run with one loud block naming every skipped test and why: the reason is the
 * note a test passes to `ctx.skip(condition, note)` (e.g. "nvim is not installed: apt-get install neovim"). Without
 * a name filter (`-t`), a test skipped without a note is listed too, as "no reason given". The same lines go to
 * artifacts/skipped-tests.txt, which `.ci/run` prints next to its totals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class SkippedSummary implements Reporter {
  private filtered = false;
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.filtered = Boolean(vitest.config.testNamePattern);
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const reasons = new Map<string, number>();
    let total = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' || (this.filtered && !result.note)) continue;
        const key = `${path.relative(this.root, module.moduleId)}: ${result.note ?? 'no reason given'}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        total++;
      }
    }
    const lines = total ? [`SKIPPED ${total} test${total === 1 ? '' : 's'}:`, ...[...reasons].map(([key, count]) => `  ${count} in ${key}`)] : [];
    // One list per run: `.ci/run` names each Node version's report with UNBLOCK_VITEST_REPORT.
    const report = process.env.UNBLOCK_VITEST_REPORT;
    const file = path.join(this.root, report ? report.replace(/\.json$/, '-skipped.txt') : 'artifacts/skipped-tests.txt');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
    if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
