/**
 * Automatic semicolon insertion and rewrites: a statement that a fix makes start with `(`, `[` or `` ` `` would
 * continue the previous statement when that one ends without `;` in an expression that a call, an index or a
 * tagged template can extend (`const o = {}⏎(await f()).x` calls `{}`). Decided from the previous statement's
 * last token; the new statement then opens with `;`, as semicolon-free code writes it.
 */
import ts from 'typescript';
import type { FixEdit } from '../finding.js';

/** Replaces `node` with `text`, adding a leading `;` exactly when the previous statement would be continued. */
export function asiSafeEdit(node: ts.Node, text: string): FixEdit {
  const range: [number, number] = [node.getStart(), node.getEnd()];
  return { range, text: /^[[(`]/.test(text) && continuesPrevious(node) ? `;${text}` : text };
}

/** Whether a statement starting at `node` with `(`, `[` or `` ` `` would extend the statement before it. */
export function continuesPrevious(node: ts.Node): boolean {
  const start = node.getStart();
  let statement: ts.Node = node;
  while (!ts.isExpressionStatement(statement)) {
    if (!statement.parent || statement.parent.getStart() !== start) return false;
    statement = statement.parent;
  }
  const previous = previousStatement(statement as ts.Statement);
  if (!previous) return false; // first in its block, or the body of `if (…)`, `else`, `while (…)`, a label: never continued
  if (ts.isImportDeclaration(previous) || ts.isExportDeclaration(previous) || ts.isImportEqualsDeclaration(previous)) return false;
  const token = previous.getLastToken();
  return !!token && token.kind !== ts.SyntaxKind.SemicolonToken && endsExtensibleExpression(token, previous);
}

/** The statement before `statement` in its list (binary search: statements are in source order). */
function previousStatement(statement: ts.Statement): ts.Statement | undefined {
  const list = (statement.parent as { statements?: ts.NodeArray<ts.Statement> }).statements;
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = list[middle]!;
    if (candidate === statement) return middle > 0 ? list[middle - 1] : undefined;
    if (candidate.pos < statement.pos) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * From the last token up through the nodes that end with it: the first expression decides. A member, call,
 * literal, identifier, object, array, function or class expression is extended by `(`; an arrow function, a
 * `x++`, an `as` expression is not (ASI applies), nor is a declaration or a block statement.
 */
function endsExtensibleExpression(token: ts.Node, previous: ts.Statement): boolean {
  for (let node: ts.Node | undefined = token; node && node.end === token.end; node = node.parent) {
    if (ts.isIdentifier(node) && isDeclarationName(node)) return false;
    if (ts.isTypeNode(node) || ts.isQualifiedName(node) || (ts.isIdentifier(node) && (ts.isTypeNode(node.parent) || ts.isQualifiedName(node.parent)))) continue;
    if (ts.isLeftHandSideExpression(node)) return true;
    if (isExpression(node)) return false; // arrow function, x++, `as`, a binary/conditional ending in a non-extensible operand
    if (node === previous) return false;
  }
  return false;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isVariableDeclaration(parent) || ts.isBindingElement(parent) || ts.isParameter(parent)) && parent.name === node;
}

function isExpression(node: ts.Node): boolean {
  return (
    ts.isArrowFunction(node) || ts.isPostfixUnaryExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ||
    ts.isBinaryExpression(node) || ts.isConditionalExpression(node) || ts.isPrefixUnaryExpression(node) || ts.isAwaitExpression(node) ||
    ts.isYieldExpression(node) || ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node) || ts.isTypeAssertionExpression(node)
  );
}
