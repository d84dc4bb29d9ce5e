import { definePackage } from './types.js';

/**
 * `xlsx@0.18` (SheetJS; ships `types/index.d.ts`): `readFile` and `writeFile` are synchronous despite their
 * names (`XLSX.readFile = readFileSync`), as are their aliases `readFileSync`, `writeFileSync` and
 * `writeFileXLSX`: they read or write the whole workbook and parse or serialize it on the calling thread.
 * `writeFileAsync` takes a callback and is not listed; `read`/`write` work on buffers already in memory.
 */
const ADVICE = 'read or write the bytes with `fs.promises` and use `XLSX.read` / `XLSX.write`, or run it in a worker thread';
const DOCS = 'https://docs.sheetjs.com/docs/api/';

export const xlsx = definePackage({
  module: 'xlsx',
  docs: DOCS,
  verifiedWith: 'xlsx@0.18.5',
  entries: [
    { path: 'readFile', category: 'fs', advice: ADVICE, docs: `${DOCS}parse-options` },
    { path: 'readFileSync', category: 'fs', advice: ADVICE, docs: `${DOCS}parse-options` },
    { path: 'writeFile', category: 'fs', advice: ADVICE, docs: `${DOCS}write-options` },
    { path: 'writeFileSync', category: 'fs', advice: ADVICE, docs: `${DOCS}write-options` },
    { path: 'writeFileXLSX', category: 'fs', advice: ADVICE, docs: `${DOCS}write-options` },
  ],
});
