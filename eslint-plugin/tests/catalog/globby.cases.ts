import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { globbySync, isGitIgnoredSync } from 'globby';
export async function files() {
  const ignored = isGitIgnoredSync();
  return globbySync('**/*').filter((f) => !ignored(f));
}`,
    ids: ['globby.isGitIgnoredSync', 'globby.globbySync'],
  },
  {
    code: `import * as globby from 'globby';
export async function tasks() {
  globby.generateGlobTasksSync('*');
  return globby.isIgnoredByIgnoreFilesSync('**/.gitignore');
}`,
    ids: ['globby.generateGlobTasksSync', 'globby.isIgnoredByIgnoreFilesSync'],
  },
  {
    // globby 11 and earlier (CommonJS): \`globby.sync\`, \`globby.gitignore.sync\`
    code: `const globby = require('globby');
exports.files = async () => {
  const ignored = globby.gitignore.sync();
  return globby.sync('**/*').filter((f) => !ignored(f));
};`,
    ids: ['globby.Gitignore#sync', 'globby.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { globby, isGitIgnored, generateGlobTasks, isDynamicPattern } from 'globby';
export async function files() {
  const ignored = await isGitIgnored();
  await generateGlobTasks('*');
  return isDynamicPattern('*') ? (await globby('*')).filter((f) => !ignored(f)) : [];
}`,
];
