/**
 * Calls a function makes through its own parameters — `function processArgs(argv, fs) { fs.existsSync(p) }` — and
 * the argument a given call of the function passes for that parameter. When the caller passes a module
 * (`processArgs(argv, fs)` with `const fs = require('graceful-fs')`), `fs.existsSync` there is that module's: the
 * summaries follow the chain through that call only, never the function alone. Syntax first (a parameter's name, a
 * called name of the catalog), then the binding is checked.
 */
import ts from 'typescript';
import { untypedNames } from '../catalog/index.js';
import type { FunctionNode } from '../syntax/typescript.js';
import { applyTarget, skipOuter, type CallLike } from './resolve.js';

export interface ParameterCall {
  /** The call made through the parameter: `fs.existsSync(p)`. */
  readonly call: ts.CallExpression;
  /** Which parameter. */
  readonly index: number;
  /** What is read from it and called: ['existsSync']. */
  readonly path: readonly string[];
}

const cache = new WeakMap<ts.Node, readonly ParameterCall[]>();

/**
 * The calls `fn` makes through a plain parameter (not destructured, not rest, never assigned), by a name the catalog
 * has, anywhere in its body: the caller decides which of them run during the call.
 */
export function parameterCallsOf(fn: FunctionNode, checker: ts.TypeChecker): readonly ParameterCall[] {
  const cached = cache.get(fn);
  if (cached) return cached;
  const names = new Map<string, number>();
  fn.parameters.forEach((parameter, index) => {
    if (ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) names.set(parameter.name.text, index);
  });
  const found: ParameterCall[] = [];
  const assigned = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const candidate = throughParameter(node, names);
      if (candidate) found.push(candidate);
    } else if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind) && ts.isIdentifier(skipOuter(node.left))) {
      assigned.add((skipOuter(node.left) as ts.Identifier).text);
    }
    ts.forEachChild(node, visit);
  };
  if (names.size > 0 && fn.body) visit(fn.body);
  const calls = found.filter(({ call, index }) => {
    const parameter = fn.parameters[index]!;
    const root = rootOf(call.expression);
    // The same binding (not a shadowing one of a nested function), never given another value in the function.
    return !assigned.has((parameter.name as ts.Identifier).text) && checker.getSymbolAtLocation(root)?.valueDeclaration === parameter;
  });
  cache.set(fn, calls);
  return calls;
}

/** The argument `via` (a call or `new` of the function) passes for parameter `index`, if it can be told. */
export function argumentFor(via: ts.Node, index: number): ts.Expression | undefined {
  if (!ts.isCallExpression(via) && !ts.isNewExpression(via)) return undefined;
  if (applyTarget(via as CallLike)) return undefined; // `.call(thisArg, …)` shifts the arguments
  const args = via.arguments ?? [];
  if (args.slice(0, index + 1).some(ts.isSpreadElement)) return undefined;
  return args[index];
}

function throughParameter(call: ts.CallExpression, names: ReadonlyMap<string, number>): ParameterCall | undefined {
  const path: string[] = [];
  let node = skipOuter(call.expression);
  while (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    path.unshift(node.name.text);
    node = skipOuter(node.expression);
  }
  const last = path.at(-1);
  if (!ts.isIdentifier(node) || last === undefined || !untypedNames.has(last)) return undefined;
  const index = names.get(node.text);
  return index === undefined ? undefined : { call, index, path };
}

function rootOf(expression: ts.Expression): ts.Expression {
  let node = skipOuter(expression);
  while (ts.isPropertyAccessExpression(node)) node = skipOuter(node.expression);
  return node;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
