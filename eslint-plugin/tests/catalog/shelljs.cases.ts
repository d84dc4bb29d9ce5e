import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import shell from 'shelljs';
export async function build() {
  shell.rm('-rf', 'dist');
  shell.mkdir('-p', 'dist');
  shell.cp('-R', 'src/*', 'dist');
  if (!shell.which('git')) return;
  shell.cat('a.txt').to('b.txt');
  shell.cmd('git', 'status');
}`,
    ids: ['shelljs.rm', 'shelljs.mkdir', 'shelljs.cp', 'shelljs.which', 'shelljs.ShellReturnValue#to', 'shelljs.cat', 'shelljs.cmd'],
  },
  {
    code: `const shell = require('shelljs');
exports.build = async () => {
  if (shell.test('-d', 'dist')) shell.rm('-rf', 'dist');
  return shell.ls('src').length;
};`,
    ids: ['shelljs.test', 'shelljs.rm', 'shelljs.ls'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  // the result's own grep filters output in memory; exec is left out (see the catalog module)
  `import shell from 'shelljs';
export function build() { shell.rm('-rf', 'dist'); }
export async function list(out: string) {
  shell.echo('hi');
  return shell.exec('ls', { async: true }) && shell.ShellString(out).grep('x');
}`,
];
