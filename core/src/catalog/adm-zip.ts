import { definePackage } from './types.js';

/**
 * `adm-zip@0.6` (CommonJS; types: `@types/adm-zip`, `declare class AdmZip` with `export = AdmZip`, so an
 * instance method's path is its bare name: 'extractAllTo'). These methods read or write local files with
 * `fs.*Sync` calls; `writeZip` does so even when given a callback (it calls it afterwards). Instance methods need
 * types: import tracking does not follow `new AdmZip()`.
 *
 * Left out: `new AdmZip(path)` reads the archive synchronously but `new AdmZip()` / `new AdmZip(buffer)` do not,
 * and the catalog cannot tell them apart; `readFile`/`toBuffer` work in memory (decompressing or compressing on
 * the calling thread).
 */
const DOCS = 'https://github.com/cthackers/adm-zip/wiki/ADM-ZIP';
const twin = (name: string) => ({ module: 'adm-zip', name, style: 'promise' as const, label: `zip.${name}()` });

export const admZip = definePackage({
  module: 'adm-zip',
  docs: DOCS,
  verifiedWith: 'adm-zip@0.6.1',
  entries: [
    { path: 'extractAllTo', category: 'fs', twin: twin('extractAllToAsync'), docs: `${DOCS}#void-extractalltostring-targetpath-boolean-overwrite` },
    { path: 'extractEntryTo', category: 'fs', advice: 'use `zip.extractAllToAsync()` or read the entry with `zip.readFileAsync()`' },
    { path: 'writeZip', category: 'fs', twin: twin('writeZipPromise'), docs: `${DOCS}#void-writezipstring-targetfilename` },
    { path: 'addLocalFile', category: 'fs', twin: twin('addLocalFileAsync') },
    { path: 'addLocalFolder', category: 'fs', twin: twin('addLocalFolderPromise') },
  ],
});
