/** Every catalog case file; the catalog test checks this list against the folder and the catalog. */
import * as babelCore from './babel-core.cases.js';
import * as bcrypt from './bcrypt.cases.js';
import * as bcryptjs from './bcryptjs.cases.js';
import * as betterSqlite3 from './better-sqlite3.cases.js';
import * as crossSpawn from './cross-spawn.cases.js';
import * as deasync from './deasync.cases.js';
import * as esbuild from './esbuild.cases.js';
import * as execa from './execa.cases.js';
import * as fastGlob from './fast-glob.cases.js';
import * as fsExtra from './fs-extra.cases.js';
import * as glob from './glob.cases.js';
import * as global from './global.cases.js';
import * as globby from './globby.cases.js';
import * as jsonfile from './jsonfile.cases.js';
import * as nodeChildProcess from './node-child-process.cases.js';
import * as nodeCrypto from './node-crypto.cases.js';
import * as nodeFs from './node-fs.cases.js';
import * as nodeModule from './node-module.cases.js';
import * as nodeSqlite from './node-sqlite.cases.js';
import * as nodeZlib from './node-zlib.cases.js';
import * as rimraf from './rimraf.cases.js';
import * as sass from './sass.cases.js';
import * as synckit from './synckit.cases.js';
import * as tinyglobby from './tinyglobby.cases.js';
import * as admZip from './adm-zip.cases.js';
import * as del from './del.cases.js';
import * as findUp from './find-up.cases.js';
import * as gracefulFs from './graceful-fs.cases.js';
import * as isbinaryfile from './isbinaryfile.cases.js';
import * as loadJsonFile from './load-json-file.cases.js';
import * as locatePath from './locate-path.cases.js';
import * as makeDir from './make-dir.cases.js';
import * as mkdirp from './mkdirp.cases.js';
import * as pathExists from './path-exists.cases.js';
import * as readPackageUp from './read-package-up.cases.js';
import * as readPkg from './read-pkg.cases.js';
import * as readPkgUp from './read-pkg-up.cases.js';
import * as resolve from './resolve.cases.js';
import * as shelljs from './shelljs.cases.js';
import * as symlinkOrCopy from './symlink-or-copy.cases.js';
import * as tmp from './tmp.cases.js';
import * as which from './which.cases.js';
import * as writeJsonFile from './write-json-file.cases.js';
import * as xlsx from './xlsx.cases.js';
import type { CatalogCase } from './types.js';

export const caseFiles: Record<string, { invalid: CatalogCase[]; valid: (string | CatalogCase)[] }> = {
  'babel-core': babelCore,
  'bcrypt': bcrypt,
  'bcryptjs': bcryptjs,
  'better-sqlite3': betterSqlite3,
  'cross-spawn': crossSpawn,
  'deasync': deasync,
  'esbuild': esbuild,
  'execa': execa,
  'fast-glob': fastGlob,
  'fs-extra': fsExtra,
  'glob': glob,
  'global': global,
  'globby': globby,
  'jsonfile': jsonfile,
  'node-child-process': nodeChildProcess,
  'node-crypto': nodeCrypto,
  'node-fs': nodeFs,
  'node-module': nodeModule,
  'node-sqlite': nodeSqlite,
  'node-zlib': nodeZlib,
  'rimraf': rimraf,
  'sass': sass,
  'synckit': synckit,
  'tinyglobby': tinyglobby,
  'adm-zip': admZip,
  'del': del,
  'find-up': findUp,
  'graceful-fs': gracefulFs,
  'isbinaryfile': isbinaryfile,
  'load-json-file': loadJsonFile,
  'locate-path': locatePath,
  'make-dir': makeDir,
  'mkdirp': mkdirp,
  'path-exists': pathExists,
  'read-package-up': readPackageUp,
  'read-pkg': readPkg,
  'read-pkg-up': readPkgUp,
  'resolve': resolve,
  'shelljs': shelljs,
  'symlink-or-copy': symlinkOrCopy,
  'tmp': tmp,
  'which': which,
  'write-json-file': writeJsonFile,
  'xlsx': xlsx,
};
