import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { findUpSync, findUpMultipleSync, findDownSync, pathExistsSync } from 'find-up';
export async function locate() {
  return [findUpSync('package.json'), findUpMultipleSync('.env'), findDownSync('x'), pathExistsSync('y')];
}`,
    ids: ['find-up.findUpSync', 'find-up.findUpMultipleSync', 'find-up.findDownSync', 'find-up.pathExistsSync'],
  },
  {
    // find-up 5 (installed, with types): \`findUp.sync\` and \`findUp.sync.exists\`
    code: `import findUp = require('find-up');
export async function locate() {
  return [findUp.sync('package.json'), findUp.sync.exists('x')];
}`,
    ids: ['find-up.sync', 'find-up.sync.exists'],
  },
  {
    code: `const findUp = require('find-up');
exports.locate = async () => findUp.sync('package.json');`,
    ids: ['find-up.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import findUp = require('find-up');
export async function locate() {
  return [await findUp('package.json'), await findUp.exists('x')];
}`,
];
