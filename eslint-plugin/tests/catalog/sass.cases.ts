import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import * as sass from 'sass';
export async function styles() {
  sass.compile('style.scss');
  return sass.compileString('a { b: c }').css;
}`,
    ids: ['sass.compile', 'sass.compileString'],
  },
  {
    code: `import { renderSync } from 'sass';
export async function legacy() {
  return renderSync({ file: 'style.scss' }).css;
}`,
    ids: ['sass.renderSync'],
  },
  {
    code: `import { initCompiler } from 'sass';
const compiler = initCompiler();
export async function styles() {
  compiler.compile('a.scss');
  compiler.compileString('a { b: c }');
}`,
    ids: ['sass.Compiler#compile', 'sass.Compiler#compileString'],
  },
  {
    code: `import sass from 'sass';
export const styles = async () => sass.compile('a.scss');`,
    ids: ['sass.compile'],
    filename: 'file.mts',
  },
];

export const valid: string[] = [
  `import * as sass from 'sass';
export async function styles() {
  await sass.compileAsync('style.scss');
  await sass.compileStringAsync('a { b: c }');
  const compiler = await sass.initAsyncCompiler();
  await compiler.compileAsync('a.scss');
  sass.render({ file: 'a.scss' }, () => {});
}`,
  `class Compiler {
  compile(path: string) { return path; }
}
export async function build(c: Compiler) {
  return c.compile('x');
}`,
];
