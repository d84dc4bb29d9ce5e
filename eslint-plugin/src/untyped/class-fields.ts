/**
 * Without type information: a class field that holds a module or one of its functions (`#fs = fs`,
 * `#read = fs.readFileSync`), used through `this` (`this.#fs.readFileSync(p)`, `this.#read(p)`).
 * `ReferenceTracker` does not follow a value into a field; this hands it each `this.<field>` to follow from there.
 */
import type { ReferenceTracker, TraceMap, TrackedReferences } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { importPathOf, type ScopeOf } from './import-path.js';

type Node = TSESTree.Node;

/** `classBodies`: the file's class bodies, gathered by the rule's `ClassBody` listener while the linter walks the tree. */
export function* iterateClassFieldReferences<T>(
  classBodies: readonly TSESTree.ClassBody[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  tracker: ReferenceTracker,
  traceMap: TraceMap<T>,
  scopeOf: ScopeOf,
): Generator<TrackedReferences<T>> {
  for (const body of classBodies) {
    for (const member of body.body) {
      if (member.type !== 'PropertyDefinition' || !member.value || member.computed) continue;
      const key = member.key.type === 'Identifier' || member.key.type === 'PrivateIdentifier' ? member.key : undefined;
      const found = key && importPathOf(member.value, scopeOf);
      const followed = found && subMap(traceMap, [found.specifier, ...found.path]);
      if (!key || !followed) continue;
      for (const use of thisMembers(body, key, visitorKeys)) {
        yield* tracker.iteratePropertyReferences(use as Parameters<ReferenceTracker['iteratePropertyReferences']>[0], followed);
      }
    }
  }
}

/** `this.<key>` in the class body, not in nested classes (where `this` is another object). */
function thisMembers(body: TSESTree.ClassBody, key: TSESTree.Identifier | TSESTree.PrivateIdentifier, visitorKeys: TSESLint.SourceCode.VisitorKeys): Node[] {
  const found: Node[] = [];
  walk(body, visitorKeys, (node) => {
    if (node !== body && node.type === 'ClassBody') return false;
    if (
      node.type === 'MemberExpression' &&
      !node.computed &&
      node.object.type === 'ThisExpression' &&
      node.property.type === key.type &&
      node.property.name === key.name
    ) {
      found.push(node);
    }
    return true;
  });
  return found;
}

function subMap<T>(traceMap: TraceMap<T>, path: readonly string[]): TraceMap<T> | undefined {
  let node: unknown = traceMap;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node as TraceMap<T>;
}

/** Depth-first over the tree by ESLint's visitor keys; `enter` returns false to skip a node's children. */
function walk(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, enter: (node: Node) => boolean): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!enter(node)) continue;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      if (child && typeof (child as Node).type === 'string') stack.push(child as Node);
    }
  }
}
