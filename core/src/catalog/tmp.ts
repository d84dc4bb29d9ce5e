import { definePackage } from './types.js';

/**
 * `tmp@0.2` (CommonJS; types: `@types/tmp`): `fileSync`, `dirSync` and `tmpNameSync` create (or probe for) the
 * temporary file or directory with `fs.*Sync` calls. Their twins `file`, `dir`, `tmpName` take a Node-style
 * callback with several results, so no rewrite is offered.
 */
const DOCS = 'https://github.com/raszi/node-tmp';
const twin = (name: string) => ({ module: 'tmp', name, style: 'callback' as const, label: `tmp.${name}(…, callback)` });

export const tmp = definePackage({
  module: 'tmp',
  docs: `${DOCS}#usage`,
  verifiedWith: 'tmp@0.2.7',
  entries: [
    { path: 'fileSync', category: 'fs', twin: twin('file'), docs: `${DOCS}#synchronous-file-creation` },
    { path: 'dirSync', category: 'fs', twin: twin('dir'), docs: `${DOCS}#synchronous-directory-creation` },
    { path: 'tmpNameSync', category: 'fs', twin: twin('tmpName'), docs: `${DOCS}#synchronous-filename-generation` },
  ],
});
