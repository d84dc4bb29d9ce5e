/**
 * `node:fs`: every `*Sync` function and method declared in `@types/node@24` `fs.d.ts`.
 *
 * The declarations sit in `declare module "fs"`; `declare module "node:fs"` re-exports them, so both
 * specifiers resolve to the same symbols (module 'node:fs'). `node:fs/promises` never blocks: no entries.
 * `globSync` (Node 22), `mkdtempDisposableSync`, `DisposableTempDir#remove` and `Utf8Stream#flushSync` (Node 24)
 * match with types when the project's `@types/node` declares them (22 or 24), and by import without types.
 */
import { definePackage, type AsyncTwin, type BlockingApiData, type TwinRewrite } from './types.js';

const DOCS = 'https://nodejs.org/api/fs.html';

/** Twin from `node:fs/promises`. */
const promises = (name: string, rewrite?: TwinRewrite, maxArguments?: number): AsyncTwin => ({
  module: 'node:fs/promises',
  name,
  style: 'promise',
  label: `fs.promises.${name}`,
  ...(rewrite && { rewrite }),
  ...(maxArguments && { maxArguments }),
});

/**
 * Twin for file-descriptor APIs: `node:fs/promises` has no fd-taking functions (it works on
 * `FileHandle`s), so the twin is the callback form in `node:fs`.
 */
const callback = (name: string): AsyncTwin => ({ module: 'node:fs', name, style: 'callback', label: `fs.${name}` });

const FD_ADVICE = 'or open the file with fs.promises.open() and use the FileHandle methods';

const entry = (
  path: string,
  twin: AsyncTwin,
  anchor: string,
  extra: Partial<BlockingApiData> = {},
): BlockingApiData => ({ path, category: 'fs', twin, docs: `${DOCS}#${anchor}`, ...extra });

export const nodeFs = definePackage({
  module: 'node:fs',
  aliases: ['fs'],
  docs: DOCS,
  verifiedWith: '@types/node@20.19.43 and @types/node@24.19.4',
  entries: [
    entry('accessSync', promises('access', 'same'), 'fsaccesssyncpath-mode'),
    entry('appendFileSync', promises('appendFile', 'same'), 'fsappendfilesyncpath-data-options'),
    entry('chmodSync', promises('chmod', 'same'), 'fschmodsyncpath-mode'),
    entry('chownSync', promises('chown', 'same'), 'fschownsyncpath-uid-gid'),
    entry('closeSync', callback('close'), 'fsclosesyncfd', { advice: FD_ADVICE }),
    entry('copyFileSync', promises('copyFile', 'same'), 'fscopyfilesyncsrc-dest-mode'),
    entry('cpSync', promises('cp', 'same'), 'fscpsyncsrc-dest-options'),
    // No direct twin: `fs.exists` is deprecated. `access` rejects when the path is missing.
    entry('existsSync', promises('access', 'exists'), 'fsexistssyncpath', {
      advice: 'fs.promises.access() rejects when the path does not exist; catch the rejection instead of testing a boolean',
    }),
    entry('fchmodSync', callback('fchmod'), 'fsfchmodsyncfd-mode', { advice: FD_ADVICE }),
    entry('fchownSync', callback('fchown'), 'fsfchownsyncfd-uid-gid', { advice: FD_ADVICE }),
    entry('fdatasyncSync', callback('fdatasync'), 'fsfdatasyncsyncfd', { advice: FD_ADVICE }),
    entry('fstatSync', callback('fstat'), 'fsfstatsyncfd-options', { advice: FD_ADVICE }),
    entry('fsyncSync', callback('fsync'), 'fsfsyncsyncfd', { advice: FD_ADVICE }),
    entry('ftruncateSync', callback('ftruncate'), 'fsftruncatesyncfd-len', { advice: FD_ADVICE }),
    entry('futimesSync', callback('futimes'), 'fsfutimessyncfd-atime-mtime', { advice: FD_ADVICE }),
    // The twin yields the matches as an async iterator rather than an array, so there is no drop-in rewrite.
    entry('globSync', promises('glob'), 'fsglobsyncpattern-options'),
    entry('lchmodSync', promises('lchmod'), 'fslchmodsyncpath-mode'),
    entry('lchownSync', promises('lchown', 'same'), 'fslchownsyncpath-uid-gid'),
    entry('linkSync', promises('link', 'same'), 'fslinksyncexistingpath-newpath'),
    // `export const lstatSync: StatSyncFn`: matched by the const's own symbol.
    entry('lstatSync', promises('lstat', 'same', 1), 'fslstatsyncpath-options'),
    entry('lutimesSync', promises('lutimes', 'same'), 'fslutimessyncpath-atime-mtime'),
    entry('mkdirSync', promises('mkdir', 'same'), 'fsmkdirsyncpath-options'),
    entry('mkdtempSync', promises('mkdtemp', 'same'), 'fsmkdtempsyncprefix-options'),
    // The twin's directory object removes itself asynchronously (`await using`), so there is no drop-in rewrite.
    entry('mkdtempDisposableSync', promises('mkdtempDisposable'), 'fsmkdtempdisposablesyncprefix-options'),
    entry('opendirSync', promises('opendir', 'same'), 'fsopendirsyncpath-options'),
    entry('openSync', promises('open'), 'fsopensyncpath-flags-mode'),
    entry('readdirSync', promises('readdir', 'same'), 'fsreaddirsyncpath-options'),
    entry('readFileSync', promises('readFile', 'same'), 'fsreadfilesyncpath-options'),
    entry('readlinkSync', promises('readlink', 'same'), 'fsreadlinksyncpath-options'),
    entry('readSync', callback('read'), 'fsreadsyncfd-buffer-offset-length-position', { advice: FD_ADVICE }),
    entry('readvSync', callback('readv'), 'fsreadvsyncfd-buffers-position', { advice: FD_ADVICE }),
    entry('realpathSync', promises('realpath', 'same'), 'fsrealpathsyncpath-options'),
    // `export namespace realpathSync { function native() }`.
    entry('realpathSync.native', promises('realpath', 'same'), 'fsrealpathsyncnativepath-options'),
    entry('renameSync', promises('rename', 'same'), 'fsrenamesyncoldpath-newpath'),
    entry('rmdirSync', promises('rmdir', 'same'), 'fsrmdirsyncpath-options'),
    entry('rmSync', promises('rm', 'same'), 'fsrmsyncpath-options'),
    // `export const statSync: StatSyncFn`: matched by the const's own symbol.
    entry('statSync', promises('stat', 'same', 1), 'fsstatsyncpath-options'),
    entry('statfsSync', promises('statfs', 'same'), 'fsstatfssyncpath-options'),
    entry('symlinkSync', promises('symlink', 'same'), 'fssymlinksynctarget-path-type'),
    entry('truncateSync', promises('truncate', 'same'), 'fstruncatesyncpath-len'),
    entry('unlinkSync', promises('unlink', 'same'), 'fsunlinksyncpath'),
    entry('utimesSync', promises('utimes', 'same'), 'fsutimessyncpath-atime-mtime'),
    entry('writeFileSync', promises('writeFile', 'same'), 'fswritefilesyncfile-data-options'),
    entry('writeSync', callback('write'), 'fswritesyncfd-buffer-offset-length-position', { advice: FD_ADVICE }),
    entry('writevSync', callback('writev'), 'fswritevsyncfd-buffers-position', { advice: FD_ADVICE }),
    // `export class Dir`: instance methods. Twins are the promise-returning methods on the same `Dir`.
    entry('Dir#closeSync', { module: 'node:fs', name: 'Dir#close', style: 'promise', label: 'dir.close()' }, 'dirclosesync'),
    entry('Dir#readSync', { module: 'node:fs', name: 'Dir#read', style: 'promise', label: 'dir.read()' }, 'dirreadsync'),
    // What `mkdtempDisposableSync()` returns: `remove()` deletes the directory and everything in it.
    {
      path: 'DisposableTempDir#remove',
      category: 'fs',
      docs: `${DOCS}#fsmkdtempdisposablesyncprefix-options`,
      advice: 'create the directory with fs.promises.mkdtempDisposable() and await its remove() (or `await using` it)',
    },
    // `new fs.Utf8Stream()` (Node 24): "Flushes the buffered data synchronously. This is a costly operation."
    { path: 'Utf8Stream#flushSync', category: 'fs', docs: `${DOCS}#utf8streamflushsync`, advice: 'use flush(callback) and wait for the callback' },
  ],
  leftOut: [
    // `using` calls these at the end of a block: there is no call to report, and `await using` disposes asynchronously.
    { path: 'Dir#[Symbol.dispose]', reason: 'closes the directory synchronously, but only `using` calls it, implicitly; `await using` closes it asynchronously' },
    { path: 'DisposableTempDir#[Symbol.dispose]', reason: 'removes the directory like remove(), but only `using` calls it, implicitly; the async twin disposes with `await using`' },
  ],
});
