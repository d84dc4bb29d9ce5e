/**
 * `fs-extra` (types: `@types/fs-extra@11`). Its own `*Sync` functions; everything `node:fs` exports is
 * re-exported (`export * from "fs"`) and resolves to the `node:fs` declarations, so `reexports` only
 * informs the untyped (import-tracking) mode.
 *
 * Aliases declared as `export const mkdirsSync: typeof ensureDirSync` resolve by signature (tried first)
 * to the original function, so with types they are reported as 'fs-extra.ensureDirSync'. They keep
 * their own entries for the untyped (import-tracking) mode and the callee-name prefilter.
 *
 * `readJsonSync`/`writeJsonSync` (and the JSON-cased aliases) are `typeof jsonfile.readFileSync` /
 * `typeof jsonfile.writeFileSync`: their signatures resolve into `@types/jsonfile`, see `jsonfile.ts`.
 *
 * `fs-extra/esm` (types only under the `import` condition) re-exports the same declarations by name;
 * its default export is `declare const fsExtra: { copySync: typeof fse.copySync; … }` in `esm.d.mts`,
 * whose members resolve by signature to the original functions (symbol path 'fsExtra.copySync' is
 * therefore not needed).
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://github.com/jprichardson/node-fs-extra';
const doc = (page: string) => `${DOCS}/blob/master/docs/${page}.md`;

/** [sync path, async twin, docs page] */
const own: readonly (readonly [string, string, string])[] = [
  ['copySync', 'copy', 'copy-sync'],
  ['emptyDirSync', 'emptyDir', 'emptyDir-sync'],
  ['emptydirSync', 'emptyDir', 'emptyDir-sync'],
  ['ensureFileSync', 'ensureFile', 'ensureFile-sync'],
  ['createFileSync', 'ensureFile', 'ensureFile-sync'],
  ['ensureDirSync', 'ensureDir', 'ensureDir-sync'],
  ['mkdirsSync', 'ensureDir', 'ensureDir-sync'],
  ['mkdirpSync', 'ensureDir', 'ensureDir-sync'],
  ['ensureLinkSync', 'ensureLink', 'ensureLink-sync'],
  ['createLinkSync', 'ensureLink', 'ensureLink-sync'],
  ['ensureSymlinkSync', 'ensureSymlink', 'ensureSymlink-sync'],
  ['createSymlinkSync', 'ensureSymlink', 'ensureSymlink-sync'],
  ['moveSync', 'move', 'move-sync'],
  ['outputFileSync', 'outputFile', 'outputFile-sync'],
  ['outputJsonSync', 'outputJson', 'outputJson-sync'],
  ['outputJSONSync', 'outputJson', 'outputJson-sync'],
  ['pathExistsSync', 'pathExists', 'pathExists'],
  ['readJsonSync', 'readJson', 'readJson-sync'],
  ['readJSONSync', 'readJson', 'readJson-sync'],
  ['removeSync', 'remove', 'remove-sync'],
  ['writeJsonSync', 'writeJson', 'writeJson-sync'],
  ['writeJSONSync', 'writeJson', 'writeJson-sync'],
];

const toEntry = ([path, twin, page]: readonly [string, string, string]): BlockingApiData => ({
  path,
  category: 'fs',
  twin: { module: 'fs-extra', name: twin, style: 'promise' },
  docs: doc(page),
});

export const fsExtra = definePackage({
  module: 'fs-extra',
  aliases: ['fs-extra/esm'],
  reexports: ['node:fs'],
  docs: DOCS,
  verifiedWith: '@types/fs-extra@11.0.4',
  entries: own.map(toEntry),
});
