/**
 * The ESTree syntax adapter: the context facts of an ESTree without type information. Callback timing is judged by
 * the callee's shape (`.map`, `Array.from`, `new Promise`) since receivers cannot be typed; offload APIs and package
 * APIs that run a callback (`new BbPromise(executor)`) by import tracking.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { syncCallbackApis, type ContextSyntax, type FunctionDescription, type FunctionKind } from 'unblock-core/light';

type Node = TSESTree.Node;
type ScopeManager = TSESLint.Scope.ScopeManager;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const untypedForms = new Set(syncCallbackApis.map((api) => `${api.untyped}@${api.argument}`));

/**
 * `scopeManager`: ESLint's scope analysis of the file, to find every reference to a helper function. `syncCalls`: calls
 * of package APIs found by import tracking to run a function argument before returning (`new BbPromise(executor)`),
 * with that argument's index.
 */
export function estreeSyntax(
  offloadCalls: ReadonlySet<Node>,
  scopeManager: ScopeManager | null | undefined,
  syncCalls: ReadonlyMap<Node, number> = new Map(),
): ContextSyntax<Node> {
  const helperCalls = new WeakMap<Node, readonly Node[] | null>();
  return {
    enclosingFunction(node) {
      let child: Node = node;
      for (let current = node.parent; current; child = current, current = current.parent) {
        // Only a function's parameters and body run when it runs.
        if (isFunction(current) && (child === current.body || current.params.includes(child as TSESTree.Parameter))) return current;
        // Instance fields run at construction; static fields and static blocks where the class is defined.
        if (current.type === 'PropertyDefinition' && child === current.value && !current.static) return undefined;
        if (current.type === 'TSEnumMember' || current.type === 'Program') return undefined;
      }
      return undefined;
    },
    facts: (fn) => estreeFunctionFacts(fn as FunctionNode),
    isAsync: (fn) => (fn as FunctionNode).async,
    callOfArgument(fn) {
      const call = fn.parent;
      if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return undefined;
      const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
      return index < 0 ? undefined : { call, index, method: untypedForm(call) };
    },
    callbackTiming(call, index) {
      if (offloadCalls.has(call)) return 'offload';
      if (syncCalls.get(call) === index) return 'sync';
      const form = untypedForm(call as TSESTree.CallExpression | TSESTree.NewExpression);
      return form && untypedForms.has(`${form}@${index}`) ? 'sync' : 'unknown';
    },
    mayBeHelper: (fn) => helperDeclaration(fn) !== undefined,
    callsOf(fn) {
      let calls = helperCalls.get(fn);
      if (calls === undefined) helperCalls.set(fn, (calls = (scopeManager && callsOfHelper(fn, scopeManager)) ?? null));
      return calls ?? undefined;
    },
    outermostScope(node) {
      let outermost = node;
      for (let current = node.parent; current; current = current.parent) {
        if (isFunction(current) || current.type === 'StaticBlock') outermost = current;
      }
      return outermost;
    },
    hasAsyncFunction,
  };
}

/** Whether `node` is, or has inside it, an async function: a walk over its child nodes. */
function hasAsyncFunction(node: Node): boolean {
  if (isFunction(node) && node.async) return true;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || !value || typeof value !== 'object') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string' && hasAsyncFunction(child as Node)) return true;
    }
  }
  return false;
}

/**
 * The node declaring a function that can only run where its enclosing function calls it: `function save() {}` or
 * `const write = () => …` declared inside another function. Module-level functions are left to the indirect rule,
 * and methods too (any holder of the object may call them).
 */
function helperDeclaration(fn: Node): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  const parent = fn.parent;
  if (!isInsideFunction(fn)) return undefined;
  if (fn.type === 'FunctionDeclaration') {
    return fn.id && parent?.type !== 'ExportNamedDeclaration' && parent?.type !== 'ExportDefaultDeclaration' ? fn : undefined;
  }
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== fn || parent.id.type !== 'Identifier') return undefined;
  return parent.parent.parent?.type === 'ExportNamedDeclaration' ? undefined : parent;
}

function isInsideFunction(fn: Node): boolean {
  for (let node = fn.parent; node; node = node.parent) if (isFunction(node) || node.type === 'StaticBlock') return true;
  return false;
}

/** Every reference to the helper, if each is a direct call; undefined when one is anything else. */
function callsOfHelper(fn: Node, scopeManager: ScopeManager): Node[] | undefined {
  const declaration = helperDeclaration(fn);
  if (!declaration) return undefined;
  const name = declaration.id?.type === 'Identifier' ? declaration.id.name : undefined;
  const variable = scopeManager.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
  if (!variable) return undefined;
  const calls: Node[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue; // `const write = …` itself
    const identifier = reference.identifier as Node;
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) return undefined;
    calls.push(call);
  }
  return calls;
}

export function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression'
  );
}

function estreeFunctionFacts(fn: FunctionNode): FunctionDescription {
  const parent = fn.parent;
  const isMethod =
    parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && parent.method);
  const kind: FunctionKind =
    fn.type === 'ArrowFunctionExpression'
      ? 'arrow function'
      : isMethod
        ? parent?.type === 'MethodDefinition' && parent.kind === 'constructor'
          ? 'constructor'
          : 'method'
        : fn.generator
          ? 'generator function'
          : 'function';
  return { async: fn.async, kind, name: functionName(fn) };
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (
    (parent.type === 'MethodDefinition' ||
      parent.type === 'Property' ||
      parent.type === 'PropertyDefinition') &&
    !parent.computed
  ) {
    if (parent.key.type === 'Identifier') return parent.key.name;
    if (parent.key.type === 'Literal') return String(parent.key.value);
  }
  return undefined;
}

/** `.map`, `Array.from`, `new Promise`: the shape `syncCallbackApis[].untyped` speaks of. */
function untypedForm(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = call.callee;
  if (call.type === 'NewExpression') {
    return callee.type === 'Identifier' ? `new ${callee.name}` : undefined;
  }
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') {
    return callee.type === 'Identifier' ? callee.name : undefined;
  }
  const method = callee.property.name;
  return callee.object.type === 'Identifier' && callee.object.name === 'Array' && method === 'from'
    ? 'Array.from'
    : `.${method}`;
}
