/** The TypeScript-tree facts that `context.ts` needs, with callback timing resolved by the type checker. */
import * as ts from 'typescript';
import { functionLabel, type ContextSyntax, type FunctionFacts } from '../analysis/context.js';
import { skipOuter, type CallLike, type CallResolver } from '../analysis/resolve.js';

export type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.AccessorDeclaration
  | ts.ConstructorDeclaration;

const { SyntaxKind } = ts;
const functionKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.Constructor,
]);

export function isFunctionWithBody(node: ts.Node): node is FunctionNode {
  return functionKinds.has(node.kind);
}

export function isAsyncFunction(node: ts.Node): boolean {
  return isFunctionWithBody(node) && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Async) !== 0;
}

export function typescriptSyntax(resolver: CallResolver): ContextSyntax<ts.Node> {
  return {
    enclosingFunction(node) {
      // Every call asks, walking up through its expressions: compare kinds, the cheapest test there is.
      let child: ts.Node = node;
      for (let current = node.parent; current; child = current, current = current.parent) {
        const kind = current.kind;
        // Only a function's parameters and body run when it runs (not its name, decorators or return type).
        if (functionKinds.has(kind)) {
          const fn = current as FunctionNode;
          if (child === fn.body || fn.parameters.some((p) => p === child)) return fn;
        } else if (kind === SyntaxKind.PropertyDeclaration) {
          // Class fields, enum members and static blocks run at other times (construction, enum and class set-up).
          if (child === (current as ts.PropertyDeclaration).initializer) return undefined;
        } else if (kind === SyntaxKind.EnumMember || kind === SyntaxKind.ClassStaticBlockDeclaration || kind === SyntaxKind.SourceFile) {
          return undefined;
        }
      }
      return undefined;
    },
    facts: functionFacts,
    isAsync: isAsyncFunction,
    callOfArgument(fn) {
      let child: ts.Node = fn;
      while (ts.isParenthesizedExpression(child.parent) || ts.isAsExpression(child.parent)) child = child.parent;
      const call = child.parent;
      if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return undefined;
      const index = call.arguments?.indexOf(child as ts.Expression) ?? -1;
      if (index < 0) return undefined;
      return { call, index, method: invokerName(call) };
    },
    callbackTiming(call, index) {
      return resolver.callbackTiming(call as CallLike, index);
    },
  };
}

export function functionFacts(fn: ts.Node): FunctionFacts {
  const async = isAsyncFunction(fn);
  const generator = (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && !!fn.asteriskToken;
  const kind = ts.isArrowFunction(fn)
    ? 'arrow function'
    : ts.isMethodDeclaration(fn) || ts.isAccessor(fn)
      ? 'method'
      : ts.isConstructorDeclaration(fn)
        ? 'constructor'
        : generator
          ? 'generator function'
          : 'function';
  const name = functionName(fn);
  return { async, label: functionLabel(async, kind, name) };
}

function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn) || ts.isAccessor(fn)) && fn.name) {
    return fn.name.getText();
  }
  let holder = fn.parent;
  while (holder && (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder))) {
    holder = holder.parent;
  }
  if (holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder))) {
    return ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name) ? holder.name.text : undefined;
  }
  return undefined;
}

/** `.map`, `Array.from`, `new Promise`: how messages name what runs a callback. */
function invokerName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isNewExpression(call)) return ts.isIdentifier(callee) ? `new ${callee.text}` : undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    return ts.isIdentifier(callee.expression) && /^[A-Z]/.test(callee.expression.text)
      ? `${callee.expression.text}.${callee.name.text}`
      : `.${callee.name.text}`;
  }
  return ts.isIdentifier(callee) ? callee.text : undefined;
}
