import type { CatalogCase } from './types.js';

// module.stripTypeScriptTypes is declared by @types/node@22.13 and later.
export const invalid: CatalogCase[] = [
  {
    code: `import { stripTypeScriptTypes } from 'node:module';
export async function compile(source: string) {
  return stripTypeScriptTypes(source, { mode: 'strip' });
}`,
    ids: ['node:module.stripTypeScriptTypes'],
    nodeTypes: 24,
  },
  {
    code: `import module from 'node:module';
export async function compile(source: string) {
  return module.stripTypeScriptTypes(source);
}`,
    ids: ['node:module.stripTypeScriptTypes'],
    nodeTypes: 24,
  },
];

export const valid: (string | CatalogCase)[] = [
  {
    code: `import { findPackageJSON, stripTypeScriptTypes } from 'node:module';
const helpers = stripTypeScriptTypes('export const x: number = 1;');
export async function manifest() {
  return [findPackageJSON('..', import.meta.url), helpers];
}`,
    ids: [],
    nodeTypes: 24,
  },
];
