/**
 * The user's `allow` and `deny` lists without type information. An API is matched by where import tracking found it
 * (its module and path), as the typed detector matches a declaration's origin. `deny` entries of a package
 * (`{ from: 'package' }`) or of the globals (`{ from: 'lib' }`) become trace-map leaves; a bare name or a
 * `{ from: 'file' }` entry needs to know where a call's declaration is, which only type information tells.
 */
import { ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import { deniedAdvice, nodePrefixed, specifierMatches, userApi, type BlockingApi, type TypeOrValueSpecifier } from 'unblock-core/light';
import type { TrackedApi } from './trace-map.js';

/** Is `api` in the `allow` list? */
export function isAllowed(api: BlockingApi, allow: readonly TypeOrValueSpecifier[]): boolean {
  return allow.some((specifier) => specifierMatches(specifier, api));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- symbol-keyed leaves of a recursive map
type MutableTraceMap = Record<string | symbol, any>;

type DeniedTraceMaps = { modules: TraceMap<TrackedApi>; globals: TraceMap<TrackedApi> } | undefined;

/** Built once per `deny` list (the resolved options of a configuration are one object), not per file. */
const deniedByList = new WeakMap<readonly TypeOrValueSpecifier[], DeniedTraceMaps>();

/** Trace maps (modules, globals) of the `deny` entries that import tracking can follow; undefined when none can. */
export function deniedTraceMaps(deny: readonly TypeOrValueSpecifier[]): DeniedTraceMaps {
  if (!deniedByList.has(deny)) deniedByList.set(deny, buildDeniedTraceMaps(deny));
  return deniedByList.get(deny);
}

function buildDeniedTraceMaps(deny: readonly TypeOrValueSpecifier[]): DeniedTraceMaps {
  const modules: MutableTraceMap = {};
  const globals: MutableTraceMap = {};
  let any = false;
  for (const specifier of deny) {
    if (typeof specifier === 'string' || (specifier.from !== 'package' && specifier.from !== 'lib')) continue;
    const module = specifier.from === 'package' ? nodePrefixed(specifier.package) : 'global';
    // A Node built-in is imported as `fs` or `node:fs`.
    const keys = module.startsWith('node:') ? [module, module.slice('node:'.length)] : [module];
    for (const name of [specifier.name].flat()) {
      if (name.includes('#')) continue; // an instance member: which values are instances, only types tell
      const api = userApi({ module, path: name }, deniedAdvice);
      for (const key of keys) addLeaf(module === 'global' ? globals : (modules[key] ??= {}), name.split(/[.#]/), { api });
      any = true;
    }
  }
  return any ? { modules: modules as TraceMap<TrackedApi>, globals: globals as TraceMap<TrackedApi> } : undefined;
}

/** A listed name is reported when called, and when constructed (`new Database()`): the list does not say which. */
function addLeaf(root: MutableTraceMap, segments: readonly string[], leaf: TrackedApi): void {
  let node = root;
  for (const segment of segments) node = node[segment] ??= {};
  node[ReferenceTracker.CALL] ??= leaf;
  node[ReferenceTracker.CONSTRUCT] ??= leaf;
}
