/**
 * `sass` (Dart Sass, ships `types/`). `compile`/`compileString` (types/compile.d.ts), the legacy
 * `renderSync` (types/legacy/render.d.ts), and the methods of the synchronous `Compiler` class returned
 * by `initCompiler()`. `initCompiler()` itself only starts the compiler.
 */
import { definePackage } from './types.js';

const DOCS = 'https://sass-lang.com/documentation/js-api/';
const fn = (name: string) => `${DOCS}functions/${name}/`;

export const sass = definePackage({
  module: 'sass',
  docs: DOCS,
  verifiedWith: 'sass@1.108.2',
  entries: [
    { path: 'compile', category: 'compile', twin: { module: 'sass', name: 'compileAsync', style: 'promise' }, docs: fn('compile') },
    {
      path: 'compileString',
      category: 'compile',
      twin: { module: 'sass', name: 'compileStringAsync', style: 'promise' },
      docs: fn('compileString'),
    },
    // Legacy API (deprecated; removed in Dart Sass 2.0). `render` takes a callback.
    { path: 'renderSync', category: 'compile', twin: { module: 'sass', name: 'render', style: 'callback' }, docs: fn('renderSync') },
    {
      path: 'Compiler#compile',
      category: 'compile',
      twin: { module: 'sass', name: 'AsyncCompiler#compileAsync', style: 'promise', label: '(await initAsyncCompiler()).compileAsync' },
      docs: `${DOCS}classes/Compiler/`,
    },
    {
      path: 'Compiler#compileString',
      category: 'compile',
      twin: {
        module: 'sass',
        name: 'AsyncCompiler#compileStringAsync',
        style: 'promise',
        label: '(await initAsyncCompiler()).compileStringAsync',
      },
      docs: `${DOCS}classes/Compiler/`,
    },
  ],
});
