import type { CatalogCase } from './types.js';

// `spawn.sync` is `const sync: typeof child_process.spawnSync`: resolved to node:child_process.spawnSync.
export const invalid: CatalogCase[] = [
  {
    code: `import spawn from 'cross-spawn';
export async function install() {
  return spawn.sync('npm', ['install'], { stdio: 'inherit' });
}`,
    ids: ['node:child_process.spawnSync'],
  },
  {
    code: `import spawn = require('cross-spawn');
export async function install() {
  return spawn.sync('npm');
}`,
    ids: ['node:child_process.spawnSync'],
  },
  {
    code: `const spawn = require('cross-spawn');
exports.install = async () => spawn.sync('npm', ['install']);`,
    ids: ['node:child_process.spawnSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import spawn from 'cross-spawn';
export async function install() {
  const child = spawn('npm', ['install']);
  spawn.spawn('npm', ['test']);
  return child.pid;
}`,
];
