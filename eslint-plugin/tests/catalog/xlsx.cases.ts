import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import * as XLSX from 'xlsx';
export async function convert(src: string, dest: string) {
  const book = XLSX.readFile(src);
  XLSX.writeFile(book, dest);
  XLSX.writeFileXLSX(book, dest);
}`,
    ids: ['xlsx.readFile', 'xlsx.writeFile', 'xlsx.writeFileXLSX'],
  },
  {
    code: `const { readFileSync, writeFileSync } = require('xlsx');
exports.convert = async (src, dest) => writeFileSync(readFileSync(src), dest);`,
    ids: ['xlsx.writeFileSync', 'xlsx.readFileSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import * as XLSX from 'xlsx';
import { readFile } from 'node:fs/promises';
export async function parse(src: string) { return XLSX.read(await readFile(src)); }`,
];
