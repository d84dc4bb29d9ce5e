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
};
