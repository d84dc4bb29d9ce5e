import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import jsonfile from 'jsonfile';
export async function bump(p: string) {
  const pkg = jsonfile.readFileSync(p);
  jsonfile.writeFileSync(p, { ...pkg, version: '2.0.0' });
}`,
    ids: ['jsonfile.readFileSync', 'jsonfile.writeFileSync'],
  },
  {
    code: `import { readFileSync } from 'jsonfile';
export const load = async (p: string) => readFileSync(p);`,
    ids: ['jsonfile.readFileSync'],
  },
];

export const valid: string[] = [
  `import jsonfile from 'jsonfile';
export async function bump(p: string) {
  const pkg = await jsonfile.readFile(p);
  await jsonfile.writeFile(p, pkg);
}`,
];
