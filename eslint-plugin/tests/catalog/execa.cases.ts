import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { execaSync } from 'execa';
export async function build() {
  return execaSync('npm', ['run', 'build']).stdout;
}`,
    ids: ['execa.execaSync'],
  },
  {
    code: `import { execaCommandSync } from 'execa';
export async function build() {
  return execaCommandSync('npm run build').stdout;
}`,
    ids: ['execa.execaCommandSync'],
  },
  {
    code: `import { $ } from 'execa';
export async function build() {
  $.sync('npm', ['run', 'build']);
  $.s('git', ['status']);
}`,
    ids: ['execa.ExecaScriptMethod.sync', 'execa.ExecaScriptMethod.s'],
  },
  {
    code: `import * as execa from 'execa';
export async function build() {
  return execa.execaSync('ls', { cwd: '/' });
}`,
    ids: ['execa.execaSync'],
    filename: 'file.mts',
  },
  {
    // Tagged templates are calls too.
    code: `import { execaSync, $ } from 'execa';
export async function build() {
  execaSync\`npm run build\`;
  $.sync\`git status\`;
}`,
    ids: ['execa.execaSync', 'execa.ExecaScriptMethod.sync'],
  },
  {
    // execa 5 and earlier (CommonJS): \`execa.sync\`, \`execa.commandSync\`
    code: `const execa = require('execa');
exports.run = async () => [execa.sync('git', ['--version']), execa.commandSync('git status')];`,
    ids: ['execa.sync', 'execa.commandSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { execa, $, execaNode, execaCommand } from 'execa';
export async function build() {
  await execa('npm', ['run', 'build']);
  await execaCommand('npm run build');
  await $\`git status\`;
  await execaNode('script.js');
}`,
  `import { execaSync } from 'execa';
export function buildSync() {
  return execaSync('ls');
}`,
];
