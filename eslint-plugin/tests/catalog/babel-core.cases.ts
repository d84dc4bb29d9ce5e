import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import * as babel from '@babel/core';
export async function compile(code: string) {
  const ast = babel.parseSync(code, {});
  babel.transformFromAstSync(ast!, code, {});
  return babel.transformSync(code, { filename: 'x.js' })?.code;
}`,
    ids: ['@babel/core.parseSync', '@babel/core.transformFromAstSync', '@babel/core.transformSync'],
  },
  {
    code: `import { transformFileSync } from '@babel/core';
export async function compile(file: string) {
  return transformFileSync(file);
}`,
    ids: ['@babel/core.transformFileSync'],
  },
  {
    code: `import { transformSync as t } from '@babel/core';
export const compile = async (code: string) => t(code);`,
    ids: ['@babel/core.transformSync'],
    filename: 'file.mts',
  },
];

export const valid: string[] = [
  `import * as babel from '@babel/core';
export async function compile(code: string) {
  await babel.transformAsync(code);
  await babel.parseAsync(code, {});
  await babel.loadOptionsAsync({});
  babel.transform(code, {}, () => {});
}`,
];
