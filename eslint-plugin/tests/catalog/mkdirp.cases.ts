import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    // mkdirp 0.5 / 1 (CommonJS): the function with `.sync`, `.manualSync`, `.nativeSync`
    code: `const mkdirp = require('mkdirp');
exports.prepare = async (dir) => {
  mkdirp.sync(dir);
  mkdirp.manualSync(dir);
  mkdirp.nativeSync(dir);
};`,
    ids: ['mkdirp.sync', 'mkdirp.manualSync', 'mkdirp.nativeSync'],
    filename: 'script.js',
  },
  {
    // mkdirp 3: named exports and the same functions as members of the `mkdirp` export
    code: `import { mkdirpSync, manual, native, mkdirpManualSync, mkdirpNativeSync, mkdirp } from 'mkdirp';
export async function prepare(dir: string) {
  mkdirpSync(dir);
  manual.sync(dir);
  native.sync(dir);
  mkdirpManualSync(dir);
  mkdirpNativeSync(dir);
  mkdirp.sync(dir);
  mkdirp.native.sync(dir);
}`,
    ids: ['mkdirp.mkdirpSync', 'mkdirp.manual.sync', 'mkdirp.native.sync', 'mkdirp.mkdirpManualSync', 'mkdirp.mkdirpNativeSync', 'mkdirp.mkdirp.sync', 'mkdirp.mkdirp.native.sync'],
  },
];

export const valid: string[] = [
  `import mkdirp from 'mkdirp';
export async function prepare(dir: string) {
  await mkdirp(dir);
  return mkdirp.useNativeSync?.();
}`,
];
