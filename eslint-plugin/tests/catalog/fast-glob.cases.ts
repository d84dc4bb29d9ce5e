import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import fg from 'fast-glob';
export async function files() {
  return fg.sync('**/*.ts');
}`,
    ids: ['fast-glob.sync'],
  },
  {
    // `const globSync: typeof sync`: resolved to `sync`.
    code: `import fg = require('fast-glob');
export async function files() {
  return fg.globSync(['*.md']);
}`,
    ids: ['fast-glob.sync'],
  },
  {
    code: `import { sync as globSync } from 'fast-glob';
export const files = async () => globSync('*');`,
    ids: ['fast-glob.sync'],
  },
  {
    code: `const fg = require('fast-glob');
exports.files = async () => fg.sync('*');`,
    ids: ['fast-glob.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import fg from 'fast-glob';
export async function files() {
  fg.stream('*');
  fg.isDynamicPattern('*');
  return [await fg('*'), await fg.glob('*'), await fg.async('*')];
}`,
];
