import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { readPackageSync } from 'read-pkg';
export async function run() { return readPackageSync({ cwd: 'x' }); }`,
    ids: ['read-pkg.readPackageSync'],
  },
  {
    code: `const readPkg = require('read-pkg');
exports.run = async () => readPkg.sync();`,
    ids: ['read-pkg.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { readPackage, parsePackage } from 'read-pkg';
export async function run() { return parsePackage(await readPackage()); }`,
];
