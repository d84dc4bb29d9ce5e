/**
 * Text edits of many fixes in one file at once: a fix is taken when its edits overlap none already taken (an
 * identical edit, such as the same added import, is shared); one that overlaps waits for the next round, when it is
 * computed again on the rewritten text.
 */
import type { FixEdit } from 'unblock-core';

export class FileEdits {
  readonly edits: FixEdit[] = [];

  /** The edits of `fix` not taken yet, or undefined when one of them collides with an edit already taken. */
  fits(edits: readonly FixEdit[]): FixEdit[] | undefined {
    const fresh: FixEdit[] = [];
    for (const edit of edits) {
      if (this.edits.some((taken) => same(taken, edit)) || fresh.some((taken) => same(taken, edit))) continue;
      if (this.edits.some((taken) => collide(taken, edit))) return undefined;
      fresh.push(edit);
    }
    return fresh;
  }

  take(edits: readonly FixEdit[]): void {
    this.edits.push(...edits);
  }
}

/** The edits applied to a text: the core's, the same the editor's type check applies. */
export { applyFixEdits as applyEdits } from 'unblock-core';

function same(a: FixEdit, b: FixEdit): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/** Overlapping or touching ranges: applied together, their order would be ambiguous. */
function collide(a: FixEdit, b: FixEdit): boolean {
  return a.range[0] <= b.range[1] && b.range[0] <= a.range[1];
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
