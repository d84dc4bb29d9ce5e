import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { readPackageUpSync } from 'read-package-up';
export async function run() { return readPackageUpSync(); }`,
    ids: ['read-package-up.readPackageUpSync'],
  },
];

export const valid: string[] = [
  `import { readPackageUp } from 'read-package-up';
export async function run() { return readPackageUp(); }`,
];
