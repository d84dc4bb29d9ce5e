/**
 * `fast-glob@3` (ships `out/index.d.ts`): `declare function FastGlob` merged with
 * `declare namespace FastGlob { function sync(); const globSync: typeof sync; … }` and `export = FastGlob`,
 * so the namespace name is dropped: paths 'sync' and 'globSync'. `globSync`'s signature resolves to `sync`
 * (reported as 'fast-glob.sync'); the 'globSync' entry serves the untyped mode.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/mrmlnc/fast-glob#sync';
const TWIN = { module: 'fast-glob', name: 'glob', style: 'promise', label: 'fg.glob' } as const;

export const fastGlob = definePackage({
  module: 'fast-glob',
  docs: DOCS,
  verifiedWith: 'fast-glob@3.3.3',
  entries: [
    { path: 'sync', category: 'fs', twin: TWIN },
    { path: 'globSync', category: 'fs', twin: TWIN },
  ],
});
