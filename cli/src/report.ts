/**
 * How `unblock-cli fix` reports: one line per applied, refused and left finding, a unified diff with `--dry-run`, a
 * summary counted by category, and a progress line on stderr (on a terminal, for projects of more than a few files).
 */
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Entry, FixResult } from './fix.js';

export function formatReport(result: FixResult, cwd: string, dryRun: boolean): string {
  const lines: string[] = [];
  const at = (entry: Entry) => `${path.relative(cwd, entry.file).split(path.sep).join('/')}:${entry.line}`;
  if (dryRun) {
    for (const [file, { before, after }] of result.changes) {
      const name = path.relative(cwd, file).split(path.sep).join('/');
      lines.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '').trimEnd());
    }
    if (result.changes.size > 0) lines.push('');
  }
  for (const entry of result.applied) lines.push(`${dryRun ? 'would apply' : 'applied'}  ${at(entry)}  ${entry.text}`);
  for (const entry of result.refused) lines.push(`refused  ${at(entry)}  ${entry.text} — ${entry.category}: ${entry.reason}`);
  for (const entry of result.left) lines.push(`left     ${at(entry)}  ${entry.text} — ${entry.category}`);
  for (const problem of result.optionProblems) lines.push(`warning  the ESLint config: ignoring ${problem}`);
  lines.push(summary(result, dryRun));
  return lines.join('\n');
}

export function summary(result: FixResult, dryRun: boolean): string {
  const counted = (entries: readonly Entry[]) => {
    const counts = new Map<string, number>();
    for (const entry of entries) counts.set(entry.category ?? '', (counts.get(entry.category ?? '') ?? 0) + 1);
    return counts.size === 0 ? '' : ` (${[...counts].map(([category, count]) => `${category}: ${count}`).join(', ')})`;
  };
  const files = `${result.changes.size} file${result.changes.size === 1 ? '' : 's'}`;
  return [
    `${result.applied.length} ${dryRun ? 'would be applied' : 'applied'} in ${files}`,
    `${result.refused.length} refused${counted(result.refused)}`,
    `${result.left.length} left${counted(result.left)}`,
    `type errors: ${result.typeErrors.before} before, ${result.typeErrors.after} after`,
    ...(result.ignored > 0 ? [`${result.ignored} file${result.ignored === 1 ? '' : 's'} ignored by the ESLint config`] : []),
  ].join('; ');
}

/** `checking 12/40 files` on stderr, rewritten in place; nothing when stderr is not a terminal or the project is small. */
export function progressLine(stream: NodeJS.WriteStream): ((done: number, total: number) => void) & { clear(): void } {
  let shown = false;
  const update = (done: number, total: number) => {
    if (!stream.isTTY || total <= 5) return;
    const width = 20;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] checking ${done}/${total} files`);
    shown = true;
  };
  return Object.assign(update, {
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  });
}
