/**
 * Re-checking an edited file one function at a time, for editors. Most keystrokes land inside one function body.
 * When what the rest of the program sees of that function is unchanged — its signature, and whether it and the
 * functions around it block — the findings outside it still hold, moved by the edit's length, and only the
 * function itself is checked again. Anything this cannot prove falls back to checking the whole file.
 */
import ts from 'typescript';
import { checkFile, type Detectors } from '../analysis/detect.js';
import type { ChainLink, Finding, FindingContext } from '../finding.js';
import { parameterCallsOf } from '../analysis/parameter-calls.js';
import { carryFunctionNames } from '../analysis/summaries.js';
import { helperReferences, holderOf, isFunctionWithBody, type FunctionNode } from '../syntax/typescript.js';
import { fixesStillHold } from './fix-facts.js';

/** A file's findings and what they were computed with. */
export interface CheckedFile {
  readonly sourceFile: ts.SourceFile;
  readonly findings: readonly Finding[];
  /** Other files the findings' chains point into, as they were: a chain's line numbers hold while these do. */
  readonly linkedFiles: ReadonlyMap<string, ts.SourceFile>;
}

/** The edited text: [start, oldEnd) of the old text became [start, newEnd) of the new. */
interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** An edit inside one function body, with what the function showed the rest of the program before it. */
export interface PreparedEdit {
  readonly previous: CheckedFile;
  readonly change: TextChange;
  /** The edited function in the old text: its start, end and the text before its body (parameters, modifiers). */
  readonly fnStart: number;
  readonly fnEnd: number;
  readonly header: string;
  /** Signatures and blocking summaries of the function and the functions enclosing it, in new-text positions. */
  readonly facts: string;
}

export function checkedFile(sourceFile: ts.SourceFile, findings: readonly Finding[], program: ts.Program): CheckedFile {
  const linkedFiles = new Map<string, ts.SourceFile>();
  for (const link of findings.flatMap((finding) => finding.chain ?? [])) {
    const linked = link.file === sourceFile.fileName ? undefined : program.getSourceFile(link.file);
    if (linked) linkedFiles.set(link.file, linked);
  }
  return { sourceFile, findings, linkedFiles };
}

/**
 * Looks at an edit before the program is brought up to date — TypeScript's incremental parser reuses, and moves,
 * the old tree's nodes — using the detectors of the program `previous` was checked with. Undefined when the edit is
 * not inside one function body (or is one this cannot reason about).
 */
export function prepareEdit(previous: CheckedFile, detectors: Detectors, newText: string): PreparedEdit | undefined {
  const oldFile = previous.sourceFile;
  const change = textChange(oldFile.text, newText);
  if (!change) return undefined;
  const fn = editedFunction(oldFile, change.start, change.oldEnd);
  if (!fn?.body || !isLocalEdit(oldFile, fn, change.start, change.oldEnd, oldFile.text.slice(change.start, change.oldEnd))) return undefined;
  const facts = factsOf(fn, detectors, (position) => movedPosition(position, change));
  if (facts === undefined) return undefined;
  return { previous, change, fnStart: fn.getStart(oldFile), fnEnd: fn.end, header: oldFile.text.slice(fn.getStart(oldFile), fn.body.getStart(oldFile)), facts };
}

/**
 * The findings of `sourceFile` (the edited file in the updated program): those outside the edited function moved,
 * the function's own checked again. Undefined when the edit turns out to matter outside the function: check the
 * whole file then.
 */
export function checkEditedFile(sourceFile: ts.SourceFile, detectors: Detectors, edit: PreparedEdit): Finding[] | undefined {
  const { change, previous } = edit;
  if (sourceFile.text.length - previous.sourceFile.text.length !== change.newEnd - change.oldEnd) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const fn = editedFunction(sourceFile, change.start, change.newEnd);
  if (!fn?.body || fn.getStart(sourceFile) !== edit.fnStart || fn.end !== edit.fnEnd + delta) return undefined;
  if (sourceFile.text.slice(edit.fnStart, fn.body.getStart(sourceFile)) !== edit.header) return undefined;
  if (!isLocalEdit(sourceFile, fn, change.start, change.newEnd, sourceFile.text.slice(change.start, change.newEnd))) return undefined;
  for (const [fileName, linked] of previous.linkedFiles) if (detectors.program.getSourceFile(fileName) !== linked) return undefined;
  carryFunctionNames(sourceFile, previous.sourceFile, fn);
  if (factsOf(fn, detectors, (position) => position) !== edit.facts) return undefined;

  const kept: Finding[] = [];
  for (const finding of previous.findings) {
    if (finding.range[0] >= edit.fnStart && finding.range[1] <= edit.fnEnd) continue; // the function's own: re-checked
    const moved = movedFinding(finding, change, sourceFile);
    if (!moved) return undefined;
    kept.push(moved);
  }
  if (!fixesStillHold(previous.sourceFile, sourceFile, change, kept)) return undefined;
  return [...kept, ...checkFile(sourceFile, detectors, fn)].sort((a, b) => a.range[0] - b.range[0]);
}

/** The smallest edit turning `oldText` into `newText` (common prefix and suffix left out); undefined if none. */
function textChange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  // Whole blocks first (a native comparison), then characters: files are long, edits small.
  const block = 512;
  let start = 0;
  while (start + block <= shorter && oldText.slice(start, start + block) === newText.slice(start, start + block)) start += block;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const room = shorter - start;
  let suffix = 0;
  while (suffix + block <= room && oldText.slice(oldText.length - suffix - block, oldText.length - suffix) === newText.slice(newText.length - suffix - block, newText.length - suffix)) {
    suffix += block;
  }
  while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/** The innermost function whose block body holds [start, end) strictly inside its braces. */
function editedFunction(sourceFile: ts.SourceFile, start: number, end: number): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node) && node.body && ts.isBlock(node.body) && node.body.getStart(sourceFile) < start && end < node.body.end) {
      found = node;
    }
    ts.forEachChild(node, (child) => (child.pos <= start && end <= child.end ? visit(child) : undefined));
  };
  visit(sourceFile);
  return found;
}

/**
 * Whether an edit of `text` at [start, end) inside `fn` can only change `fn` itself: no JSDoc tags or decorators
 * (`@`), and in JavaScript no `this.x = …`, which declares class members from inside a function body.
 */
function isLocalEdit(sourceFile: ts.SourceFile, fn: FunctionNode, start: number, end: number, text: string): boolean {
  if (text.includes('@')) return false;
  if (!isJavaScriptFile(sourceFile)) return true;
  if (/\bthis\b/.test(text)) return false;
  // The nodes around the edit, up to the function: an assignment to `this.x` among them changes a member's type.
  let node: ts.Node | undefined = innermostNodeAt(sourceFile, start, end);
  for (; node && node !== fn; node = node.parent) {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isThisProperty(node.left)) return false;
  }
  return true;
}

function isJavaScriptFile(sourceFile: ts.SourceFile): boolean {
  return (sourceFile.flags & ts.NodeFlags.JavaScriptFile) !== 0;
}

function isThisProperty(node: ts.Expression): boolean {
  return (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.expression.kind === ts.SyntaxKind.ThisKeyword;
}

function innermostNodeAt(sourceFile: ts.SourceFile, start: number, end: number): ts.Node {
  let found: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    found = node;
    ts.forEachChild(node, (child) => (child.pos <= start && end <= child.end ? visit(child) : undefined));
  };
  visit(sourceFile);
  return found;
}

/**
 * What the rest of the program sees of `fn` and the functions enclosing it: their signatures (inferred return
 * types included) and blocking summaries. Chain positions go through `position` (old → new text); undefined when
 * one falls inside the edit.
 */
function factsOf(fn: FunctionNode, { program, indirect }: Detectors, position: (offset: number) => number | undefined): string | undefined {
  const checker = program.getTypeChecker();
  const facts: unknown[] = [];
  for (let current: ts.Node | undefined = fn; current; current = current.parent) {
    if (!isFunctionWithBody(current)) continue;
    const signature = checker.getSignatureFromDeclaration(current);
    // A callback written in place is called through a parameter, never resolved to: only the functions around it
    // (whose summaries take in their sync callbacks) tell. Summaries matter only to the indirect check.
    const summary = indirect && isCalledByName(current) ? indirect.summaryOf(current) : noSummary;
    const links: unknown[] = [];
    for (const link of summary.chain) {
      const moved = link.file === fn.getSourceFile().fileName ? position(link.position) : link.position;
      if (moved === undefined) return undefined;
      links.push([link.label, link.file, moved]);
    }
    // Calls through its parameters block for callers that pass a module (`processArgs(argv, fs)`): theirs to report.
    for (const { call, index, path } of indirect && isCalledByName(current) ? parameterCallsOf(current, checker) : []) {
      const moved = position(call.getStart());
      if (moved === undefined) return undefined;
      links.push([index, path.join('.'), moved]);
    }
    if (current === fn) facts.push(helperReferences(fn, checker));
    facts.push([
      current.kind,
      signature && checker.signatureToString(signature, current, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature),
      summary.api?.id,
      links,
    ]);
  }
  return JSON.stringify(facts);
}

const noSummary = { chain: [], api: undefined } as const;

/** Whether calls can resolve to `fn`: a declaration, a method, or a function stored under a name. */
function isCalledByName(fn: FunctionNode): boolean {
  return (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) || holderOf(fn) !== undefined;
}

/** Where an old-text offset is in the new text; undefined inside the replaced text. */
function movedPosition(position: number, change: TextChange): number | undefined {
  if (position < change.start) return position;
  if (position >= change.oldEnd) return position + change.newEnd - change.oldEnd;
  return undefined;
}

/** A range before, after or around the edit, in the new text; undefined if it overlaps the edit partly. */
function movedRange(range: readonly [number, number], change: TextChange, mayEnclose: boolean): [number, number] | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (range[1] <= change.start) return [range[0], range[1]];
  if (range[0] >= change.oldEnd) return [range[0] + delta, range[1] + delta];
  if (mayEnclose && range[0] <= change.start && range[1] >= change.oldEnd) return [range[0], range[1] + delta];
  return undefined;
}

/** A finding outside the edited function, in new-text positions; undefined if any of its parts cannot move. */
function movedFinding(finding: Finding, change: TextChange, sourceFile: ts.SourceFile): Finding | undefined {
  const range = movedRange(finding.range, change, true);
  const fnRange = finding.context.fn && movedRange(finding.context.fn.range, change, true);
  if (!range || (finding.context.fn && !fnRange)) return undefined;
  const calledFrom = finding.context.calledFrom?.map((call) => movedRange(call, change, false));
  if (calledFrom?.some((call) => call === undefined)) return undefined;
  const context: FindingContext = {
    ...finding.context,
    ...(finding.context.fn && fnRange && { fn: { ...finding.context.fn, range: fnRange } }),
    ...(calledFrom && { calledFrom: calledFrom as [number, number][] }),
  };
  const fixes = [];
  for (const fix of finding.fixes) {
    const edits = [];
    // A fix edit that spans the edited function would carry its old text: never move one.
    for (const edit of fix.edits) {
      const moved = movedRange(edit.range, change, false);
      if (!moved) return undefined;
      edits.push({ ...edit, range: moved });
    }
    fixes.push({ ...fix, edits });
  }
  let chain: ChainLink[] | undefined;
  if (finding.chain) {
    chain = [];
    for (const link of finding.chain) {
      if (link.file !== sourceFile.fileName) {
        chain.push(link);
        continue;
      }
      const position = movedPosition(link.position, change);
      if (position === undefined) return undefined;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(position);
      chain.push({ ...link, position, line: line + 1, character });
    }
  }
  return { ...finding, range, context, fixes, ...(chain && { chain }) };
}
