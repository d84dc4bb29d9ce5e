import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { readPackageUpSync } from 'read-pkg-up';
export async function run() { return readPackageUpSync(); }`,
    ids: ['read-pkg-up.readPackageUpSync'],
  },
  {
    code: `const readPkgUp = require('read-pkg-up');
exports.run = async () => readPkgUp.sync({ cwd: __dirname });`,
    ids: ['read-pkg-up.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { readPackageUp } from 'read-pkg-up';
export async function run() { return readPackageUp(); }`,
];
