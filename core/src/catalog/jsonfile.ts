/**
 * `jsonfile` (types: `@types/jsonfile`, installed with `@types/fs-extra`). Listed because fs-extra's
 * `readJsonSync`/`writeJsonSync` are declared as `typeof jsonfile.readFileSync`/`writeFileSync`, so their
 * call signatures resolve here; direct users of jsonfile are covered too.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/jprichardson/node-jsonfile';

export const jsonfile = definePackage({
  module: 'jsonfile',
  docs: DOCS,
  verifiedWith: '@types/jsonfile@6.1.4',
  entries: [
    {
      path: 'readFileSync',
      category: 'fs',
      twin: { module: 'jsonfile', name: 'readFile', style: 'promise', label: 'jsonfile.readFile' },
      docs: `${DOCS}#readfilesyncfilename-options`,
    },
    {
      path: 'writeFileSync',
      category: 'fs',
      twin: { module: 'jsonfile', name: 'writeFile', style: 'promise', label: 'jsonfile.writeFile' },
      docs: `${DOCS}#writefilesyncfilename-obj-options`,
    },
  ],
});
