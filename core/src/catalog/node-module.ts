/**
 * `node:module` (`declare module "module" { namespace Module { … } export = Module; }` in `@types/node@24`, so the
 * paths drop the leading `Module.`). `stripTypeScriptTypes` (Node 23.2 and 22.13) transpiles on the calling thread,
 * like the `*Sync` transforms of esbuild and Babel; it matches with types from `@types/node@22.13` on.
 *
 * Considered and left out (no `*Sync` name, so not in `leftOut`): `findPackageJSON()` reads a few package.json
 * files, as `require.resolve()` does, which is not listed either; `enableCompileCache()`/`flushCompileCache()` touch
 * the disk once, at start-up or exit; `register()`/`registerHooks()` only install hooks.
 */
import { definePackage } from './types.js';

const DOCS = 'https://nodejs.org/api/module.html';

export const nodeModule = definePackage({
  module: 'node:module',
  aliases: ['module'],
  docs: DOCS,
  verifiedWith: '@types/node@24.19.4',
  entries: [
    {
      path: 'stripTypeScriptTypes',
      category: 'compile',
      docs: `${DOCS}#modulestriptypescripttypescode-options`,
      advice: 'strip the types ahead of time (a build step), or in a worker thread',
    },
  ],
});
