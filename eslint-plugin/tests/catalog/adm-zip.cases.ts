import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import AdmZip from 'adm-zip';
export async function unpack(buffer: Buffer, dest: string) {
  const zip = new AdmZip(buffer);
  zip.extractAllTo(dest, true);
  zip.extractEntryTo('a.txt', dest);
  zip.addLocalFile('b.txt');
  zip.addLocalFolder('dir');
  zip.writeZip('out.zip');
}`,
    ids: ['adm-zip.extractAllTo', 'adm-zip.extractEntryTo', 'adm-zip.addLocalFile', 'adm-zip.addLocalFolder', 'adm-zip.writeZip'],
  },
];

export const valid: string[] = [
  `import AdmZip from 'adm-zip';
export async function unpack(buffer: Buffer, dest: string) {
  const zip = new AdmZip(buffer);
  zip.getEntries();
  await zip.extractAllToAsync(dest, true);
  await zip.writeZipPromise('out.zip');
}`,
];
