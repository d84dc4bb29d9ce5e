import type { CatalogCase } from './types.js';

// Aliases typed `typeof original` resolve by signature to the original first: `mkdirsSync` is
// reported as `ensureDirSync`, `readJsonSync` as jsonfile's `readFileSync`.
export const invalid: CatalogCase[] = [
  {
    code: `import fse from 'fs-extra';
export async function prepare(dir: string) {
  fse.ensureDirSync(dir);
  fse.emptyDirSync(dir);
  fse.copySync(dir, dir + '.bak');
  fse.moveSync(dir + '.bak', dir + '.old', { overwrite: true });
  fse.removeSync(dir + '.old');
}`,
    ids: ['fs-extra.ensureDirSync', 'fs-extra.emptyDirSync', 'fs-extra.copySync', 'fs-extra.moveSync', 'fs-extra.removeSync'],
  },
  {
    code: `import * as fse from 'fs-extra';
export async function write(file: string) {
  fse.outputFileSync(file, 'x');
  fse.outputJsonSync(file, {});
  fse.ensureFileSync(file);
  fse.ensureLinkSync(file, file + '.link');
  fse.ensureSymlinkSync(file, file + '.sym');
  return fse.pathExistsSync(file);
}`,
    ids: [
      'fs-extra.outputFileSync',
      'fs-extra.outputJsonSync',
      'fs-extra.ensureFileSync',
      'fs-extra.ensureLinkSync',
      'fs-extra.ensureSymlinkSync',
      'fs-extra.pathExistsSync',
    ],
  },
  {
    code: `import { mkdirsSync, mkdirpSync, createFileSync, createLinkSync, createSymlinkSync, emptydirSync, outputJSONSync } from 'fs-extra';
export async function aliases(p: string) {
  mkdirsSync(p);
  mkdirpSync(p);
  createFileSync(p);
  createLinkSync(p, p + '.l');
  createSymlinkSync(p, p + '.s');
  emptydirSync(p);
  outputJSONSync(p, {});
}`,
    ids: [
      'fs-extra.ensureDirSync',
      'fs-extra.ensureDirSync',
      'fs-extra.ensureFileSync',
      'fs-extra.ensureLinkSync',
      'fs-extra.ensureSymlinkSync',
      'fs-extra.emptyDirSync',
      'fs-extra.outputJsonSync',
    ],
  },
  {
    code: `import { readJsonSync, writeJsonSync as wj, readJSONSync, writeJSONSync } from 'fs-extra';
export async function json(p: string) {
  wj(p, readJsonSync(p));
  writeJSONSync(p, readJSONSync(p));
}`,
    ids: ['jsonfile.writeFileSync', 'jsonfile.readFileSync', 'jsonfile.writeFileSync', 'jsonfile.readFileSync'],
  },
  {
    // fs-extra re-exports node:fs.
    code: `import fse from 'fs-extra';
export async function stat(p: string) {
  return [fse.statSync(p), fse.existsSync(p)];
}`,
    ids: ['node:fs.statSync', 'node:fs.existsSync'],
  },
  {
    code: `const fse = require('fs-extra');
exports.clean = async (dir) => {
  fse.removeSync(dir);
  fse.mkdirpSync(dir);
};`,
    ids: ['fs-extra.removeSync', 'fs-extra.ensureDirSync'],
    filename: 'script.js',
  },
  {
    code: `import fse, { copySync } from 'fs-extra/esm';
export async function copy(a: string, b: string) {
  copySync(a, b);
  fse.removeSync(a);
}`,
    ids: ['fs-extra.copySync', 'fs-extra.removeSync'],
    filename: 'file.mts',
  },
];

export const valid: string[] = [
  `import fse from 'fs-extra';
export async function prepare(dir: string) {
  await fse.ensureDir(dir);
  await fse.copy(dir, dir + '.bak');
  await fse.remove(dir + '.bak');
  await fse.outputJson(dir + '/x.json', {});
  return [await fse.pathExists(dir), await fse.readJson(dir + '/x.json')];
}`,
  `import fse from 'fs-extra';
export async function withCallback(dir: string) {
  fse.remove(dir, () => {});
  fse.readFile(dir, () => {});
}`,
  `import fse from 'fs-extra';
export function prepareSync(dir: string) {
  fse.ensureDirSync(dir);
}`,
];
