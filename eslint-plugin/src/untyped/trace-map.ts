/**
 * Without type information, blocking APIs are found by import tracking (`ReferenceTracker` from
 * `@eslint-community/eslint-utils`). The trace maps are derived from the catalog, never written by hand.
 */
import { getStringIfConstant, READ, ReferenceTracker, type TraceMap, type TrackedReferences } from '@eslint-community/eslint-utils';
import { offloadApis, untypedEntries, type BlockingApi } from 'unblock-core/light';

export interface TrackedApi {
  readonly api: BlockingApi;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- symbol-keyed leaves of a recursive map
type MutableTraceMap = Record<string | symbol, any>;
const { CALL, CONSTRUCT } = ReferenceTracker;

/** Module trace map (for `import` and `require`) and global trace map, each leaf carrying its catalog entry. */
export function buildTraceMaps(apis: readonly BlockingApi[]): { modules: TraceMap<TrackedApi>; globals: TraceMap<TrackedApi> } {
  const modules: MutableTraceMap = {};
  const globals: MutableTraceMap = {};
  for (const { specifier, path, api } of untypedEntries(apis)) {
    addLeaf(specifier === 'global' ? globals : (modules[specifier] ??= {}), path, api);
  }
  return { modules: modules as TraceMap<TrackedApi>, globals: globals as TraceMap<TrackedApi> };
}

/** Trace map for APIs whose callbacks run on another thread (`synckit.runAsWorker`). */
export function buildOffloadTraceMap(): TraceMap<true> {
  const map: MutableTraceMap = {};
  for (const api of offloadApis) {
    let node = (map[api.module] ??= {});
    for (const segment of api.path.split('.')) node = node[segment] ??= {};
    node[CALL] = true;
  }
  return map as TraceMap<true>;
}

/**
 * Trace map for package APIs that run a function argument before returning (bluebird's constructor) and for APIs that
 * return their argument (bluebird's `promisifyAll`); each leaf carries the argument's index (in an object: the
 * tracker skips leaves that are falsy).
 */
export function buildArgumentTraceMap(apis: readonly { module: string; path: string; argument: number; construct?: boolean }[]): TraceMap<{ argument: number }> {
  const map: MutableTraceMap = {};
  for (const api of apis) {
    let node = (map[api.module] ??= {});
    for (const segment of api.path ? api.path.split('.') : []) node = node[segment] ??= {};
    node[api.construct ? CONSTRUCT : CALL] = { argument: api.argument };
  }
  return map as TraceMap<{ argument: number }>;
}

function addLeaf(root: MutableTraceMap, segments: readonly string[], api: BlockingApi): void {
  let node = root;
  for (const segment of segments) node = node[segment] ??= {};
  const leaf: TrackedApi = { api };
  // A class entry blocks when constructed; everything else when called.
  if (/^[A-Z]/.test(segments.at(-1)!) && api.path === segments.join('.')) node[CONSTRUCT] = leaf;
  else node[CALL] = leaf;
}

type TrackerScope = ConstructorParameters<typeof ReferenceTracker>[0];

/**
 * `require('fs')` where `require` is no binding of the file. ESLint parses `.js` as an ES module unless told
 * otherwise, so `require` is then not a declared global and `ReferenceTracker#iterateCjsReferences` finds nothing;
 * yet Node runs such a file as CommonJS. Every `require` reference left unresolved in the file is that global.
 * (When `require` is a declared global — `sourceType: 'commonjs'`, `globals.node` — the tracker follows it itself.)
 */
export function* iterateUndeclaredRequireReferences<T>(
  tracker: ReferenceTracker,
  globalScope: TrackerScope,
  traceMap: TraceMap<T>,
): Generator<TrackedReferences<T>> {
  if (globalScope.set.get('require')) return;
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    const call = (identifier as { parent?: { type: string; callee?: unknown; arguments?: unknown[] } }).parent;
    if (identifier.name !== 'require' || call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const key = getStringIfConstant(call.arguments![0] as Parameters<typeof getStringIfConstant>[0]);
    if (key === null || !Object.hasOwn(traceMap, key)) continue;
    const next = (traceMap as Record<string, TraceMap<T>>)[key]!;
    const whole = (next as { [READ]?: T })[READ];
    if (whole !== undefined) yield { node: call as TrackedReferences<T>['node'], path: [key], type: READ, info: whole };
    yield* tracker.iteratePropertyReferences(call as Parameters<ReferenceTracker['iteratePropertyReferences']>[0], next) ;
  }
}
