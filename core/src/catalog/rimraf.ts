/**
 * `rimraf@6` (ships dist/commonjs and dist/esm `index.d.ts`, identical). Every sync remover is a
 * const with an anonymous function type (`export declare const nativeSync: (path, opt?) => boolean`),
 * and the async consts carry a `.sync` property; the `rimraf` export carries all of them again as
 * properties. The signature of each sits inside its own const or property, so each path is listed.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://github.com/isaacs/rimraf#api';

const STRATEGIES = ['native', 'manual', 'windows', 'posix', 'moveRemove'] as const;

const entry = (path: string, twin: string): BlockingApiData => ({
  path,
  category: 'fs',
  twin: { module: 'rimraf', name: twin, style: 'promise' },
});

export const rimraf = definePackage({
  module: 'rimraf',
  docs: DOCS,
  verifiedWith: 'rimraf@6.1.4',
  entries: [
    entry('rimrafSync', 'rimraf'),
    entry('sync', 'rimraf'),
    ...STRATEGIES.map((s) => entry(`${s}Sync`, s)),
    ...STRATEGIES.map((s) => entry(`${s}.sync`, s)),
    entry('rimraf.sync', 'rimraf'),
    entry('rimraf.rimrafSync', 'rimraf'),
    ...STRATEGIES.map((s) => entry(`rimraf.${s}Sync`, s)),
    ...STRATEGIES.map((s) => entry(`rimraf.${s}.sync`, s)),
  ],
});
