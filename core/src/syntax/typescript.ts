/**
 * The TypeScript syntax adapter: the tree facts `analysis/context.ts` needs (callback timing resolved by the type
 * checker), and how a function is named from what holds it — one answer for messages, summaries and incremental
 * checks.
 */
import * as ts from 'typescript';
import type { ContextSyntax } from '../analysis/context.js';
import { skipOuter, type CallLike, type CallResolver } from '../analysis/resolve.js';
import type { FunctionDescription, FunctionKind } from '../finding.js';

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
  return functionsSyntax((call, index) => resolver.callbackTiming(call as CallLike, index));
}

/** The same tree facts with callback timing decided elsewhere (the preliminary pass decides it without types). */
export function functionsSyntax(callbackTiming: ContextSyntax<ts.Node>['callbackTiming']): ContextSyntax<ts.Node> {
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
    callbackTiming,
  };
}

export function functionFacts(fn: ts.Node): FunctionDescription {
  const generator = (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && !!fn.asteriskToken;
  const kind: FunctionKind = ts.isArrowFunction(fn)
    ? 'arrow function'
    : ts.isMethodDeclaration(fn) || ts.isAccessor(fn)
      ? 'method'
      : ts.isConstructorDeclaration(fn)
        ? 'constructor'
        : generator
          ? 'generator function'
          : 'function';
  return { async: isAsyncFunction(fn), kind, name: functionName(fn) };
}

/** What a function (or class) expression is stored in: its declaration, assignment or default export. */
export type Holder = ts.VariableDeclaration | ts.PropertyDeclaration | ts.PropertyAssignment | ts.BinaryExpression | ts.ExportAssignment;

/**
 * Where a function expression is stored, looking through parentheses, `as` and `satisfies`: `const f = () => …`,
 * `class { f = () => … }`, `{ f: function () {} }`, `exports.f = function () {}`, `export default () => …`.
 */
export function holderOf(expression: ts.Node): Holder | undefined {
  let holder = expression.parent;
  while (holder && (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder))) holder = holder.parent;
  if (!holder) return undefined;
  return ts.isVariableDeclaration(holder) ||
    ts.isPropertyDeclaration(holder) ||
    ts.isPropertyAssignment(holder) ||
    ts.isBinaryExpression(holder) ||
    ts.isExportAssignment(holder)
    ? holder
    : undefined;
}

/**
 * The name a holder declares (`f` of `const f = …`). Messages name a function by declarations only; `assignments`
 * adds the property an assignment stores it in (`load` of `exports.load = function () {}`) and private names.
 */
export function holderName(holder: Holder | undefined, assignments = false): string | undefined {
  if (!holder || ts.isExportAssignment(holder)) return undefined;
  const name = ts.isBinaryExpression(holder) ? (assignments && ts.isPropertyAccessExpression(holder.left) ? holder.left.name : undefined) : holder.name;
  if (!name) return undefined;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || (assignments && ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/** A function's own name, else the name its holder declares. */
export function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn) || ts.isAccessor(fn)) && fn.name) {
    return fn.name.getText();
  }
  return holderName(holderOf(fn));
}

/**
 * The function with a body behind a declaration: itself, or the function expression a variable or property holds
 * directly (`const f = () => …`). Overload signatures have no body (the implementation is another declaration).
 */
export function functionHeldBy(declaration: ts.Declaration): FunctionNode | undefined {
  if (isFunctionWithBody(declaration)) return declaration.body ? declaration : undefined;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    const initializer = declaration.initializer;
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
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
