/**
 * Code actions for unblock diagnostics, the way vscode-eslint offers them: the core's fixes, disable comments
 * (for the line, merged into an existing directive; for the file) and the rule's documentation.
 */
import * as ts from 'typescript';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ruleDocsUrl } from 'unblock-core';
import { eslintRuleName, type DiagnosticData, type LspFix } from './diagnostics.js';

export const showDocumentationCommand = 'unblock.showDocumentation';
export const fixAllKind = `${CodeActionKind.SourceFixAll}.unblock`;

/** Actions for one diagnostic; `seen` drops the per-line / per-file / docs duplicates across diagnostics. */
export function actionsFor(
  diagnostic: Diagnostic,
  data: DiagnosticData,
  document: TextDocument,
  sourceFile: ts.SourceFile | undefined,
  seen: Set<string>,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = eslintRuleName(data.ruleId);
  let preferred = false;
  for (const fix of data.fixes) {
    const isPreferred: boolean = !preferred && fix.kind === 'async-twin';
    preferred ||= isPreferred;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred,
      edit: { changes: { [document.uri]: [...fix.edits] } },
    });
  }
  const line = diagnostic.range.start.line;
  const once = (key: string, action: () => CodeAction) => {
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action());
  };
  once(`line:${line}:${rule}`, () => ({
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [disableLineEdit(document, line, rule, sourceFile)] } },
  }));
  once(`file:${rule}`, () => ({
    title: `Disable ${rule} for the entire file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [disableFileEdit(document, rule)] } },
  }));
  once(`docs:${rule}`, () => ({
    title: `Show documentation for ${rule}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${rule}`, command: showDocumentationCommand, arguments: [ruleDocsUrl(data.ruleId)] },
  }));
  return actions;
}

/**
 * `source.fixAll.unblock`: the fixes that keep behaviour (`safety: 'safe'`), first one per problem, skipping any
 * that overlaps one already taken. The core has no safe fix today, so this is usually empty.
 */
export function safeFixEdits(fixesPerProblem: readonly (readonly LspFix[])[], document: TextDocument): TextEdit[] {
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  for (const fixes of fixesPerProblem) {
    const fix = fixes.find((candidate) => candidate.safety === 'safe');
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }));
    const overlaps = spans.some((span) => taken.some((other) => span.start < other.end && other.start < span.end));
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits;
}

/**
 * `// eslint-disable-next-line <rule>` above `line`, with its indentation; added to the rule list when the line
 * above already is such a directive; `{/* … *\/}` between JSX children, where `//` would be text.
 */
export function disableLineEdit(document: TextDocument, line: number, rule: string, sourceFile: ts.SourceFile | undefined): TextEdit {
  const text = lineText(document, line);
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  if (line > 0) {
    const previous = lineText(document, line - 1);
    const column = mergeColumn(previous, 'eslint-disable-next-line', rule);
    if (column !== undefined) return { range: point(line - 1, column), newText: `, ${rule}` };
  }
  const start = document.offsetAt({ line, character: indent.length });
  const jsx = sourceFile !== undefined && isJsxChildPosition(sourceFile, start);
  const comment = jsx ? `{/* eslint-disable-next-line ${rule} */}` : `// eslint-disable-next-line ${rule}`;
  return { range: point(line, 0), newText: `${indent}${comment}${eol(document)}` };
}

/** `/* eslint-disable <rule> *\/` as the first line (after a shebang), or added to such a comment there. */
export function disableFileEdit(document: TextDocument, rule: string): TextEdit {
  const line = document.getText().startsWith('#!') ? 1 : 0;
  if (line < document.lineCount) {
    const column = mergeColumn(lineText(document, line), 'eslint-disable', rule);
    if (column !== undefined) return { range: point(line, column), newText: `, ${rule}` };
  }
  return { range: point(line, 0), newText: `/* eslint-disable ${rule} */${eol(document)}` };
}

/**
 * Where `, <rule>` goes to extend a directive comment that is the whole line (`// <keyword> a, b -- why`,
 * `/* <keyword> a *\/`, `{/* <keyword> a *\/}`); undefined when the line is no such directive, or the directive
 * names no rule (it disables all of them) or already names this one.
 */
export function mergeColumn(line: string, keyword: string, rule: string): number | undefined {
  const match = new RegExp(`^\\s*(//|\\{?\\s*/\\*)\\s*${keyword}(?=\\s|\\*/|$)`).exec(line);
  if (!match) return undefined;
  const block = match[1] !== '//';
  const bodyStart = match[0].length;
  const close = block ? line.indexOf('*/', bodyStart) : line.length;
  if (close < 0) return undefined;
  if (block) {
    const tail = /^\*\/\s*(\})?\s*$/.exec(line.slice(close));
    if (!tail || (tail[1] !== undefined) !== (match[1] ?? '').startsWith('{')) return undefined;
  }
  const body = line.slice(bodyStart, close);
  const description = /\s-{2,}\s/.exec(body);
  const list = description ? body.slice(0, description.index) : body;
  const rules = list.split(',').map((name) => name.trim()).filter(Boolean);
  if (rules.length === 0 || rules.includes(rule)) return undefined;
  return bodyStart + list.trimEnd().length;
}

/**
 * Whether a line starting at `offset` starts among JSX children (`<div>` … `{call()}` … `</div>`), where only
 * `{/* *\/}` comments are comments.
 */
export function isJsxChildPosition(sourceFile: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(node, (candidate) => (candidate.getStart(sourceFile) <= offset && offset < candidate.getEnd() ? candidate : undefined));
    if (!child) break;
    node = child;
  }
  if (ts.isJsxText(node)) return true;
  // The first enclosing node that starts before the line decides: children of an element, or anything else.
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (current.getStart(sourceFile) < offset) return ts.isJsxElement(current) || ts.isJsxFragment(current);
  }
  return false;
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function point(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}

function eol(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}
