/**
 * `eslint-disable` comments, read the way ESLint reads them, so the editor hides what `eslint` would not report:
 * `eslint-disable-line` and `eslint-disable-next-line` (line or block comments), `eslint-disable` / `eslint-enable`
 * (block comments only), each with an optional rule list and an optional `-- description`.
 */
import * as ts from 'typescript';

type Kind = 'eslint-disable' | 'eslint-enable' | 'eslint-disable-line' | 'eslint-disable-next-line';

export interface Directive {
  readonly kind: Kind;
  /** Rules named by the comment; empty: every rule. */
  readonly rules: readonly string[];
  /** Where the comment starts and ends (file offsets). */
  readonly range: readonly [start: number, end: number];
}

const kinds: ReadonlySet<string> = new Set<Kind>(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

/** Parses the text inside a comment (`eslint-disable-next-line a, b -- why`) as ESLint's comment parser does. */
export function parseDirectiveText(value: string): { kind: Kind; rules: string[] } | undefined {
  const justification = /\s-{2,}\s/.exec(value);
  const directive = (justification ? value.slice(0, justification.index) : value).trim();
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
