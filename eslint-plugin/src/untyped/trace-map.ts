/**
 * Without type information, blocking APIs are found by import tracking (`ReferenceTracker` from
 * `@eslint-community/eslint-utils`). The trace maps are derived from the catalog, never written by hand.
 */
import { ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import { type BlockingApi, offloadApis, type PackageCatalog, packages } from 'unblock-core/light';

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
  const byModule = new Map<string, BlockingApi[]>();
  for (const api of apis) byModule.set(api.module, [...(byModule.get(api.module) ?? []), api]);

  for (const pkg of packages) {
    const own = byModule.get(pkg.module) ?? [];
    const reexported = (pkg.reexports ?? []).flatMap((module) => byModule.get(module) ?? []);
    for (const specifier of specifiersOf(pkg)) {
      for (const api of [...own, ...reexported]) {
        const segments = trackablePath(api);
        if (!segments) continue;
        const root = pkg.module === 'global' ? globals : (modules[specifier] ??= {});
        addLeaf(root, segments, api);
      }
    }
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

function specifiersOf(pkg: PackageCatalog): string[] {
  if (pkg.module === 'global') return ['global'];
  return [pkg.module, ...(pkg.aliases ?? [])];
}

/** 'realpathSync.native' → ['realpathSync', 'native']; instance members need types unless `untyped` says how. */
function trackablePath(api: BlockingApi): string[] | undefined {
  const path = api.untyped ?? api.path;
  return path.includes('#') ? undefined : path.split('.');
}

function addLeaf(root: MutableTraceMap, segments: readonly string[], api: BlockingApi): void {
  let node = root;
  for (const segment of segments) node = node[segment] ??= {};
  const leaf: TrackedApi = { api };
  // A class entry blocks when constructed; everything else when called.
  if (/^[A-Z]/.test(segments.at(-1)!) && api.path === segments.join('.')) node[CONSTRUCT] = leaf;
  else node[CALL] = leaf;
}
