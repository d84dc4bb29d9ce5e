import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { rimrafSync } from 'rimraf';
export async function clean() {
  rimrafSync('dist');
}`,
    ids: ['rimraf.rimrafSync'],
  },
  {
    code: `import { sync, nativeSync, manualSync, windowsSync, posixSync, moveRemoveSync } from 'rimraf';
export async function clean() {
  sync('a');
  nativeSync('b');
  manualSync('c');
  windowsSync('d');
  posixSync('e');
  moveRemoveSync('f');
}`,
    ids: ['rimraf.sync', 'rimraf.nativeSync', 'rimraf.manualSync', 'rimraf.windowsSync', 'rimraf.posixSync', 'rimraf.moveRemoveSync'],
  },
  {
    code: `import { native, manual, windows, posix, moveRemove } from 'rimraf';
export async function clean() {
  native.sync('a');
  manual.sync('b');
  windows.sync('c');
  posix.sync('d');
  moveRemove.sync('e');
}`,
    ids: ['rimraf.native.sync', 'rimraf.manual.sync', 'rimraf.windows.sync', 'rimraf.posix.sync', 'rimraf.moveRemove.sync'],
  },
  {
    code: `import { rimraf } from 'rimraf';
export async function clean() {
  rimraf.sync('a');
  rimraf.rimrafSync('b');
  rimraf.nativeSync('c');
  rimraf.manualSync('d');
  rimraf.windowsSync('e');
  rimraf.posixSync('f');
  rimraf.moveRemoveSync('g');
  rimraf.native.sync('h');
  rimraf.manual.sync('i');
  rimraf.windows.sync('j');
  rimraf.posix.sync('k');
  rimraf.moveRemove.sync('l');
}`,
    ids: [
      'rimraf.rimraf.sync',
      'rimraf.rimraf.rimrafSync',
      'rimraf.rimraf.nativeSync',
      'rimraf.rimraf.manualSync',
      'rimraf.rimraf.windowsSync',
      'rimraf.rimraf.posixSync',
      'rimraf.rimraf.moveRemoveSync',
      'rimraf.rimraf.native.sync',
      'rimraf.rimraf.manual.sync',
      'rimraf.rimraf.windows.sync',
      'rimraf.rimraf.posix.sync',
      'rimraf.rimraf.moveRemove.sync',
    ],
  },
  {
    code: `import * as rm from 'rimraf';
export async function clean() {
  rm.rimrafSync('dist');
}`,
    ids: ['rimraf.rimrafSync'],
    filename: 'file.mts',
  },
  {
    code: `const { rimrafSync } = require('rimraf');
exports.clean = async () => rimrafSync('dist');`,
    ids: ['rimraf.rimrafSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { rimraf, native, moveRemove } from 'rimraf';
export async function clean() {
  await rimraf('a');
  await native('b');
  await moveRemove('c');
  await rimraf.native('d');
}`,
];
