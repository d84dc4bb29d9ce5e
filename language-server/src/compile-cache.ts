/**
 * Node's compile cache (Node 22.1 and later; older Nodes start without it): the server's code, TypeScript's 9 MB
 * among it, is compiled once and read back on later starts — from start to the answer of `initialize`, 0.63–0.74 s
 * → 0.47–0.50 s (Node 22.23, this package; 0.66 → 0.53 s for the VS Code extension's bundle). The cache lives in
 * `NODE_COMPILE_CACHE`'s folder when that is set (the VS Code extension sets one in its own storage), else in the
 * system's temporary folder, as npm and tsc keep theirs; `NODE_DISABLE_COMPILE_CACHE=1` turns it off. Imported
 * first by the server, before the modules it caches.
 */
import * as nodeModule from 'node:module';

/** What Node 22 adds to `node:module` (the types of Node 20 do not declare it). */
interface CompileCache {
  enableCompileCache?: (cacheDir?: string) => unknown;
  flushCompileCache?: () => void;
}

const compileCache = nodeModule as unknown as CompileCache;

/** Turns the cache on for the modules loaded from here on (a no-op where Node has none, or it is on already). */
export function enableCompileCache(): void {
  try {
    compileCache.enableCompileCache?.();
  } catch {
    // A cache folder that cannot be written: Node starts without it.
  }
}

/**
 * Writes what has been compiled so far to the cache (Node writes it at exit too, which a killed server never
 * reaches): called once the first answer is out, so the next start finds what that answer needed.
 */
export function flushCompileCache(): void {
  try {
    compileCache.flushCompileCache?.();
  } catch {
    // Nothing is lost but time on the next start.
  }
}

enableCompileCache();
