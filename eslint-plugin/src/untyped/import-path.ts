/**
 * Without type information: what a value is by import tracking, read bottom-up from the value — the module as
 * written and the property path (`fs.realpathSync.native` → 'fs', ['realpathSync', 'native']) — through `import`,
 * `require()`, variables initialized from them and destructuring. `ReferenceTracker` follows imports top-down; this
 * answers for the places it does not reach on its own: class fields holding a module (`#fs = fs`) and aliases that
 * are a blocking API on every branch (`const realpath = win ? fs.realpathSync : fs.realpathSync.native`).
 */
import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findUntypedApi, type BlockingApi } from 'unblock-core/light';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
export type ScopeOf = (node: Node) => Scope;

export interface ImportPath {
  readonly specifier: string;
  readonly path: readonly string[];
}

/** The module and property path `node` holds, or undefined when it does not come from an import. */
export function importPathOf(node: Node, scopeOf: ScopeOf, depth = 0): ImportPath | undefined {
  if (depth > 16) return undefined;
  const value = unwrap(node);
  if (value.type === 'Identifier') return bindingPath(value, scopeOf, depth);
  if (value.type === 'MemberExpression') {
    const name = propertyName(value);
    const object = name === undefined ? undefined : importPathOf(value.object, scopeOf, depth + 1);
    return object && name !== undefined ? { specifier: object.specifier, path: [...object.path, name] } : undefined;
  }
  if (value.type === 'CallExpression' && isGlobalRequire(value, scopeOf)) {
    const [first] = value.arguments;
    return first?.type === 'Literal' && typeof first.value === 'string' ? { specifier: first.value, path: [] } : undefined;
  }
  return undefined;
}

/** The catalog entry a value is, by import tracking. */
export function untypedApiOf(node: Node, scopeOf: ScopeOf): BlockingApi | undefined {
  const found = importPathOf(node, scopeOf);
  return found && found.path.length > 0 ? findUntypedApi(found.specifier, found.path.join('.')) : undefined;
}

/**
 * The values a variable may hold when it is initialized with a choice (`a ? b : c`, `a || b`, `a ?? b`), followed
 * through `const x = y` aliases; undefined when it is not such a choice.
 */
export function choicesOf(callee: Node, scopeOf: ScopeOf): Node[] | undefined {
  let value = unwrap(callee);
  for (let hops = 0; value.type === 'Identifier' && hops < 8; hops++) {
    const init = initializerOf(value, scopeOf);
    if (!init) return undefined;
    value = unwrap(init);
  }
  if (value.type !== 'ConditionalExpression' && value.type !== 'LogicalExpression') return undefined;
  return branches(value);
}

function branches(node: Node): Node[] {
  const value = unwrap(node);
  if (value.type === 'ConditionalExpression') return [...branches(value.consequent), ...branches(value.alternate)];
  if (value.type === 'LogicalExpression') {
    // `a && f` is `a` only when `a` is falsy, which is never called: the function is `f`.
    return value.operator === '&&' ? branches(value.right) : [...branches(value.left), ...branches(value.right)];
  }
  return [value];
}

function bindingPath(identifier: TSESTree.Identifier, scopeOf: ScopeOf, depth: number): ImportPath | undefined {
  const variable = findVariable(scopeOf(identifier) as Parameters<typeof findVariable>[0], identifier);
  const definition = variable?.defs[0];
  if (!definition || variable.defs.length !== 1) return undefined;
  const node = definition.node as Node;
  if (definition.type === 'ImportBinding') {
    const declaration = node.parent as TSESTree.ImportDeclaration;
    const specifier = declaration.source.value;
    if (node.type === 'ImportSpecifier') {
      const imported = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
      return { specifier, path: imported === 'default' ? [] : [imported] };
    }
    return { specifier, path: [] }; // default (a CommonJS module's `module.exports`) or namespace
  }
  if (definition.type !== 'Variable' || node.type !== 'VariableDeclarator' || !node.init) return undefined;
  if (node.id.type === 'Identifier') return importPathOf(node.init, scopeOf, depth + 1);
  if (node.id.type !== 'ObjectPattern') return undefined;
  const property = node.id.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === 'Property' && unwrap(candidate.value) === identifier,
  );
  const key = property && !property.computed && property.key.type === 'Identifier' ? property.key.name : undefined;
  const object = key === undefined ? undefined : importPathOf(node.init, scopeOf, depth + 1);
  return object && key !== undefined ? { specifier: object.specifier, path: [...object.path, key] } : undefined;
}

function initializerOf(identifier: TSESTree.Identifier, scopeOf: ScopeOf): Node | undefined {
  const variable = findVariable(scopeOf(identifier) as Parameters<typeof findVariable>[0], identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const node = definition?.node as Node | undefined;
  return node?.type === 'VariableDeclarator' && node.id.type === 'Identifier' ? (node.init ?? undefined) : undefined;
}

/** `require` that is no binding of the file: Node's. */
function isGlobalRequire(call: TSESTree.CallExpression, scopeOf: ScopeOf): boolean {
  if (call.callee.type !== 'Identifier' || call.callee.name !== 'require') return false;
  const variable = findVariable(scopeOf(call) as Parameters<typeof findVariable>[0], call.callee);
  return !variable || variable.defs.length === 0;
}

function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === 'Identifier' ? member.property.name : undefined;
  return member.property.type === 'Literal' && typeof member.property.value === 'string' ? member.property.value : undefined;
}

/** The value inside parentheses (already gone in ESTree), type assertions, `x!` and `(0, x)`. */
function unwrap(node: Node): Node {
  let value = node;
  for (;;) {
    if (
      value.type === 'TSAsExpression' ||
      value.type === 'TSNonNullExpression' ||
      value.type === 'TSSatisfiesExpression' ||
      value.type === 'TSTypeAssertion' ||
      value.type === 'ChainExpression'
    ) {
      value = value.expression;
    } else if (value.type === 'SequenceExpression') {
      value = value.expressions.at(-1)!;
    } else {
      return value;
    }
  }
}
