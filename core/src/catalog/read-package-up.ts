import { definePackage } from './types.js';

/** `read-package-up@12` (ESM; the former `read-pkg-up`): `readPackageUpSync()` finds and reads package.json synchronously. */
export const readPackageUp = definePackage({
  module: 'read-package-up',
  docs: 'https://github.com/sindresorhus/read-package-up#api',
  verifiedWith: 'read-package-up@12.0.0',
  entries: [{ path: 'readPackageUpSync', category: 'fs', twin: { module: 'read-package-up', name: 'readPackageUp', style: 'promise' } }],
});
