import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { globSync } from 'tinyglobby';
export async function files() {
  return globSync(['src/**/*.ts'], { ignore: ['**/*.d.ts'] });
}`,
    ids: ['tinyglobby.globSync'],
  },
  {
    code: `import * as tg from 'tinyglobby';
export async function files() {
  return tg.globSync({ patterns: ['*'] });
}`,
    ids: ['tinyglobby.globSync'],
    filename: 'file.mts',
  },
];

export const valid: string[] = [
  `import { glob, isDynamicPattern } from 'tinyglobby';
export async function files() {
  return isDynamicPattern('*') ? glob('*') : [];
}`,
  `import { globSync } from 'glob';
export function files() {
  return globSync('*');
}`,
];
