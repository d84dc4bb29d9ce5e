import { definePackage } from './types.js';

/**
 * `locate-path`: `locatePathSync(paths)` (v7 and later, ESM) and `locatePath.sync(paths)` (v6 and earlier,
 * `export = locatePath`, path 'sync') stat each candidate synchronously.
 */
export const locatePath = definePackage({
  module: 'locate-path',
  docs: 'https://github.com/sindresorhus/locate-path#api',
  verifiedWith: 'locate-path@8.0.0',
  entries: [
    { path: 'locatePathSync', category: 'fs', twin: { module: 'locate-path', name: 'locatePath', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'locate-path', name: 'default', style: 'promise', label: 'locatePath()' } },
  ],
});
