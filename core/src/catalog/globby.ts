/**
 * `globby@16` (ESM only, ships `index.d.ts`). Blocking: the `*Sync` functions, which walk the tree or
 * read `.gitignore`/ignore files synchronously. `isDynamicPattern`, `convertPathToPattern` are pure;
 * `globbyStream` and `generateGlobTasks` are async.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/sindresorhus/globby';

export const globby = definePackage({
  module: 'globby',
  docs: DOCS,
  verifiedWith: 'globby@16.2.4',
  entries: [
    { path: 'globbySync', category: 'fs', twin: { module: 'globby', name: 'globby', style: 'promise' }, docs: `${DOCS}#globbysyncpatterns-options` },
    {
      path: 'generateGlobTasksSync',
      category: 'fs',
      twin: { module: 'globby', name: 'generateGlobTasks', style: 'promise' },
      docs: `${DOCS}#generateglobtaskssyncpatterns-options`,
    },
    { path: 'isGitIgnoredSync', category: 'fs', twin: { module: 'globby', name: 'isGitIgnored', style: 'promise' }, docs: `${DOCS}#isgitignoredsyncoptions` },
    {
      path: 'isIgnoredByIgnoreFilesSync',
      category: 'fs',
      twin: { module: 'globby', name: 'isIgnoredByIgnoreFiles', style: 'promise' },
      docs: `${DOCS}#isignoredbyignorefilessyncpatterns-options`,
    },
  ],
});
