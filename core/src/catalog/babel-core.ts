/**
 * `@babel/core@8` (ESM only, ships `lib/index.d.ts`; `@types/babel__core` is for Babel 7 and is not
 * needed). All `*Sync` functions are plain `declare function`s exported by name. Babel 8 dropped the
 * callback-less synchronous fallback of `transform`/`parse`/`transformFromAst` (their types require a
 * callback), so those are not listed.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://babeljs.io/docs/babel-core';

const entry = (path: string, twin: string, anchor: string): BlockingApiData => ({
  path,
  category: 'compile',
  twin: { module: '@babel/core', name: twin, style: 'promise' },
  docs: `${DOCS}#${anchor}`,
});

export const babelCore = definePackage({
  module: '@babel/core',
  docs: DOCS,
  verifiedWith: '@babel/core@8.1.3',
  entries: [
    entry('transformSync', 'transformAsync', 'transformsync'),
    entry('transformFileSync', 'transformFileAsync', 'transformfilesync'),
    entry('transformFromAstSync', 'transformFromAstAsync', 'transformfromastsync'),
    entry('parseSync', 'parseAsync', 'parsesync'),
    // Config loading reads config files and may require() plugins synchronously.
    entry('loadOptionsSync', 'loadOptionsAsync', 'loadoptions'),
    entry('loadPartialConfigSync', 'loadPartialConfigAsync', 'loadpartialconfig'),
    entry('createConfigItemSync', 'createConfigItemAsync', 'createconfigitem'),
  ],
});
