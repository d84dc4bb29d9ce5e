/**
 * `cross-spawn` (types: `@types/cross-spawn@6`): `declare namespace spawn { const sync: typeof
 * child_process.spawnSync }` with `export = spawn`, so the path is 'sync' (the export name is dropped).
 * Its call signature resolves to `node:child_process` `spawnSync` (tried first, so that is the id
 * reported with types); this entry serves the untyped mode.
 */
import { definePackage } from './types.js';

export const crossSpawn = definePackage({
  module: 'cross-spawn',
  docs: 'https://github.com/moxystudio/node-cross-spawn',
  verifiedWith: '@types/cross-spawn@6.0.6',
  entries: [
    {
      path: 'sync',
      category: 'process',
      advice: "use spawn() and await its 'close' event (events.once(child, 'close'))",
    },
  ],
});
