/**
 * The TypeScript syntax adapter: the tree facts `analysis/context.ts` needs (callback timing resolved by the type
 * checker; which nested functions are helpers that run only where they are called, and those calls), and how a
 * function is named from what holds it — one answer for messages, summaries and incremental checks.
 */
import ts from 'typescript';
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

/** The `async` keyword itself: modifier flags would also read JSDoc (`@private`, …) in JavaScript files, at a cost. */
export function isAsyncFunction(node: ts.Node): boolean {
  return isFunctionWithBody(node) && !!node.modifiers?.some((modifier) => modifier.kind === SyntaxKind.AsyncKeyword);
}

export function typescriptSyntax(resolver: CallResolver, checker: ts.TypeChecker): ContextSyntax<ts.Node> {
  const helperCalls = new WeakMap<ts.Node, readonly ts.Node[] | null>();
  return {
    ...functionsSyntax((call, index) => resolver.callbackTiming(call as CallLike, index)),
    mayBeHelper: (fn) => helperName(fn) !== undefined,
    callsOf(fn) {
      let calls = helperCalls.get(fn);
      if (calls === undefined) helperCalls.set(fn, (calls = callsOfHelper(fn, checker) ?? null));
      return calls ?? undefined;
    },
  };
}

/**
 * The same tree facts with callback timing decided elsewhere (the preliminary pass decides it without types). Without
 * symbols no local helper is known: a call inside one waits for the typed pass.
 */
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
          // Instance fields run at construction; static fields and static blocks where the class is defined.
          const field = current as ts.PropertyDeclaration;
          if (child === field.initializer && !(ts.getCombinedModifierFlags(field) & ts.ModifierFlags.Static)) return undefined;
        } else if (kind === SyntaxKind.EnumMember || kind === SyntaxKind.SourceFile) {
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
    mayBeHelper: () => false,
    callsOf: () => undefined,
    outermostScope(node) {
      let outermost = node;
      for (let current = node.parent; current; current = current.parent) {
        if (functionKinds.has(current.kind) || current.kind === SyntaxKind.ClassStaticBlockDeclaration) outermost = current;
      }
      return outermost;
    },
    hasAsyncFunction: (scope) => isAsyncFunction(scope) || !!ts.forEachChild(scope, function visit(node): true | undefined {
      return isAsyncFunction(node) || ts.forEachChild(node, visit);
    }),
  };
}

/**
 * The name of a function that can only run where its enclosing function calls it: `function save() {}` or
 * `const write = () => …` declared inside another function. Module-level functions are left to the indirect rule
 * (which reports their calls from async code with the chain), and methods too (any holder of the object may call them).
 */
function helperName(fn: ts.Node): ts.Identifier | undefined {
  if (!isInsideFunction(fn)) return undefined;
  if (ts.isFunctionDeclaration(fn)) {
    return fn.name && fn.body && !ts.getModifiers(fn)?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword || modifier.kind === SyntaxKind.DefaultKeyword)
      ? fn.name
      : undefined;
  }
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const holder = fn.parent;
  if (!ts.isVariableDeclaration(holder) || holder.initializer !== fn || !ts.isIdentifier(holder.name)) return undefined;
  const statement = holder.parent.parent;
  return ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword)
    ? undefined
    : holder.name;
}

function isInsideFunction(fn: ts.Node): boolean {
  for (let node = fn.parent; node; node = node.parent) {
    if (isFunctionWithBody(node) || ts.isClassStaticBlockDeclaration(node)) return true;
  }
  return false;
}

/** Every reference to the helper in its file, if each is a direct call; undefined when one is anything else. */
function callsOfHelper(fn: ts.Node, checker: ts.TypeChecker): ts.Node[] | undefined {
  const name = helperName(fn);
  const symbol = name && checker.getSymbolAtLocation(name);
  if (!name || !symbol) return undefined;
  const calls: ts.Node[] = [];
  for (const identifier of identifiersNamed(fn.getSourceFile(), name.text)) {
    if (identifier === name || isPropertyName(identifier)) continue;
    const parent = identifier.parent;
    // `{ write }` and `export { write }` hand the function out.
    if (ts.isShorthandPropertyAssignment(parent) || ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return undefined;
    if (checker.getSymbolAtLocation(identifier) !== symbol) continue; // another binding of the same name
    let value: ts.Node = identifier;
    while (ts.isParenthesizedExpression(value.parent)) value = value.parent;
    if (ts.isTypeQueryNode(value.parent)) continue;
    if (!ts.isCallExpression(value.parent) || value.parent.expression !== value) return undefined;
    calls.push(value.parent);
  }
  return calls;
}

/**
 * The references inside `root` to helpers of its file (`write(f)` → 'write()', `[write]` → 'write'): an edit that
 * changes them changes where those helpers run, and so the findings inside them.
 */
export function helperReferences(root: ts.Node, checker: ts.TypeChecker): string[] {
  const references: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isPropertyName(node)) {
      const declaration = checker.getSymbolAtLocation(node)?.declarations?.[0];
      const fn = declaration && (ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration);
      if (fn && helperName(fn) && fn.getSourceFile() === root.getSourceFile()) {
        references.push(ts.isCallExpression(node.parent) && node.parent.expression === node ? `${node.text}()` : node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return references;
}

/** The name of a member, key, label or destructured property: not a reference to a binding. */
function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent as ts.Node & { name?: ts.Node };
  if (ts.isPropertyAccessExpression(parent)) return parent.name === identifier;
  if (ts.isQualifiedName(parent)) return parent.right === identifier;
  if (ts.isBindingElement(parent)) return parent.propertyName === identifier;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return parent.label === identifier;
  return (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) || ts.isAccessor(parent) || ts.isEnumMember(parent) || ts.isJsxAttribute(parent)) &&
    parent.name === identifier
  );
}

/** Identifiers of a file by text, collected once per file (TypeScript reuses unchanged files between programs). */
const identifierIndex = new WeakMap<ts.SourceFile, Map<string, ts.Identifier[]>>();

function identifiersNamed(sourceFile: ts.SourceFile, text: string): readonly ts.Identifier[] {
  let index = identifierIndex.get(sourceFile);
  if (!index) {
    const found = new Map<string, ts.Identifier[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const list = found.get(node.text);
        if (list) list.push(node);
        else found.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    identifierIndex.set(sourceFile, (index = found));
  }
  return index.get(text) ?? [];
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
