/**
 * `eslint-disable` comments, read the way ESLint reads them, so the editor hides what `eslint` would not report:
 * `eslint-disable-line` and `eslint-disable-next-line` (line or block comments), `eslint-disable` / `eslint-enable`
 * (block comments only), each with an optional rule list and an optional `-- description`; and written, for the
 * "disable" code actions (a new comment, or a rule added to one already there).
 */
import * as ts from 'typescript';
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type Kind = 'eslint-disable' | 'eslint-enable' | 'eslint-disable-line' | 'eslint-disable-next-line';

export interface Directive {
  readonly kind: Kind;
  /** Rules named by the comment; empty: every rule. */
  readonly rules: readonly string[];
  /** Where the comment starts and ends (file offsets). */
  readonly range: readonly [start: number, end: number];
}

const kinds: ReadonlySet<string> = new Set<Kind>(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

/** A directive's text without its `-- description`. */
function withoutDescription(value: string): string {
  const description = /\s-{2,}\s/.exec(value);
  return description ? value.slice(0, description.index) : value;
}

/** Parses the text inside a comment (`eslint-disable-next-line a, b -- why`) as ESLint's comment parser does. */
export function parseDirectiveText(value: string): { kind: Kind; rules: string[] } | undefined {
  const directive = withoutDescription(value).trim();
  const label = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/.exec(directive)?.[1];
  if (label === undefined || !kinds.has(label)) return undefined;
  const rules = directive
    .slice(label.length)
    .split(',')
    .map((rule) => rule.trim().replace(/^(['"]?)(.*)\1$/s, '$2'))
    .filter(Boolean);
  return { kind: label as Kind, rules };
}

/** Every directive comment in the file, in order. */
export function findDirectives(sourceFile: ts.SourceFile): Directive[] {
  const text = sourceFile.text;
  const directives: Directive[] = [];
  const seen = new Set<number>();
  const mention = /eslint-(?:disable|enable)/g;
  for (let match = mention.exec(text); match; match = mention.exec(text)) {
    const comment = commentAt(sourceFile, match.index);
    if (!comment || seen.has(comment.pos)) continue;
    seen.add(comment.pos);
    const line = comment.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    const value = line ? text.slice(comment.pos + 2, comment.end) : text.slice(comment.pos + 2, comment.end - 2);
    const parsed = parseDirectiveText(value);
    if (!parsed) continue;
    // ESLint honours only the line forms in `//` comments, and `eslint-disable-line` only on one line.
    if (line && (parsed.kind === 'eslint-disable' || parsed.kind === 'eslint-enable')) continue;
    if (parsed.kind === 'eslint-disable-line' && lineOf(sourceFile, comment.pos) !== lineOf(sourceFile, comment.end)) continue;
    directives.push({ ...parsed, range: [comment.pos, comment.end] });
  }
  return directives;
}

/** The comment that contains `offset`, if `offset` is inside a comment (not a string, template or JSX text). */
export function commentAt(sourceFile: ts.SourceFile, offset: number): ts.CommentRange | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = node.getChildren(sourceFile).find((candidate) => candidate.pos <= offset && offset < candidate.end);
    if (!child) return undefined;
    if (offset < child.getStart(sourceFile)) {
      // In the trivia before the child's first token: comments on the previous token's line, then the others.
      const text = sourceFile.text;
      const comments = [...(ts.getTrailingCommentRanges(text, child.pos) ?? []), ...(ts.getLeadingCommentRanges(text, child.pos) ?? [])];
      return comments.find((range) => range.pos <= offset && offset < range.end);
    }
    if (child.getChildCount(sourceFile) === 0) return undefined; // inside a token's own text
    node = child;
  }
}

/** Answers "is this rule disabled at this offset?" for one file. */
export class DisabledRanges {
  private readonly lineDirectives = new Map<number, (readonly string[])[]>();
  private readonly blockDirectives: Directive[];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    directives: readonly Directive[] = findDirectives(sourceFile),
  ) {
    for (const directive of directives) {
      if (directive.kind === 'eslint-disable-line' || directive.kind === 'eslint-disable-next-line') {
        const line =
          directive.kind === 'eslint-disable-line' ? lineOf(sourceFile, directive.range[0]) : lineOf(sourceFile, directive.range[1]) + 1;
        const rules = this.lineDirectives.get(line) ?? [];
        rules.push(directive.rules);
        this.lineDirectives.set(line, rules);
      }
    }
    this.blockDirectives = directives.filter((directive) => directive.kind === 'eslint-disable' || directive.kind === 'eslint-enable');
  }

  /** `rule` is the full ESLint rule name, `unblock/no-blocking-call`; `offset` is where the problem starts. */
  isDisabled(rule: string, offset: number): boolean {
    const applies = (rules: readonly string[]) => rules.length === 0 || rules.includes(rule);
    if (this.lineDirectives.get(lineOf(this.sourceFile, offset))?.some(applies)) return true;
    let disabled = false;
    for (const directive of this.blockDirectives) {
      if (directive.range[0] > offset) break;
      if (applies(directive.rules)) disabled = directive.kind === 'eslint-disable';
    }
    return disabled;
  }
}

function lineOf(sourceFile: ts.SourceFile, offset: number): number {
  return sourceFile.getLineAndCharacterOfPosition(offset).line;
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
export function mergeColumn(line: string, keyword: Kind, rule: string): number | undefined {
  const opener = /^\s*(\/\/|\{?\s*\/\*)/.exec(line);
  if (!opener) return undefined;
  const block = opener[1] !== '//';
  const bodyStart = opener[0].length;
  const close = block ? line.indexOf('*/', bodyStart) : line.length;
  if (close < 0) return undefined;
  if (block) {
    const tail = /^\*\/\s*(\})?\s*$/.exec(line.slice(close));
    if (!tail || (tail[1] !== undefined) !== (opener[1] ?? '').startsWith('{')) return undefined;
  }
  const body = line.slice(bodyStart, close);
  const parsed = parseDirectiveText(body);
  if (parsed?.kind !== keyword || parsed.rules.length === 0 || parsed.rules.includes(rule)) return undefined;
  return bodyStart + withoutDescription(body).trimEnd().length;
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
