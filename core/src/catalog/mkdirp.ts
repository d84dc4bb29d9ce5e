import { definePackage, type BlockingApiData } from './types.js';

/**
 * `mkdirp`. Version 3 (ships dist/cjs and dist/mjs `index.d.ts`) declares every function as a const with an
 * anonymous function type, and the `mkdirp` export carries them again as properties (`mkdirp.sync`,
 * `mkdirp.manual.sync`, …), so each path is listed. Versions 0.5 and 1 (CommonJS, no types) export the async
 * function with `.sync` (and, in 1, `.manualSync` / `.nativeSync`), which import tracking reaches as 'sync',
 * 'manualSync', 'nativeSync' from the module object. `useNativeSync` only checks the Node version: not listed.
 */
const TWIN = { module: 'node:fs/promises', name: 'mkdir', style: 'promise', label: 'fs.promises.mkdir(path, { recursive: true })' } as const;
const entry = (path: string): BlockingApiData => ({ path, category: 'fs', twin: TWIN });
const own = ['sync', 'mkdirpSync', 'manualSync', 'nativeSync', 'manual.sync', 'native.sync', 'mkdirpManualSync', 'mkdirpNativeSync'];
const viaExport = [...own, 'mkdirpManual.sync', 'mkdirpNative.sync'];

export const mkdirp = definePackage({
  module: 'mkdirp',
  docs: 'https://github.com/isaacs/node-mkdirp#api',
  verifiedWith: 'mkdirp@3.0.1',
  entries: [...own.map(entry), ...viaExport.map((path) => entry(`mkdirp.${path}`))],
});
