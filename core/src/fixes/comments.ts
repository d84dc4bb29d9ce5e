/**
 * The text a rewrite keeps from the call it replaces: everything between the parentheses as written (comments
 * and line breaks included), and the comments of the callee (`fs /* c *\/ .readFileSync`), which move before
 * the new callee as block comments (a `//` comment would swallow the rest of the line).
 */
import ts from 'typescript';
import { argumentsOf, type CallLike } from '../analysis/resolve.js';

/** `(/* e *\/ p, 'utf8' /* g *\/)` → `/* e *\/ p, 'utf8' /* g *\/`. */
export function argumentText(call: CallLike): string {
  const text = call.getSourceFile().text;
  if (ts.isCallExpression(call) || ts.isNewExpression(call)) {
    const args = call.arguments;
    if (!args) return '';
    const close = call.getEnd() - 1;
    if (text[close] === ')') return text.slice(args.pos, close);
  }
  const all = argumentsOf(call);
  const first = all[0];
  const last = all.at(-1);
  return first && last ? text.slice(first.getStart(), last.getEnd()) : '';
}

/** The comments between the start of the call and its `(`, each as `/* … *\/ `. */
export function calleeComments(call: ts.CallExpression): string {
  const sourceFile = call.getSourceFile();
  const end = call.arguments.pos - 1; // the `(`
  const comments: string[] = [];
  const scanner = ts.createScanner(sourceFile.languageVersion, false, sourceFile.languageVariant, sourceFile.text, undefined, call.getStart());
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken && scanner.getTokenEnd() <= end; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText());
    else if (kind === ts.SyntaxKind.SingleLineCommentTrivia) comments.push(`/*${scanner.getTokenText().slice(2).replaceAll('*/', '* /')} */`);
  }
  return comments.map((comment) => `${comment} `).join('');
}
