import { definePackage } from './types.js';

/**
 * `symlink-or-copy@1` (CommonJS, no types): `module.exports.sync = symlinkOrCopySync`, which symlinks, or
 * copies the tree where symlinks are unavailable, with `fs.*Sync` calls. It has no async API.
 */
export const symlinkOrCopy = definePackage({
  module: 'symlink-or-copy',
  docs: 'https://github.com/broccolijs/node-symlink-or-copy',
  verifiedWith: 'symlink-or-copy@1.3.1',
  entries: [{ path: 'sync', category: 'fs', advice: 'use `fs.promises.symlink` (or `fs.promises.cp` where symlinks are unavailable)' }],
});
