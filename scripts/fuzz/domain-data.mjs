// What the domain generator writes calls of: blocking APIs by module (with their import forms and argument lists),
// and the functions of fixtures/typed that the indirect rule follows.


/** Blocking APIs by module, each with argument lists (`P` is a path-like argument). */
export const apis = {
  fs: {
    specifiers: ['fs', 'node:fs', 'fs-extra'],
    defaultName: 'fs',
    calls: {
      readFileSync: [['P'], ['P', 'ENC'], ['P', 'OPTS']],
      writeFileSync: [['P', "'data'"], ['P', 'BUF', 'ENC']],
      existsSync: [['P'], []],
      statSync: [['P'], ['P', '{ throwIfNoEntry: false }']],
      readdirSync: [['P'], ['P', '{ withFileTypes: true }']],
      mkdirSync: [['P', '{ recursive: true }']],
      accessSync: [['P']],
      openSync: [['P', "'r'"]],
      readSync: [['FD', 'BUF'], ['FD', 'BUF', '0', '4', 'null']],
      closeSync: [['FD']],
      fstatSync: [['FD']],
      realpathSync: [['P']],
      'realpathSync.native': [['P']],
      copyFileSync: [['P', 'P']],
      rmSync: [['P', '{ force: true }']],
      unlinkSync: [['P']],
      appendFileSync: [['P', "'x'"]],
    },
  },
  crypto: {
    specifiers: ['crypto', 'node:crypto'],
    defaultName: 'crypto',
    calls: {
      pbkdf2Sync: [['P', "'salt'", '1000', '64', "'sha512'"]],
      scryptSync: [['P', "'salt'", '64']],
      randomBytes: [['16'], ['16', 'CB']],
      randomInt: [['10'], ['10', 'CB']],
      generateKeyPairSync: [["'ed25519'"]],
      randomFillSync: [['BUF']],
      hkdfSync: [["'sha256'", "'key'", "'salt'", "'info'", '64']],
      createHash: [["'sha256'"]],
    },
  },
  zlib: {
    specifiers: ['zlib', 'node:zlib'],
    defaultName: 'zlib',
    calls: {
      gzipSync: [['P'], ['BUF']],
      gunzipSync: [['BUF']],
      deflateSync: [['BUF', '{ level: 9 }']],
      inflateSync: [['BUF']],
      brotliCompressSync: [['BUF']],
      unzipSync: [['BUF']],
    },
  },
  child_process: {
    specifiers: ['child_process', 'node:child_process'],
    defaultName: 'cp',
    calls: {
      execSync: [["'ls'"], ["'ls'", "{ encoding: 'utf8' }"], ["'ls'", 'OPTS'], ["'ls'", "{ encoding: 'utf8', input: 'x' }"], ['P', "{ encoding: 'buffer' }"]],
      execFileSync: [["'ls'", "['-l']"], ["'ls'", "['-l']", "{ encoding: 'utf8' }"]],
      spawnSync: [["'ls'"], ["'ls'", "['-l']", "{ stdio: 'inherit' }"]],
      exec: [["'ls'", 'CB']],
    },
  },
  bcryptjs: {
    specifiers: ['bcryptjs'],
    defaultName: 'bcrypt',
    calls: {
      hashSync: [['P', '10'], ['P']],
      compareSync: [['P', "'hash'"]],
      genSaltSync: [['10'], []],
      hash: [['P', '10']],
    },
  },
};

/** Functions of fixtures/typed that the indirect rule follows (only importable from the typed fixture). */
export const projectImports = [
  { text: "import { slowChecksum, quickChecksum } from './blocking-helpers.js';", calls: ['slowChecksum(P, 3)', 'quickChecksum(P)'] },
  { text: "import { loadConfig, readPid, loadAll } from './indirect-config.js';", calls: ['loadConfig()', 'readPid()', 'loadAll()'] },
  { text: "import pack from './indirect-default.js';", calls: ['pack(P)'] },
  { text: "import { load } from './indirect-reexport.js';", calls: ['load()'] },
  { text: "import { opaque, knownSlow } from './indirect-declarations.js';", calls: ['opaque()', 'knownSlow()'] },
];
