import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { execSync } from 'node:child_process';
export async function head() {
  return execSync('git rev-parse HEAD').toString();
}`,
    ids: ['node:child_process.execSync'],
  },
  {
    code: `import * as cp from 'child_process';
export async function run() {
  cp.execFileSync('node', ['--version']);
  cp.spawnSync('ls', ['-l']);
}`,
    ids: ['node:child_process.execFileSync', 'node:child_process.spawnSync'],
  },
  {
    code: `import cp from 'node:child_process';
export const run = async () => cp.spawnSync?.('ls');`,
    ids: ['node:child_process.spawnSync'],
  },
  {
    code: `import { execSync as sh } from 'child_process';
export async function run() {
  return sh('ls');
}`,
    ids: ['node:child_process.execSync'],
  },
  {
    code: `const { execFileSync } = require('node:child_process');
exports.run = async () => execFileSync('ls');`,
    ids: ['node:child_process.execFileSync'],
    filename: 'script.js',
  },
  {
    code: `export async function run() {
  const cp = await import('node:child_process');
  return cp['execSync']('ls');
}`,
    ids: ['node:child_process.execSync'],
  },
  {
    code: `export async function run() {
  const cp = process.getBuiltinModule('child_process');
  return cp.spawnSync('ls');
}`,
    ids: ['node:child_process.spawnSync'],
  },
];

export const valid: string[] = [
  `import { exec, execFile, spawn } from 'node:child_process';
export async function run() {
  exec('ls', () => {});
  execFile('ls', () => {});
  spawn('ls');
}`,
  `import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
export async function run() {
  return promisify(execFile)('ls');
}`,
  `import { execSync } from 'node:child_process';
export function runSync() {
  return execSync('ls');
}`,
  `const shell = { execSync: (cmd: string) => cmd };
export async function run() {
  return shell.execSync('ls');
}`,
];
