import { definePackage } from './types.js';

/**
 * `graceful-fs@4` (no types of its own; `@types/graceful-fs` declares `export * from "fs"`): a drop-in
 * replacement of `node:fs` that re-exports every `node:fs` function, `*Sync` ones included. With types the
 * calls resolve to the `node:fs` declarations; without, `reexports` lets import tracking reach them.
 */
export const gracefulFs = definePackage({
  module: 'graceful-fs',
  reexports: ['node:fs'],
  docs: 'https://github.com/isaacs/node-graceful-fs',
  verifiedWith: 'graceful-fs@4.2.12',
  entries: [],
});
