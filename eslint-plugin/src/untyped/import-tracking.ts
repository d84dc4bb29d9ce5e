/**
 * The untyped engine: without type information, blocking calls are found by import tracking (`import`, `require` and
 * globals of catalog APIs and of the user's `deny` list, less its `allow` list, with `ReferenceTracker` from
 * `@eslint-community/eslint-utils`) and their context judged by syntax (`estree-syntax.ts`). It runs on ESLint's
 * scope analysis, which is why it lives in the plugin, not the core.
 */
import { findVariable, ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { blockingApis, findAsyncContext, findingContext, packageCallbackApis, passThroughApis, type Category, type DetectorOptions, type Finding } from 'unblock-core/light';
import { iterateClassFieldReferences } from './class-fields.js';
import { estreeSyntax } from './estree-syntax.js';
import { mentionsAny, mentionsAsync } from './mentions.js';
import { choicesOf, importPathOf, untypedApiOf, type ScopeOf } from './import-path.js';
import { buildArgumentTraceMap, buildOffloadTraceMap, buildTraceMaps, iterateUndeclaredRequireReferences, type TrackedApi } from './trace-map.js';
import { deniedTraceMaps, isAllowed } from './user-lists.js';

/** The cheap filter before scope analysis: can a file with this text hold a call import tracking would find? */
export function mayFindByImportTracking(text: string, options: DetectorOptions): boolean {
  // Context `async` reports only calls that run inside an async function (`findAsyncContext`): none without one.
  if (options.context === 'async' && !mentionsAsync(text)) return false;
  const { modules, globals } = traceMapsFor(options.categories);
  const denied = deniedTraceMaps(options.deny);
  return mentionsAny(text, modules, globals) || (!!denied && mentionsAny(text, denied.modules, denied.globals));
}

/** The blocking calls of a file, found by import tracking: each with the node to report. `classBodies`: the file's. */
export function findByImportTracking(
  sourceCode: Readonly<TSESLint.SourceCode>,
  program: TSESTree.Program,
  options: DetectorOptions,
  classBodies: readonly TSESTree.ClassBody[],
): { node: TSESTree.Node; finding: Finding }[] {
  // typescript-eslint's scope types are a superset of ESLint's; eslint-utils is typed against ESLint's.
  const scope = sourceCode.getScope(program) as unknown as ConstructorParameters<typeof ReferenceTracker>[0];
  // 'legacy' mode: named imports of CommonJS modules (`import { readFileSync } from 'fs'`) are tracked too.
  const tracker = new ReferenceTracker(scope, { mode: 'legacy' });
  const { modules, globals } = traceMapsFor(options.categories);
  const offloadCalls = new Set<TSESTree.Node>();
  const offload = offloadTraceMap;
  const cjs = <T>(map: TraceMap<T>) => [...tracker.iterateCjsReferences(map), ...iterateUndeclaredRequireReferences(tracker, scope, map)];
  for (const { node } of [...tracker.iterateEsmReferences(offload), ...cjs(offload)]) {
    offloadCalls.add(node as TSESTree.Node);
  }
  // `new BbPromise(executor)`: the call and the index of the argument it runs before returning
  const syncCalls = new Map<TSESTree.Node, number>();
  for (const { node, info } of [...tracker.iterateEsmReferences(syncCallbackTraceMap), ...cjs(syncCallbackTraceMap)]) {
    syncCalls.set(node as TSESTree.Node, info.argument);
  }
  const syntax = estreeSyntax(offloadCalls, sourceCode.scopeManager as unknown as Parameters<typeof estreeSyntax>[1], syncCalls);
  const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
  // `const fs = promisifyAll(require('fs'))`: the result is the argument, its properties tracked as the module's
  const passedThrough = [...tracker.iterateEsmReferences(passThroughTraceMap), ...cjs(passThroughTraceMap)].flatMap(({ node, info }) => {
    const argument = node.type === 'CallExpression' ? node.arguments[info.argument] : undefined;
    const found = argument && importPathOf(argument as TSESTree.Node, scopeOf);
    let map: TraceMap<TrackedApi> | undefined = found && (modules as Record<string, TraceMap<TrackedApi>>)[found.specifier];
    for (const segment of found?.path ?? []) map = map && Object.hasOwn(map, segment) ? (map as Record<string, TraceMap<TrackedApi>>)[segment] : undefined;
    return map ? [...tracker.iteratePropertyReferences(node as Parameters<ReferenceTracker['iteratePropertyReferences']>[0], map)] : [];
  });
  const denied = deniedTraceMaps(options.deny);
  const references = [
    ...tracker.iterateEsmReferences(modules),
    ...cjs(modules),
    ...tracker.iterateGlobalReferences(globals),
    ...passedThrough,
    // Hosts without visitor keys (some ESLint-compatible linters) get no class-field tracking rather than a crash.
    ...((sourceCode.visitorKeys as typeof sourceCode.visitorKeys | undefined) ? iterateClassFieldReferences(classBodies, sourceCode.visitorKeys, tracker, modules, scopeOf) : []),
    // The user's `deny` entries after the catalog: a call both list is the catalog's.
    ...(denied ? [...tracker.iterateEsmReferences(denied.modules), ...cjs(denied.modules), ...tracker.iterateGlobalReferences(denied.globals)] : []),
  ];
  const seen = new Set<TSESTree.Node>();
  const found: { node: TSESTree.Node; finding: Finding }[] = [];
  for (const { node, info } of references) {
    const call = node as TSESTree.Node;
    if (seen.has(call)) continue;
    seen.add(call);
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression') continue;
    const { api } = info as TrackedApi;
    if (isAllowed(api, options.allow)) continue;
    if (api.onlyWithoutCallback && mayPassCallback(call, sourceCode)) continue;
    // `const f = win ? fs.realpathSync : own`: the tracker follows either branch; only report when every one blocks.
    if (call.type === 'CallExpression' && choicesOf(call.callee, scopeOf)?.some((choice) => !untypedApiOf(choice, scopeOf))) continue;
    const context = findAsyncContext<TSESTree.Node>(call, syntax, options.context);
    if (!context) continue;
    found.push({ node: call, finding: { kind: 'direct', api, range: call.range, context: findingContext(context, (fn) => fn.range), fixes: [] } });
  }
  return found;
}

/** Trace maps are derived from the catalog once per set of categories, not per file. */
const traceMaps = new Map<string, ReturnType<typeof buildTraceMaps>>();
const traceMapsByList = new WeakMap<readonly Category[], ReturnType<typeof buildTraceMaps>>();
const offloadTraceMap = buildOffloadTraceMap();
const syncCallbackTraceMap = buildArgumentTraceMap(packageCallbackApis);
const passThroughTraceMap = buildArgumentTraceMap(passThroughApis);
function traceMapsFor(categories: readonly Category[]): ReturnType<typeof buildTraceMaps> {
  // The resolved options of a configuration are one object (`effectiveOptions`): its list is looked up by identity.
  let maps = traceMapsByList.get(categories);
  if (maps) return maps;
  const enabled = new Set<Category | 'user'>(categories);
  const key = [...enabled].sort().join();
  maps = traceMaps.get(key);
  if (!maps) traceMaps.set(key, (maps = buildTraceMaps(blockingApis.filter((api) => enabled.has(api.category)))));
  traceMapsByList.set(categories, maps);
  return maps;
}

/** `randomBytes(16, cb)`: any function-like or unknown identifier argument may be the callback. */
function mayPassCallback(call: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression') return true;
    if (argument.type !== 'Identifier') return false;
    const scope = sourceCode.getScope(argument) as unknown as Parameters<typeof findVariable>[0];
    const variable = findVariable(scope, argument.name);
    const definition = variable?.defs[0];
    return !definition || definition.type === 'FunctionName' || definition.type === 'Parameter' || definition.type === 'ImportBinding';
  });
}
