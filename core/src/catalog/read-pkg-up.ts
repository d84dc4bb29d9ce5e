import { definePackage } from './types.js';

/**
 * `read-pkg-up` (renamed `read-package-up` from v11 on, see `read-package-up.ts`): `readPackageUpSync()`
 * (v8 and later, ESM) and `readPkgUp.sync()` (v7 and earlier, `export = readPkgUp`, path 'sync') walk up to
 * the nearest package.json and read it synchronously.
 */
export const readPkgUp = definePackage({
  module: 'read-pkg-up',
  docs: 'https://github.com/sindresorhus/read-package-up#api',
  verifiedWith: 'read-pkg-up@11.0.0',
  entries: [
    { path: 'readPackageUpSync', category: 'fs', twin: { module: 'read-pkg-up', name: 'readPackageUp', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'read-pkg-up', name: 'default', style: 'promise', label: 'readPkgUp()' } },
  ],
});
