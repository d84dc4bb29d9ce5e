/** `tinyglobby` (ships `dist/index.d.cts` / `index.d.mts`): `declare function globSync`, exported by name. */
import { definePackage } from './types.js';

export const tinyglobby = definePackage({
  module: 'tinyglobby',
  docs: 'https://superchupu.dev/tinyglobby/documentation',
  verifiedWith: 'tinyglobby@0.2.17',
  entries: [{ path: 'globSync', category: 'fs', twin: { module: 'tinyglobby', name: 'glob', style: 'promise' } }],
});
