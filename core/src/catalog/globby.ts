/**
 * `globby@16` (ESM only, ships `index.d.ts`). Blocking: the `*Sync` functions, which walk the tree or
 * read `.gitignore`/ignore files synchronously. `isDynamicPattern`, `convertPathToPattern` are pure;
 * `globbyStream` and `generateGlobTasks` are async.
 *
 * globby 11 and earlier (CommonJS, `export = globby` over `declare const globby: { sync; gitignore: Gitignore }`):
 * `globby.sync(patterns)` (path 'sync') and `globby.gitignore.sync()` (typed: 'Gitignore#sync'; untyped:
 * 'gitignore.sync') read the file system synchronously.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/sindresorhus/globby';

export const globby = definePackage({
  module: 'globby',
  docs: DOCS,
  verifiedWith: 'globby@16.2.4',
  entries: [
    { path: 'sync', category: 'fs', twin: { module: 'globby', name: 'default', style: 'promise', label: 'globby()' }, docs: `${DOCS}/tree/v11.1.0#globbysyncpatterns-options` },
    { path: 'Gitignore#sync', category: 'fs', untyped: 'gitignore.sync', twin: { module: 'globby', name: 'gitignore', style: 'promise', label: 'globby.gitignore()' }, docs: `${DOCS}/tree/v11.1.0#gitignoresyncoptions` },
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
