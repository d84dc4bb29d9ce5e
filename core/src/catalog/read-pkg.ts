import { definePackage } from './types.js';

/**
 * `read-pkg`: `readPackageSync()` (v6 and later, ESM) and `readPkg.sync()` (v5 and earlier,
 * `export = readPkg`, path 'sync') read and parse package.json synchronously. `parsePackage` is pure.
 */
export const readPkg = definePackage({
  module: 'read-pkg',
  docs: 'https://github.com/sindresorhus/read-pkg#api',
  verifiedWith: 'read-pkg@10.1.0',
  entries: [
    { path: 'readPackageSync', category: 'fs', twin: { module: 'read-pkg', name: 'readPackage', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'read-pkg', name: 'default', style: 'promise', label: 'readPkg()' } },
  ],
});
