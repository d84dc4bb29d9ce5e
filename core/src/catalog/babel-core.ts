/**
 * `@babel/core`. The fixtures install Babel 7 (`@babel/core@7` with `@types/babel__core`): Babel 8 needs
 * Node.js 22.18, and unblock supports Node.js 20.19. All `*Sync` functions are plain `declare function`s
 * exported by name in both. `loadOptionsSync`, `loadPartialConfigSync` and `createConfigItemSync` are
 * declared only by Babel 8's own `lib/index.d.ts` (checked against `@babel/core@8.1.3`; Babel 7 has them at
 * run time, `@types/babel__core` does not declare them), so no typed case covers them. Babel 7's
 * callback-less `transform`/`parse`/`transformFromAst` overloads, synchronous and deprecated (Babel 8 dropped
 * them), are not listed.
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
  verifiedWith: '@types/babel__core@7.20.5 (@babel/core@7.29.16)',
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
