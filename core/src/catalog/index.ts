/**
 * The catalog: every package module, flattened into `blockingApis` with a lookup by (module, path).
 * See README.md for the path convention and how to add an entry.
 */
import { babelCore } from './babel-core.js';
import { bcrypt } from './bcrypt.js';
import { bcryptjs } from './bcryptjs.js';
import { betterSqlite3 } from './better-sqlite3.js';
import { crossSpawn } from './cross-spawn.js';
import { deasync } from './deasync.js';
import { esbuild } from './esbuild.js';
import { execa } from './execa.js';
import { fastGlob } from './fast-glob.js';
import { fsExtra } from './fs-extra.js';
import { glob } from './glob.js';
import { globals } from './global.js';
import { globby } from './globby.js';
import { jsonfile } from './jsonfile.js';
import { nodeChildProcess } from './node-child-process.js';
import { nodeCrypto } from './node-crypto.js';
import { nodeFs } from './node-fs.js';
import { nodeModule } from './node-module.js';
import { reviewedBuiltins } from './node-reviewed.js';
import { nodeSqlite } from './node-sqlite.js';
import { nodeZlib } from './node-zlib.js';
import { rimraf } from './rimraf.js';
import { sass } from './sass.js';
import { synckit } from './synckit.js';
import { tinyglobby } from './tinyglobby.js';
// Packages added for real-world recall (legacy CommonJS shapes included).
import { admZip } from './adm-zip.js';
import { del } from './del.js';
import { findUp } from './find-up.js';
import { gracefulFs } from './graceful-fs.js';
import { isbinaryfile } from './isbinaryfile.js';
import { loadJsonFile } from './load-json-file.js';
import { locatePath } from './locate-path.js';
import { makeDir } from './make-dir.js';
import { mkdirp } from './mkdirp.js';
import { pathExists } from './path-exists.js';
import { readPackageUp } from './read-package-up.js';
import { readPkg } from './read-pkg.js';
import { readPkgUp } from './read-pkg-up.js';
import { resolve } from './resolve.js';
import { shelljs } from './shelljs.js';
import { symlinkOrCopy } from './symlink-or-copy.js';
import { tmp } from './tmp.js';
import { which } from './which.js';
import { writeJsonFile } from './write-json-file.js';
import { xlsx } from './xlsx.js';
import type { BlockingApi, PackageCatalog } from './types.js';

export * from './types.js';
export { reviewedBuiltins };

export const packages: readonly PackageCatalog[] = [
  globals,
  nodeFs,
  nodeChildProcess,
  nodeCrypto,
  nodeZlib,
  nodeSqlite,
  nodeModule,
  fsExtra,
  jsonfile,
  bcrypt,
  bcryptjs,
  glob,
  fastGlob,
  tinyglobby,
  globby,
  rimraf,
  execa,
  crossSpawn,
  esbuild,
  babelCore,
  sass,
  betterSqlite3,
  synckit,
  deasync,
  admZip,
  del,
  findUp,
  gracefulFs,
  isbinaryfile,
  loadJsonFile,
  locatePath,
  makeDir,
  mkdirp,
  pathExists,
  readPackageUp,
  readPkg,
  readPkgUp,
  resolve,
  shelljs,
  symlinkOrCopy,
  tmp,
  which,
  writeJsonFile,
  xlsx,
];

export const blockingApis: readonly BlockingApi[] = packages.flatMap((pkg) =>
  pkg.entries.map(
    (entry): BlockingApi => ({
      ...entry,
      module: pkg.module,
      docs: entry.docs ?? pkg.docs,
      id: `${pkg.module}.${entry.path}`,
    }),
  ),
);

const byKey = new Map<string, BlockingApi>(blockingApis.map((api) => [`${api.module}\u0000${api.path}`, api]));

/** Alias specifier → canonical module: 'fs' → 'node:fs', 'fs-extra/esm' → 'fs-extra'. */
export const moduleAliases: ReadonlyMap<string, string> = new Map(
  packages.flatMap((pkg) => (pkg.aliases ?? []).map((alias): [string, string] => [alias, pkg.module])),
);

/** The catalog module a specifier names: the package of an alias ('fs' → 'node:fs'), else the specifier itself. */
export function catalogModule(specifier: string): string {
  return moduleAliases.get(specifier) ?? specifier;
}

/** The catalog entry at (module, path); `module` may be an alias ('fs'). */
export function findBlockingApi(module: string, path: string): BlockingApi | undefined {
  return byKey.get(`${catalogModule(module)}\u0000${path}`);
}

/**
 * How an API is reached without type information: a specifier as written (`'fs'`, `'node:fs'`, `'fs-extra'`) and a
 * property path from the module object (`['readFileSync']`, `['realpathSync', 'native']`). A package's re-exports
 * count as its own (`require('fs-extra').readFileSync`). Instance members (`Dir#readSync`) need types unless the
 * entry says how they are reached (`untyped`); the global object's APIs have the specifier 'global'.
 */
export interface UntypedEntry {
  readonly specifier: string;
  readonly path: readonly string[];
  readonly api: BlockingApi;
}

export function untypedEntries(apis: readonly BlockingApi[] = blockingApis): UntypedEntry[] {
  const byModule = new Map<string, BlockingApi[]>();
  for (const api of apis) byModule.set(api.module, [...(byModule.get(api.module) ?? []), api]);
  return packages.flatMap((pkg) => {
    const reachable = [pkg.module, ...(pkg.reexports ?? [])].flatMap((module) => byModule.get(module) ?? []);
    const specifiers = pkg.module === 'global' ? ['global'] : [pkg.module, ...(pkg.aliases ?? [])];
    return specifiers.flatMap((specifier) =>
      reachable.flatMap((api) => {
        const path = api.untyped ?? api.path;
        return path.includes('#') ? [] : [{ specifier, path: path.split('.'), api }];
      }),
    );
  });
}

const byUntypedKey = new Map<string, BlockingApi>(
  untypedEntries().map(({ specifier, path, api }) => [`${specifier}\u0000${path.join('.')}`, api]),
);

/** The catalog entry reached from `specifier` (as written, or a builtin without `node:`) by `path`. */
export function findUntypedApi(specifier: string, path: string): BlockingApi | undefined {
  return byUntypedKey.get(`${specifier}\u0000${path}`) ?? byUntypedKey.get(`node:${specifier.replace(/^node:/, '')}\u0000${path}`);
}

/** The names untyped entries are called by (`readFileSync`, `hashSync`, `wait`): a cheap filter. */
export const untypedNames: ReadonlySet<string> = new Set(untypedEntries().map((entry) => entry.path.at(-1)!));

/**
 * APIs that return the object they are given, so what is read from their result is what it is on the argument:
 * bluebird's `promisifyAll(fs)` adds `…Async` methods to `fs` and returns it (`fs.readFileSync` stays the blocking
 * one). Matched by the module the function comes from (import tracking), `argument` the zero-based index.
 */
export const passThroughApis: readonly { module: string; path: string; argument: number }[] = [
  { module: 'bluebird', path: 'promisifyAll', argument: 0 },
  { module: 'bluebird', path: 'Promise.promisifyAll', argument: 0 },
];

/**
 * APIs whose function argument runs on another thread, so blocking calls inside that function are fine.
 * `argument` is the zero-based index of the function argument.
 */
export const offloadApis: readonly { module: string; path: string; argument: number }[] = [
  // `export declare function runAsWorker<T extends AnyFn<Promise<R> | R>, R = ReturnType<T>>(fn: T): void`
  { module: 'synckit', path: 'runAsWorker', argument: 0 },
];
