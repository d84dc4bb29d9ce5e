/**
 * Types for the fixes' argument checks without control-flow narrowing. The type of a narrowable reference
 * (`p` in `readFileSync(p)`) is found by walking back over every assignment before it in the function, so
 * asking for it at each of N calls in one function costs N² (the rule with fixes took minutes on a file whose
 * detection took seconds). A declared type contains every narrowed one: when the declared type already
 * passes a check, the narrowed one does too, and only a failing check asks for the precise type.
 */
import ts from 'typescript';

/** A type that contains `expression`'s type, read without flow analysis; undefined when there is no cheap one. */
export function widerType(expression: ts.Expression, checker: ts.TypeChecker): ts.Type | undefined {
  const node = ts.skipPartiallyEmittedExpressions(expression);
  if (ts.isParenthesizedExpression(node)) return widerType(node.expression, checker);
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return checker.getStringType();
  if (ts.isNumericLiteral(node)) return checker.getNumberType();
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || symbol.flags & ts.SymbolFlags.Alias) return undefined;
    if (!ts.isParameter(declaration) && !(ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name))) return undefined;
    return checker.getTypeOfSymbol(symbol);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // `p + i` is a string when either side is one.
    const sides = [widerType(node.left, checker), widerType(node.right, checker)];
    if (sides.some((side) => side && isStringOnly(side))) return checker.getStringType();
  }
  return undefined;
}

/** Whether `check` holds for `expression`'s type: on the wider type first, on the precise type only if that fails. */
export function holdsForType(expression: ts.Expression, checker: ts.TypeChecker, check: (type: ts.Type) => boolean): boolean {
  const wider = widerType(expression, checker);
  return (wider !== undefined && check(wider)) || check(checker.getTypeAtLocation(expression));
}

function isStringOnly(type: ts.Type): boolean {
  return type.isUnion() ? type.types.every(isStringOnly) : (type.flags & ts.TypeFlags.StringLike) !== 0;
}
