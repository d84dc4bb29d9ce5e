/**
 * Whether the fixes of findings outside an edited function still hold after the edit. A fix reads file-wide facts an
 * edit inside a function can change: how often a word occurs (an import whose last use the fix removes goes with it),
 * which names are taken (the name of a binding the fix adds) and the file's code style (quotes, semicolons).
 */
import type * as ts from 'typescript';
import type { Finding } from '../finding.js';
import { FileImports } from '../fixes/file-imports.js';

const wordPattern = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;

/** The words whose number of occurrences differs between two texts. */
function changedWords(before: string, after: string): Set<string> {
  const counts = new Map<string, number>();
  for (const [word] of before.matchAll(wordPattern)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word] of after.matchAll(wordPattern)) counts.set(word, (counts.get(word) ?? 0) - 1);
  return new Set([...counts].filter(([, count]) => count !== 0).map(([word]) => word));
}

export function fixesStillHold(
  oldFile: ts.SourceFile,
  newFile: ts.SourceFile,
  change: { readonly start: number; readonly oldEnd: number; readonly newEnd: number },
  kept: readonly Finding[],
): boolean {
  const texts = kept.flatMap((finding) => finding.fixes.flatMap((fix) => fix.edits.map((edit) => edit.text)));
  if (texts.length === 0) return true;
  const changed = changedWords(oldFile.text.slice(change.start, change.oldEnd), newFile.text.slice(change.start, change.newEnd));
  if (changed.size > 0) {
    const before = FileImports.of(oldFile);
    const after = FileImports.of(newFile);
    // A fix removes an import binding with the last use it rewrites: that turns only on the binding's few last uses.
    const lastUses = 3;
    for (const word of changed) {
      if (before.locals.has(word) && Math.min(before.occurrences(word), after.occurrences(word)) <= lastUses) return false;
    }
    // A name a fix adds is chosen around the names taken (`readFile`, else `readFile2`): a change of such a name counts.
    const fresh = texts.flatMap((text) => [...text.matchAll(wordPattern)].map(([word]) => word)).filter((word) => before.occurrences(word) === 0);
    for (const word of fresh) for (const name of changed) if (word.startsWith(name)) return false;
  }
  const before = FileImports.of(oldFile).style;
  const after = FileImports.of(newFile).style;
  return before.quote === after.quote && before.semicolons === after.semicolons;
}
