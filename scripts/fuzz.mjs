#!/usr/bin/env node
// Fuzzes unblock's rules: random programs (eslump, and a generator of our own that writes async code full of
// blocking calls) are linted with both rules, untyped (espree, @typescript-eslint/parser) and typed (as a virtual
// file of fixtures/typed). A rule must never throw, and every suggestion must leave a program that still parses.
// The fuzz tests (tests/fuzz/) run a fixed-seed slice of the same generators; this CLI runs as long as you like.
//
//   node scripts/fuzz.mjs [--iterations 10000] [--seed N] [--start I] [--generator domain|eslump|both] [--no-typed]
//                         [--out artifacts/fuzz-failures] [--minimize] [--max-per-kind 5]
//
// Iteration i of seed N always generates the same programs: `--seed N --start i --iterations 1` replays it.
//
// The CLI lints with the built plugin (`npm run build -w eslint-plugin` first); the tests lint with the sources.
// Each failing program is written to --out (default artifacts/fuzz-failures/) with its seed and the command that
// reproduces it; --minimize also writes a line-minimized program for each new kind of failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deriveSeed, Random } from './lib/random.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

export const typedProjectDir = path.join(root, 'fixtures/typed');

/** `strict`: every category on. */
export const allCategoriesOn = {
  fs: true,
  process: true,
  crypto: true,
  compression: true,
  database: true,
  compile: true,
  'sync-bridge': true,
  'module-loading': true,
  console: true,
};

// ---------------------------------------------------------------------------------------------------------------
// eslump: random JavaScript from shift-fuzzer

/**
 * A random program from eslump. eslump draws from `Math.random`, so it is swapped for a seeded PRNG while the
 * program is generated: the same seed gives the same program.
 */
export function eslumpProgram(seed) {
  const { generateRandomJS } = require('eslump');
  const random = new Random(seed);
  const sourceType = random.chance(0.5) ? 'module' : 'script';
  const options = { sourceType, maxDepth: random.int(2, 7), comments: random.chance(0.3), whitespace: random.chance(0.3) };
  const original = Math.random;
  Math.random = random.next;
  try {
    return { code: generateRandomJS(options), sourceType, language: 'js', seed, generator: 'eslump' };
  } finally {
    Math.random = original;
  }
}

const notCallable = new Set(
  (
    'if for while switch catch function with return typeof await yield async super import class new delete void ' +
    'in of instanceof do else try finally throw case default var let const this get set static constructor'
  ).split(' '),
);

/**
 * A program (eslump's, or a test262 file) "spiked" with blocking calls: some calls `name(` become
 * `fs.readFileSync(` (and friends), so odd shapes (async arrows in default parameters, generators, classes,
 * labels) surround catalog calls. The first variant also runs the whole program inside an async function (where
 * suggestions are offered); the others replace fewer calls. Many candidates do not parse (a method named `a(`
 * becomes `fs.readFileSync(`, `await` is an identifier in scripts); callers skip those.
 */
export function spikedPrograms(program) {
  const random = new Random(program.seed ^ 0x5bd1e995);
  const header =
    program.sourceType === 'module'
      ? "import fs from 'fs'; import * as cp from 'node:child_process'; import zlib from 'node:zlib';\n"
      : "var fs = require('fs'), cp = require('child_process'), zlib = require('zlib');\n";
  const targets = ['fs.readFileSync', 'fs.existsSync', 'cp.execSync', 'fs["statSync"]', 'fs.readFileSync?.', 'fs.readFileSync.call', 'zlib.gzipSync'];
  const spike = (probability) =>
    program.code.replace(/(?<![\w$.#]|function\s*\*?\s*|\bnew\s+|\bget\s+|\bset\s+)\b([A-Za-z_$][\w$]*)(\s*)\(/g, (match, name, space) =>
      notCallable.has(name) || !random.chance(probability) ? match : `${random.pick(targets)}${space}(`,
    );
  const variants = [`${header}async function spiked() {\n${spike(0.5)}\n}\n`, header + spike(0.5), header + spike(0.25), header + spike(0.1)];
  return variants.map((code) => ({ ...program, generator: `${program.generator}-spiked`, code }));
}

/** The first spiked variant of `program` that espree parses, if any. */
export function spikedProgram(fuzzer, program) {
  return spikedPrograms(program).find((variant) => !fuzzer.parses(variant.code, 'espree', variant.sourceType, path.join(typedProjectDir, 'spiked.js')));
}

// ---------------------------------------------------------------------------------------------------------------
// The domain generator: async code with blocking calls, in every import style, valid by construction

/** Blocking APIs by module, each with argument lists (`P` is a path-like argument). */
const apis = {
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
const projectImports = [
  { text: "import { slowChecksum, quickChecksum } from './blocking-helpers.js';", calls: ['slowChecksum(P, 3)', 'quickChecksum(P)'] },
  { text: "import { loadConfig, readPid, loadAll } from './indirect-config.js';", calls: ['loadConfig()', 'readPid()', 'loadAll()'] },
  { text: "import pack from './indirect-default.js';", calls: ['pack(P)'] },
  { text: "import { load } from './indirect-reexport.js';", calls: ['load()'] },
  { text: "import { opaque, knownSlow } from './indirect-declarations.js';", calls: ['opaque()', 'knownSlow()'] },
];

/**
 * flavors: `ts` (TypeScript module: imports, `import x = require()`, type syntax), `esm` (JavaScript module) and
 * `cjs` (JavaScript script: `require` only, no `import`/`export` statements).
 */
export function domainProgram(seed, { flavor } = {}) {
  const random = new Random(seed);
  const chosen = flavor ?? random.weighted([[5, 'ts'], [3, 'esm'], [2, 'cjs']]);
  const generator = new DomainGenerator(random, chosen);
  return {
    code: generator.program(),
    sourceType: chosen === 'cjs' ? 'script' : 'module',
    language: chosen === 'ts' ? 'ts' : 'js',
    flavor: chosen,
    seed,
    generator: 'domain',
  };
}

class DomainGenerator {
  constructor(random, flavor) {
    this.random = random;
    this.flavor = flavor;
    this.ts = flavor === 'ts';
    this.counter = 0;
    this.used = new Set(['items', 'promise', 'args', 'fd', 'buf', 'opts', 'fake', 'p', 'rest', 'index', 'other', 'total', 'resolve', 'reject', 'dyn']);
    /** Bindings to blocking modules: { kind: 'ns' | 'named', local, module, api? } */
    this.bindings = [];
    /** Calls into the typed fixture's own modules. */
    this.projectCalls = [];
    /** Names of generated functions (hoisted declarations), callable from anywhere. */
    this.functions = [];
    this.exported = new Set();
    /** Semicolon-free style (ASI): a suggestion that starts a line with `(` must not join it to the line above. */
    this.semicolon = random.chance(0.2) ? '' : ';';
  }

  fresh(base) {
    let name = base;
    while (this.used.has(name)) name = `${base}${++this.counter}`;
    this.used.add(name);
    return name;
  }

  type(annotation) {
    return this.ts ? `: ${annotation}` : '';
  }

  program() {
    const r = this.random;
    const header = [];
    if (r.chance(0.2)) header.push(this.flavor === 'cjs' ? "'use strict';" : "'use client';");
    const importCount = r.int(1, 5);
    for (let i = 0; i < importCount; i++) header.push(this.importStatement());
    if (this.flavor !== 'cjs' && r.chance(0.35)) {
      const project = r.pick(projectImports);
      const names = /\{(.*)\}|import (\w+)/.exec(project.text);
      const locals = (names[1] ?? names[2]).split(',').map((name) => name.trim());
      if (!header.includes(project.text) && locals.every((name) => !this.used.has(name))) {
        locals.forEach((name) => this.used.add(name));
        header.push(project.text);
        this.projectCalls.push(...project.calls);
      }
    }
    // What suggestions reuse (the twin's module, `promisify`, `inWorker`) or must not collide with.
    const extras =
      this.flavor === 'cjs'
        ? [["const { readFile } = require('fs/promises');", 'readFile'], ["const fsp = require('node:fs/promises');", 'fsp'], ["const util = require('util');", 'util'], ["const { promisify } = require('node:util');", 'promisify'], ["const { inWorker } = require('unblock');", 'inWorker']]
        : [["import { readFile } from 'node:fs/promises';", 'readFile'], ["import * as fsp from 'fs/promises';", 'fsp'], ["import { promisify } from 'util';", 'promisify'], ["import util from 'node:util';", 'util'], ["import { inWorker } from 'unblock';", 'inWorker']];
    for (const [text, name] of extras) {
      if (r.chance(0.1) && !this.used.has(name)) {
        this.used.add(name);
        header.push(text);
      }
    }
    for (const name of ['readFile', 'promisify', 'inWorker', 'gzip', 'access', 'exec', 'hash']) {
      if (r.chance(0.05) && !this.used.has(name)) {
        this.used.add(name);
        header.push(`const ${name} = 0;`);
      }
    }
    this.used.add('readFile');
    header.push(`const items${this.type('string[]')} = ['a.txt', 'b.txt'];`);
    header.push(`const promise = Promise.resolve('a.txt');`);
    header.push(this.ts ? "const args = ['a.txt', 'utf8'] as const;" : "const args = ['a.txt', 'utf8'];");
    header.push('const fd = 0;');
    header.push('const buf = Buffer.alloc(8);');
    header.push(this.ts ? "const opts = { encoding: 'utf8' } as const;" : "const opts = { encoding: 'utf8' };");
    header.push(`const fake = { readFileSync: (file${this.type('string')}) => file, execSync() { return ''; } };`);
    if (this.ts && r.chance(0.3)) header.push('declare const dyn: any;');

    // Declare function names first so bodies can call (and recurse into) any of them.
    const count = r.int(1, 4);
    const names = Array.from({ length: count }, () => this.fresh(r.pick(['load', 'handle', 'run', 'helper', 'read', 'work'])));
    this.functions.push(...names.filter(() => r.chance(0.8)));
    const body = names.map((name, index) => this.topLevelFunction(name, index));
    if (r.chance(0.4)) body.push(this.statement({ async: false, generator: false, depth: 1, noReturn: true }));
    if (this.ts && r.chance(0.1)) {
      const fn = this.fresh('inNamespace');
      body.push(`namespace ${this.fresh('Space')} {\nexport async function ${fn}(p: string) ${this.block({ async: true, generator: false, noReturn: false, depth: 1 })}\n}`);
    }
    if (r.chance(0.1) && this.flavor === 'esm') body.push(`await ${this.blockingCall({ async: true, generator: false, depth: 2 })};`);
    if (this.flavor === 'cjs' && r.chance(0.5)) body.push(`module.exports = { ${names.slice(0, 2).join(', ')} };`);
    const unexported = names.filter((name) => !this.exported.has(name)).slice(-2);
    if (this.flavor !== 'cjs' && unexported.length && r.chance(0.3)) body.push(`export { ${unexported.join(', ')} };`);
    return [...header, ...body].join('\n') + '\n';
  }

  importStatement() {
    const r = this.random;
    const module = r.pick(Object.keys(apis));
    const { specifiers, defaultName, calls } = apis[module];
    const specifier = r.pick(specifiers);
    const forms =
      this.flavor === 'cjs'
        ? ['require-ns', 'require-named', 'require-named', 'require-rest']
        : ['default', 'namespace', 'named', 'named', 'require-ns', 'require-named', 'default-and-named', 'require-rest'];
    if (this.ts) forms.push('import-equals', 'import-equals', 'named-with-type');
    const form = r.pick(forms);
    const apiNames = Object.keys(calls).filter((name) => !name.includes('.'));
    const namedList = (style) => {
      const chosen = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(apiNames)))];
      return chosen
        .map((api) => {
          const local = this.fresh(r.chance(0.3) ? `${api}Local` : api);
          this.bindings.push({ kind: 'named', local, module, api });
          if (local === api) return api;
          return style === 'import' ? `${api} as ${local}` : `${api}: ${local}`;
        })
        .join(', ');
    };
    const keyword = this.flavor === 'cjs' ? r.pick(['const', 'var', 'let']) : 'const';
    switch (form) {
      case 'default':
      case 'namespace':
      case 'import-equals':
      case 'require-ns': {
        const local = this.fresh(defaultName);
        this.bindings.push({ kind: 'ns', local, module });
        if (form === 'default') return `import ${local} from '${specifier}';`;
        if (form === 'namespace') return `import * as ${local} from '${specifier}';`;
        if (form === 'import-equals') return `import ${local} = require('${specifier}');`;
        return `${keyword} ${local} = require('${specifier}');`;
      }
      case 'named':
        return `import { ${namedList('import')}${r.chance(0.2) ? ',' : ''} } from '${specifier}';`;
      case 'default-and-named': {
        const local = this.fresh(defaultName);
        this.bindings.push({ kind: 'ns', local, module });
        return `import ${local}, { ${namedList('import')} } from '${specifier}';`;
      }
      case 'named-with-type':
        return `import { type ${this.fresh('SomeType')} as ${this.fresh('TypeAlias')}, ${namedList('import')} } from '${specifier}';`;
      case 'require-rest':
        return `${keyword} { ${namedList('require')}, ...${this.fresh('others')} } = require('${specifier}');`;
      default:
        return `${keyword} { ${namedList('require')}${r.chance(0.2) ? ',' : ''} } = require('${specifier}');`;
    }
  }

  topLevelFunction(name, index) {
    const r = this.random;
    const async = r.chance(0.7);
    const generator = r.chance(0.1);
    const jsdoc = r.weighted([[8, ''], [1, '/** Heavy work. @blocking */\n'], [1, '/** @nonblocking */\n']]);
    const exported = this.flavor !== 'cjs' && r.chance(0.3) ? (index === 0 && r.chance(0.3) ? 'export default ' : 'export ') : '';
    if (exported) this.exported.add(name);
    const params = this.params(async);
    const ctx = { async, generator, noReturn: false, depth: 0 };
    const kind = r.weighted([[5, 'declaration'], [2, 'arrow'], [2, 'class'], [1, 'object']]);
    if (this.ts && !exported && !async && !generator && r.chance(0.15)) {
      // Overloads: the indirect rule follows them to the implementation.
      return [
        `${jsdoc}function ${name}(p: string): unknown;`,
        `function ${name}(p: string, extra: number): unknown;`,
        `function ${name}(p: string, extra?: number) ${this.block(ctx)}`,
      ].join('\n');
    }
    if (kind === 'declaration' || generator || exported === 'export default ') {
      const typeParameters = this.ts && r.chance(0.15) ? '<T>' : '';
      return `${jsdoc}${exported}${async ? 'async ' : ''}function${generator ? '*' : ''} ${name}${typeParameters}(${params})${this.returnType(async, generator)} ${this.block(ctx)}`;
    }
    if (kind === 'arrow') {
      const bodyText = r.chance(0.4) ? this.expressionBody(ctx) : this.block(ctx);
      return `${jsdoc}${exported.replace('default ', '')}const ${name} = ${async ? 'async ' : ''}(${params})${this.returnType(async, false)} => ${bodyText};`;
    }
    if (kind === 'object') {
      const method = this.fresh('method');
      return `${exported.replace('default ', '')}const ${name} = { ${async ? 'async ' : ''}${method}(${params}) ${this.block({ ...ctx, fn: method })}, value: 1 };`;
    }
    return `${exported.replace('default ', '')}${this.classText(name, { async: false, generator: false, depth: 0 })}`;
  }

  /** A class with methods of every kind; field initializers and static blocks are not async code. */
  classText(name, ctx) {
    const r = this.random;
    const members = [];
    const syncCtx = { async: false, generator: false, noReturn: false, depth: ctx.depth + 1 };
    // A sync method that blocks, called as `this.helper()` from the others: the indirect rule follows `this`.
    const helper = r.chance(0.4) ? this.fresh('syncHelper') : undefined;
    if (helper) members.push(`${helper}(p${this.type('string')}) { return ${this.blockingCall(syncCtx)}; }`);
    const memberCount = r.int(1, 3);
    for (let i = 0; i < memberCount; i++) {
      const kind = r.pick(['method', 'method', 'field', 'static-block', 'accessor', 'private', 'computed', 'constructor', 'static-method']);
      const methodAsync = r.chance(0.7);
      const methodName = this.fresh(r.pick(['run', 'fetch', 'compute', 'save']));
      const methodCtx = { async: methodAsync, generator: false, noReturn: false, depth: ctx.depth + 1, thisMethods: helper && [helper] };
      switch (kind) {
        case 'field':
          members.push(`${this.ts ? r.pick(['', 'private ', 'readonly ']) : ''}${methodName} = ${this.expression(syncCtx)};`);
          break;
        case 'static-block':
          members.push(`static ${this.block({ ...syncCtx, noReturn: true })}`);
          break;
        case 'accessor':
          members.push(`get ${methodName}() { return ${this.expression(syncCtx)}; }`);
          break;
        case 'private':
          members.push(`${methodAsync ? 'async ' : ''}#${methodName}(${this.params(methodAsync)}) ${this.block(methodCtx)}`);
          break;
        case 'computed':
          members.push(`${methodAsync ? 'async ' : ''}[${this.expression({ ...ctx, depth: ctx.depth + 2 })}]() ${this.block(methodCtx)}`);
          break;
        case 'constructor':
          if (!members.some((member) => member.startsWith('constructor'))) members.push(`constructor() ${this.block(syncCtx)}`);
          break;
        case 'static-method':
          members.push(`static ${methodAsync ? 'async ' : ''}${methodName}(${this.params(methodAsync)}) ${this.block(methodCtx)}`);
          break;
        default:
          members.push(`${methodAsync ? 'async ' : ''}${methodName}(${this.params(methodAsync)}) ${this.block(methodCtx)}`);
      }
    }
    return `class ${name} {\n${members.join('\n')}\n}`;
  }

  params() {
    const r = this.random;
    return r.weighted([
      [5, `p${this.type('string')}`],
      [2, `p${this.type('string')} = 'a.txt'`],
      [1, `p${this.type('string')}, ...rest${this.type('unknown[]')}`],
      [1, `{ p }${this.type('{ p: string }')} = { p: 'a.txt' }`],
      [this.used.has('fs') ? 1 : 0, `p${this.type('string')}, fs${this.type('{ readFileSync(file: string): string }')}`],
    ]);
  }

  returnType(async, generator) {
    if (!this.ts || !this.random.chance(0.3)) return '';
    if (generator) return async ? ': AsyncGenerator<unknown>' : ': Generator<unknown>';
    return async ? ': Promise<unknown>' : ': unknown';
  }

  block(ctx) {
    const r = this.random;
    const count = ctx.depth > 2 ? r.int(0, 1) : r.int(1, 3);
    const statements = Array.from({ length: count }, () => this.statement({ ...ctx, depth: ctx.depth + 1 }));
    if (r.chance(0.3) && !ctx.noReturn) statements.push(`return ${this.expression(ctx)};`);
    return `{\n${statements.join('\n')}\n}`;
  }

  expressionBody(ctx) {
    const text = this.expression({ ...ctx, depth: ctx.depth + 1 });
    return text.startsWith('{') ? `(${text})` : text;
  }

  statement(ctx) {
    const text = this.statementText(ctx);
    // Semicolon-free style writes a leading `;` where a line would otherwise continue the one above.
    return this.semicolon === '' && /^[[(`+\-/]/.test(text) ? `;${text}` : text;
  }

  statementText(ctx) {
    const r = this.random;
    const deep = ctx.depth > 3;
    const kind = deep
      ? r.pick(['expression', 'const'])
      : r.weighted([
          [6, 'expression'],
          [4, 'const'],
          [1, 'if'],
          [1, 'for-of'],
          [1, 'try'],
          [3, 'callback'],
          [1, 'nested-function'],
          [1, 'class'],
          [1, 'label'],
          [1, 'switch'],
          [ctx.generator ? 2 : 0, 'yield'],
          [ctx.async ? 1 : 0, 'dynamic-import'],
          [1, 'builtin-module'],
          [1, 'local-require'],
          [1, 'alias'],
          [1, 'destructure'],
          [1, 'object'],
          [1, 'extends'],
          [this.ts ? 1 : 0, 'enum'],
          [1, 'for-of-call'],
          [1, 'case'],
        ]);
    const next = { ...ctx, depth: ctx.depth + 1 };
    switch (kind) {
      case 'const':
        return `${r.pick(['const', 'let', 'var'])} ${this.fresh('value')}${this.ts && r.chance(0.3) ? ': any' : ''} = ${this.expression(ctx)}${this.semicolon}`;
      case 'if':
        return `if (${this.expression(next)}) ${this.block(next)} else ${this.block(next)}`;
      case 'for-of': {
        const awaitKeyword = ctx.async && r.chance(0.3) ? ' await' : '';
        return `for${awaitKeyword} (const ${this.fresh('entry')} of items) ${this.block(next)}`;
      }
      case 'try':
        return `try ${this.block(next)} catch (${this.fresh('error')}) ${this.block(next)} finally ${this.block({ ...next, noReturn: true })}`;
      case 'callback':
        return `${this.callbackExpression(ctx)}${this.semicolon}`;
      case 'extends':
        return `class ${this.fresh('Derived')} extends ${this.blockingCall(ctx)} {}`;
      case 'enum':
        // TypeScript emits an enum as a function call: its initializers are not async code.
        return `enum ${this.fresh('Enum')} { A = 1, B = ${this.blockingCall({ ...ctx, async: false, generator: false })}.length }`;
      case 'for-of-call':
        return `for (const ${this.fresh('entry')} of ${this.wrap(ctx, this.blockingCall(ctx))}) ${this.block(next)}`;
      case 'case':
        return `switch (p) {\ncase ${this.wrap(ctx, this.blockingCall(ctx))}:\nbreak;\n}`;
      case 'nested-function': {
        const async = r.chance(0.5);
        const name = this.fresh('inner');
        const inner = { async, generator: false, noReturn: false, depth: ctx.depth + 1 };
        const call = r.chance(0.6) ? `\n${ctx.async && async ? 'await ' : ''}${name}('a.txt');` : '';
        if (r.chance(0.5)) return `${async ? 'async ' : ''}function ${name}(${this.params(async)}) ${this.block(inner)}${call}`;
        return `const ${name} = ${async ? 'async ' : ''}(${this.params(async)}) => ${r.chance(0.5) ? this.expressionBody(inner) : this.block(inner)};${call}`;
      }
      case 'class':
        return this.classText(this.fresh('Local'), ctx);
      case 'label': {
        const label = this.fresh('outer');
        return `${label}: for (const ${this.fresh('entry')} of items) {\nif (${this.expression(next)}) break ${label};\n${this.statement(next)}\n}`;
      }
      case 'switch':
        return `switch (${this.expression(next)}) {\ncase 1:\n${this.statement(next)}\nbreak;\ndefault:\n${this.statement(next)}\n}`;
      case 'yield':
        return r.chance(0.2) ? 'yield* items;' : `yield ${this.expression(ctx)};`;
      case 'dynamic-import': {
        const module = r.pick(Object.keys(apis));
        const specifier = r.pick(apis[module].specifiers);
        if (r.chance(0.5)) {
          const local = this.fresh(apis[module].defaultName);
          const binding = { kind: 'ns', local, module };
          return `const ${local} = await import('${specifier}');\n${this.expressionWith(ctx, binding)};`;
        }
        const api = r.pick(Object.keys(apis[module].calls).filter((name) => !name.includes('.')));
        const local = this.fresh(api);
        return `const { ${api === local ? api : `${api}: ${local}`} } = await import('${specifier}');\n${this.expressionWith(ctx, { kind: 'named', local, module, api })};`;
      }
      case 'builtin-module': {
        const module = r.pick(['fs', 'crypto', 'zlib', 'child_process']);
        const local = this.fresh(apis[module].defaultName);
        return `const ${local} = process.getBuiltinModule('${r.pick(apis[module].specifiers.filter((s) => s !== 'fs-extra'))}');\n${this.expressionWith(ctx, { kind: 'ns', local, module })};`;
      }
      case 'local-require': {
        const module = r.pick(Object.keys(apis));
        const local = this.fresh(apis[module].defaultName);
        return `const ${local} = require('${r.pick(apis[module].specifiers)}');\n${this.expressionWith(ctx, { kind: 'ns', local, module })};`;
      }
      case 'alias': {
        const alias = this.fresh('alias');
        const { callee, binding, api } = this.callee();
        return `const ${alias} = ${callee};\n${this.callWith(ctx, alias, binding, api)};`;
      }
      case 'destructure': {
        const name = this.fresh('part');
        return r.chance(0.5)
          ? `const { length: ${name} } = ${this.expression(ctx)};`
          : `const [${name}] = (${this.expression(ctx)}) ?? [];`;
      }
      case 'object': {
        const method = this.fresh('method');
        const async = r.chance(0.6);
        return `const ${this.fresh('object')} = { ${async ? 'async ' : ''}${method}() ${this.block({ async, generator: false, noReturn: false, depth: ctx.depth + 2 })}, [${this.expression(next)}]: 1, value: ${this.expression(next)} };`;
      }
      default:
        return `${this.expression(ctx)}${this.semicolon}`;
    }
  }

  /** A call that runs a callback: sync (`.map`, `new Promise`, `.then`) or deferred (`setTimeout`). */
  callbackExpression(ctx) {
    const r = this.random;
    const next = { ...ctx, async: false, generator: false, noReturn: false, depth: ctx.depth + 2 };
    const nextAsync = { ...next, async: true };
    const q = this.fresh('item');
    const arrowBody = (inner) => (r.chance(0.5) ? this.expressionBody(inner) : this.block(inner));
    const annotated = `${q}${this.ts && r.chance(0.3) ? ': string' : ''}`;
    const shapes = [
      () => `items.map((${annotated}) => ${arrowBody(next)})`,
      () => `items.map(async (${annotated}) => ${arrowBody(nextAsync)})`,
      () => `items.forEach(function (${q}) ${this.block(next)})`,
      () => `items.filter((${q} = ${this.expression(next)}) => true)`,
      () => `items.map((${q}, index = ${this.expression(next)}) => index)`,
      () => `items.reduce((total, ${q}) => ${this.expressionBody(next)}, 0)`,
      () => `items.map((${q}) => items.map((other) => ${this.expressionBody(next)}))`,
      () => `promise.then((${q}) => ${arrowBody(next)})`,
      () => `promise.then(null, () => ${arrowBody(next)})`,
      () => `promise.catch(() => ${arrowBody(next)}).finally(() => ${arrowBody(next)})`,
      () => `new Promise((resolve) => {\n${this.statement(next)}\nresolve(1);\n})`,
      () => `new Promise(function (resolve, reject) ${this.block({ ...next, noReturn: false })})`,
      () => `setTimeout(() => ${arrowBody(next)}, 1)`,
      () => `queueMicrotask(() => ${this.block(next)})`,
      () => `Array.from(items, (${q}) => ${this.expressionBody(next)})`,
      () => `new Map([[1, 2]]).forEach(() => ${arrowBody(next)})`,
      () => `new Set(items).forEach((${q}) => ${arrowBody(next)})`,
      () => `new Uint8Array(2).map(() => ${this.expressionBody(next)} ? 1 : 0)`,
      () => `items.map((${q}) => ${this.expressionBody(next)}).join()`,
      () => `[...items].sort(() => ${this.expressionBody(next)} ? 1 : -1)`,
      () => `(() => ${arrowBody(next)})()`,
      () => `(async () => ${arrowBody(nextAsync)})()`,
      () => `(function () ${this.block(next)})()`,
      () => `items.map(${this.callee().callee})`,
      () => `(${ctx.async ? 'await promise' : 'items'}, items).map((${q}) => ${this.expressionBody(next)})`,
      () => `unknownRunner(() => ${arrowBody(next)})`,
    ];
    return r.pick(shapes)();
  }

  /** A callee for a blocking API from the imports (or a look-alike). */
  callee() {
    const r = this.random;
    if (this.bindings.length === 0 || r.chance(0.08)) {
      return { callee: r.pick(['fake.readFileSync', 'fake.execSync', 'fake["readFileSync"]']), binding: undefined, api: 'readFileSync' };
    }
    const binding = r.pick(this.bindings);
    if (binding.kind === 'named') {
      const callee = r.weighted([
        [8, binding.local],
        [1, `(${binding.local})`],
        [1, `(0, ${binding.local})`],
        [this.ts ? 1 : 0, `(${binding.local} as any)`],
        [this.ts ? 1 : 0, `${binding.local}!`],
      ]);
      return { callee, binding, api: binding.api };
    }
    const api = r.pick(Object.keys(apis[binding.module].calls));
    const quoted = api.includes('.') ? api.split('.').map((part) => `['${part}']`).join('') : `['${api}']`;
    const callee = r.weighted([
      [8, `${binding.local}.${api}`],
      [1, `${binding.local}${quoted}`],
      [1, `${binding.local}?.${api}`],
      [1, `(${binding.local}).${api}`],
      [1, `${binding.local}.${api}.bind(${binding.local})`],
      [this.ts ? 1 : 0, `(${binding.local} as typeof ${binding.local}).${api}`],
    ]);
    return { callee, binding, api };
  }

  argument(placeholder, ctx) {
    const r = this.random;
    switch (placeholder) {
      case 'P': {
        const chosen = r.weighted([
          [5, "'a.txt'"],
          [4, 'p'],
          [1, '`${p}/x`'],
          [1, "p + '.json'"],
          [ctx.async ? 1 : 0, 'await promise'],
          [1, 'items[0]'],
          [1, 'String(1)'],
          [ctx.depth < 5 ? 1 : 0, 'NESTED'],
          [this.ts ? 1 : 0, 'items[0]!'],
          [this.ts ? 1 : 0, "('a.txt' as string)"],
        ]);
        return chosen === 'NESTED' ? this.blockingCall({ ...ctx, depth: ctx.depth + 3 }) : chosen;
      }
      case 'ENC':
        return r.pick(["'utf8'", "'utf-8'", "'buffer'", 'undefined']);
      case 'OPTS':
        return r.pick(['opts', "{ encoding: 'utf8' }", "{ encoding: 'utf8', flag: 'r' }", this.ts ? "{ encoding: 'utf8' as const }" : '{}']);
      case 'BUF':
        return r.pick(['buf', "Buffer.from('x')", 'new Uint8Array(4)']);
      case 'FD':
        return r.pick(['fd', '0', 'Number(p)']);
      case 'CB':
        return r.pick(['() => {}', '(error, value) => value', 'function () {}', 'callback'].map((text) => (this.ts ? text.replace('(error, value)', '(error: unknown, value: unknown)') : text)));
      default:
        return placeholder;
    }
  }

  argumentList(ctx, binding, api) {
    const r = this.random;
    const lists = binding ? apis[binding.module].calls[api] : [['P']];
    const list = r.pick(lists ?? [['P']]);
    const args = list.map((placeholder) => this.argument(placeholder, ctx));
    if (r.chance(0.05)) args.push(this.argument('CB', ctx));
    return args;
  }

  /** A call of `callee` in one of the many call shapes. */
  callWith(ctx, callee, binding, api) {
    const r = this.random;
    const args = this.argumentList(ctx, binding, api);
    const joined = args.join(', ');
    const optional = callee.includes('?.');
    const form = r.weighted([
      [12, 'plain'],
      [1, 'optional'],
      [1, 'call'],
      [1, 'apply'],
      [1, 'spread'],
      [optional ? 0 : 1, 'tagged'],
      [optional ? 0 : 1, 'new'],
      [this.ts ? 1 : 0, 'generic'],
      [1, 'trailing-comma'],
    ]);
    switch (form) {
      case 'optional':
        return `${callee}?.(${joined})`;
      case 'call':
        return `${callee}.call(${['null', ...args].join(', ')})`;
      case 'apply':
        return `${callee}.apply(null, [${joined}])`;
      case 'spread':
        return r.chance(0.5) ? `${callee}(...args)` : `${callee}(${args.slice(0, 1).concat('...items').join(', ')})`;
      case 'tagged':
        return `${callee}\`${r.pick(['a.txt', '${p}', ''])}\``;
      case 'new':
        return `new ${callee}(${joined})`;
      case 'generic':
        return `${callee}<string>(${joined})`;
      case 'trailing-comma':
        return args.length ? `${callee}(${joined},)` : `${callee}()`;
      default:
        return `${callee}(${joined})`;
    }
  }

  blockingCall(ctx) {
    const r = this.random;
    if (this.projectCalls.length && r.chance(0.15)) return this.argumentPlaceholders(r.pick(this.projectCalls), ctx);
    if (ctx.thisMethods && r.chance(0.3)) return `this.${r.pick(ctx.thisMethods)}(${this.argument('P', ctx)})`;
    if (this.functions.length && r.chance(0.15)) {
      const name = r.pick(this.functions);
      return `${name}('a.txt')`;
    }
    const { callee, binding, api } = this.callee();
    return this.callWith(ctx, callee, binding, api);
  }

  argumentPlaceholders(text, ctx) {
    return text.replace(/\bP\b/g, () => this.argument('P', ctx));
  }

  /** An expression statement or initializer that uses one given binding. */
  expressionWith(ctx, binding) {
    const api = binding.kind === 'named' ? binding.api : this.random.pick(Object.keys(apis[binding.module].calls));
    const callee = binding.kind === 'named' ? binding.local : `${binding.local}.${api}`;
    return this.wrap(ctx, this.callWith(ctx, callee, binding, api));
  }

  /** Puts a call where `await` would need parentheses, or in other surroundings. */
  wrap(ctx, call) {
    const r = this.random;
    const optional = call.includes('?.');
    const wrappers = [
      [10, (x) => x],
      [ctx.async ? 3 : 0, (x) => `await ${x}`],
      [ctx.async ? 1 : 0, (x) => `await (${x})`],
      [2, (x) => `${x}.toString()`],
      [1, (x) => `String(${x})`],
      [1, (x) => `JSON.parse(${x})`],
      [1, (x) => `${x} ? 1 : 2`],
      [1, (x) => `!${x}`],
      [1, (x) => `(${x} ** 2)`],
      [1, (x) => `[${x}]`],
      [1, (x) => `({ key: ${x} })`],
      [1, (x) => `\`\${${x}}\``],
      [1, (x) => `${x}?.length`],
      [1, (x) => `${x}[0]`],
      [1, (x) => `${x}()`],
      [1, (x) => `typeof ${x}`],
      [1, (x) => `[...${x}]`],
      [1, (x) => `null ?? ${x}`],
      [1, (x) => `delete ${x}.a`],
      [optional ? 0 : 1, (x) => `(${x}.a = 1)`],
      [1, (x) => `void ${x}`],
      [1, (x) => `(${x}, 1)`],
      [1, (x) => `${x} || null`],
      [optional ? 0 : 1, (x) => `${x}\`tag\``],
      [1, (x) => `new (${x})()`],
      [this.ts ? 1 : 0, (x) => `${x}!.length`],
      [this.ts ? 1 : 0, (x) => `(${x} as unknown)`],
      [this.ts ? 1 : 0, (x) => `(${x} as any).data`],
      [this.ts ? 1 : 0, (x) => `(${x} satisfies unknown)`],
      [ctx.generator ? 1 : 0, (x) => `(yield ${x})`],
    ];
    return r.weighted(wrappers)(call);
  }

  expression(ctx) {
    const r = this.random;
    if (ctx.depth > 5) return r.pick(["'a.txt'", 'p', '1', 'items.length']);
    const kind = r.weighted([
      [10, 'blocking'],
      [2, 'callback'],
      [1, 'literal'],
      [1, 'function-call'],
      [ctx.async ? 1 : 0, 'await'],
      [1, 'arrow'],
      [1, 'template'],
      [1, 'conditional'],
    ]);
    const next = { ...ctx, depth: ctx.depth + 1 };
    switch (kind) {
      case 'callback':
        return this.callbackExpression(ctx);
      case 'literal':
        return r.pick(["'a.txt'", 'p', '1', 'items.length', 'Math.random()', 'null', ctx.async ? 'await promise' : 'promise']);
      case 'function-call':
        return this.functions.length ? `${r.pick(this.functions)}(${this.expression(next)})` : 'p';
      case 'await':
        return `await ${this.expression(next)}`;
      case 'arrow': {
        const async = r.chance(0.5);
        return `(${async ? 'async ' : ''}() => ${this.expressionBody({ ...next, async, generator: false, noReturn: false })})`;
      }
      case 'template':
        return `\`\${${this.expression(next)}}/x\``;
      case 'conditional':
        return `(${this.expression(next)} ? ${this.expression(next)} : ${this.expression(next)})`;
      default:
        return this.wrap(ctx, this.blockingCall(ctx));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Linting and checking a program

/**
 * Which (empty) file of fixtures/typed a program is linted as, with type information: scripts as `script.js`,
 * modules mostly as `file.ts`, some generated ones as `file.mts` (ESM output) or `file.cts` (CommonJS output).
 */
export function typedFilename(program) {
  if (program.sourceType === 'script') return 'script.js';
  if (program.generator !== 'domain') return 'file.ts';
  return new Random(program.seed ^ 0x2545f491).weighted([[6, 'file.ts'], [2, 'file.mts'], [program.language === 'ts' ? 2 : 0, 'file.cts']]);
}

/** The `context` option a generated program is linted with: mostly the default. */
export function contextFor(seed) {
  return new Random(seed ^ 0x68e31da4).weighted([[6, 'async'], [1, 'function'], [1, 'everywhere']]);
}

/**
 * @param {{ plugin: unknown, typedDir?: string }} options `plugin`: eslint-plugin-unblock (the built package, or
 * eslint-plugin/src/index.ts from a test).
 */
export function createFuzzer({ plugin, typedDir = typedProjectDir }) {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const ts = require('typescript');
  const linter = new Linter({ cwd: typedDir });
  const files = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
  const rulesFor = (context) => ({
    'unblock/no-blocking-call': ['error', { categories: allCategoriesOn, context }],
    'unblock/no-indirect-blocking-call': ['error', { categories: allCategoriesOn, context }],
  });
  // Node's globals, as a Node project's config declares them: without `require`, import tracking (untyped) has no
  // CommonJS to follow.
  const globals = { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', Buffer: 'readonly', console: 'readonly' };
  const languageOptions = (mode, sourceType) => {
    if (mode === 'espree') return { ecmaVersion: 'latest', sourceType, globals };
    const parserOptions =
      mode === 'typed' ? { project: './tsconfig.json', tsconfigRootDir: typedDir, disallowAutomaticSingleRunInference: true } : {};
    return { ecmaVersion: 'latest', sourceType, globals, parser: tsParser, parserOptions };
  };
  const defaultFilename = (mode, program) =>
    mode === 'typed'
      ? path.join(typedDir, typedFilename(program))
      : path.join(typedDir, program.language === 'ts' ? 'untyped-virtual.ts' : 'untyped-virtual.js');

  /** Does `code` parse with the parser of `mode` (the typed parser re-parses without a project)? */
  function parses(code, mode, sourceType, filename) {
    const reparseMode = mode === 'typed' ? 'ts' : mode;
    const config = { files, languageOptions: languageOptions(reparseMode, sourceType) };
    const fatal = linter.verify(code, config, { filename }).find((message) => message.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : undefined;
  }

  /**
   * A stricter check than the parser of the mode: the program, its TypeScript erased, parses with espree (as a
   * module for TypeScript, which may use `import`). typescript-estree accepts `await` outside async functions and
   * class fields; espree does not.
   */
  function strictParseError(code, program) {
    let js = code;
    let sourceType = program.sourceType;
    if (program.language === 'ts') {
      const out = ts.transpileModule(code, {
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve, verbatimModuleSyntax: false },
      });
      if (out.diagnostics?.length) return `TypeScript: ${ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, '\n')}`;
      js = out.outputText;
      sourceType = 'module';
    }
    const fatal = linter
      .verify(js, { files, languageOptions: languageOptions('espree', sourceType) }, { filename: path.join(typedDir, 'strict.js') })
      .find((message) => message.fatal);
    return fatal ? `espree ${fatal.line}:${fatal.column} ${fatal.message}` : undefined;
  }

  /**
   * How many TypeScript-only nodes (type arguments, annotations, `as`) typescript-estree finds in `code` read as
   * TypeScript. A suggestion must not add any to a JavaScript file: espree (and TypeScript's own JavaScript mode)
   * read `f<typeof import('x')>(y)` as two comparisons, so the result parses, but means something else.
   */
  function typescriptNodes(code) {
    let count = 0;
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node.type !== 'string') return;
      if (node.type.startsWith('TS')) count++;
      for (const [key, value] of Object.entries(node)) if (key !== 'parent' && value && typeof value === 'object') visit(value);
    };
    try {
      visit(tsParser.parse(code, { filePath: 'probe.ts', range: false, loc: false, comment: false, tokens: false }));
    } catch {
      return -1;
    }
    return count;
  }

  /** typescript-estree's tree of `code` (as the file `filename` would be read), or its parse error. */
  function estree(code, filename, sourceType) {
    try {
      return { ast: tsParser.parse(code, { filePath: filename, sourceType, range: false, loc: false, comment: false, tokens: false }) };
    } catch (error) {
      return { error: `${error.lineNumber ?? '?'}:${error.column ?? '?'} Parsing error: ${error.message}` };
    }
  }

  /**
   * How many statements there are inside functions and blocks (not at the top level, where suggestions add
   * imports). A suggestion rewrites one expression, so this must not change: when it does, the rewrite joined two
   * statements, as `(await x).y` does at the start of a line after one without a semicolon (`a = 1\n(await …)`).
   */
  function nestedStatements(ast) {
    let count = 0;
    const visit = (node, topLevel) => {
      if (Array.isArray(node)) return node.forEach((child) => visit(child, topLevel));
      if (!node || typeof node.type !== 'string') return;
      if (!topLevel && /Statement$|Declaration$/.test(node.type)) count++;
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'parent' && value && typeof value === 'object') visit(value, node.type === 'Program' && key === 'body');
      }
    };
    visit(ast, false);
    return count;
  }

  /**
   * Lints `program` in `mode` ('espree' | 'ts' | 'typed'), applies every suggestion and re-parses the result.
   * @returns {{ mode, filename, parsed: boolean, findings: number, suggestions: number, failures: object[] }}
   */
  function check(program, mode, { filename = defaultFilename(mode, program), context = 'async' } = {}) {
    const config = [{ files, languageOptions: languageOptions(mode, program.sourceType), plugins: { unblock: plugin }, rules: rulesFor(context) }];
    const result = { mode, filename, parsed: true, findings: 0, suggestions: 0, failures: [] };
    const about = { mode, filename, context, code: program.code, seed: program.seed, ...(program.name && { source: program.name }) };
    let messages;
    try {
      messages = linter.verify(program.code, config, { filename });
    } catch (error) {
      result.failures.push({ kind: 'crash', ...about, error: error?.stack ?? String(error) });
      return result;
    }
    if (messages.some((message) => message.fatal)) {
      result.parsed = false;
      return result;
    }
    // TypeScript syntax is fine in a virtual .ts/.mts/.cts file, even when the program was written as JavaScript.
    const strictAs = { sourceType: program.sourceType, language: /\.[cm]?tsx?$/.test(filename) ? 'ts' : program.language };
    let strictBefore; // computed once, when there is a suggestion to compare with
    const javascriptFile = /\.[cm]?jsx?$/.test(filename);
    let typescriptBefore;
    let statementsBefore;
    /** Why the program after a suggestion is broken, or undefined. */
    const verifySuggestion = (output) => {
      // 1. It parses with the parser of the mode (typescript-estree for typed and untyped-ts modes).
      const after = mode === 'espree' ? undefined : estree(output, filename, program.sourceType);
      const parseError = mode === 'espree' ? parses(output, mode, program.sourceType, filename) : after.error;
      if (parseError) return parseError;
      // 2. Erased of types, it parses with espree, which knows where `await` may go.
      if (strictHolds()) {
        const strictError = strictParseError(output, strictAs);
        if (strictError) return strictError;
      }
      // 3. A JavaScript file gets no TypeScript syntax.
      typescriptBefore ??= javascriptFile ? typescriptNodes(program.code) : -1;
      if (typescriptBefore >= 0 && typescriptNodes(output) > typescriptBefore) {
        return 'TypeScript syntax added to a JavaScript file (espree reads `f<T>(x)` as comparisons)';
      }
      // 4. No statements joined or split.
      const before = (statementsBefore ??= estree(program.code, filename, program.sourceType)).ast;
      const afterAst = after?.ast ?? estree(output, filename, program.sourceType).ast;
      if (before && afterAst && nestedStatements(before) !== nestedStatements(afterAst)) {
        return `${nestedStatements(before)} statements inside functions before, ${nestedStatements(afterAst)} after: the rewrite joined or split statements (ASI)`;
      }
      return undefined;
    };
    const strictHolds = () => (strictBefore ??= { error: strictParseError(program.code, strictAs) }).error === undefined;
    for (const message of messages) {
      if (!message.ruleId?.startsWith('unblock/')) continue;
      result.findings++;
      for (const suggestion of message.suggestions ?? []) {
        result.suggestions++;
        const { range, text } = suggestion.fix;
        const output = program.code.slice(0, range[0]) + text + program.code.slice(range[1]);
        const error = verifySuggestion(output);
        if (error) {
          result.failures.push({
            kind: 'bad-suggestion',
            ...about,
            error,
            rule: message.ruleId,
            message: message.message,
            suggestion: suggestion.desc,
            output,
          });
        }
      }
    }
    return result;
  }

  return { check, parses, strictParseError };
}

/** One line per failure, for test assertions and the CLI. */
export function describeFailure(failure) {
  const where = `${failure.kind} [${failure.mode} ${path.basename(failure.filename)} context=${failure.context}]`;
  if (failure.kind === 'crash') return `${where}\n--- program ---\n${failure.code}\n--- stack ---\n${failure.error}`;
  return `${where} ${failure.rule}: "${failure.suggestion}" → ${failure.error}\n--- program ---\n${failure.code}\n--- after the suggestion ---\n${failure.output}`;
}

/**
 * A report of many failures: grouped by kind of bug (with a count and where each occurred, `failure.source` or
 * the program's first line), then one full example (program, stack or suggested output) per kind.
 */
export function summarizeFailures(failures, { examples = 3 } = {}) {
  const groups = new Map();
  for (const failure of failures) {
    const signature = failureSignature(failure);
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature).push(failure);
  }
  const lines = [`${failures.length} failure(s) of ${groups.size} kind(s):`];
  for (const [signature, group] of groups) {
    const where = group.map((failure) => failure.source ?? `seed ${failure.seed ?? '?'}`);
    lines.push(`  ${group.length}× ${signature}`, `     in ${where.slice(0, 20).join(', ')}${where.length > 20 ? ', …' : ''}`);
  }
  for (const group of [...groups.values()].slice(0, examples)) {
    const [first] = group;
    lines.push('', '=====', `${first.source ?? `seed ${first.seed ?? '?'}`}: ${describeFailure(first)}`);
  }
  return lines.join('\n');
}

/** What makes two failures "the same bug", to keep a minimized program failing the same way. */
export function failureSignature(failure) {
  if (failure.kind === 'crash') {
    const frame = /\n\s+at .*?([\w-]+\.[cm]?[jt]s):(\d+)/.exec(failure.error);
    return `crash:${failure.error.split('\n')[0].slice(0, 120)}:${frame?.[1] ?? ''}`;
  }
  const error = failure.error
    .replace(/^(espree )?[\d?]+:[\d?]+ /, '$1')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`|\b(?<=Unexpected token )\S+/g, '…')
    .replace(/\d+/g, 'N');
  return `bad-suggestion:${failure.rule}:${failure.suggestion.replace(/`[^`]*`/g, '`…`')}: ${error}`;
}

/**
 * Line-based delta debugging: drops chunks of lines, and brace-balanced runs of lines (a whole function, class or
 * block), while the program still parses and fails with the same signature. Generated programs put one statement
 * per line, so this gets close to a minimal program.
 */
export function minimize(fuzzer, program, mode, failure, options = {}) {
  const signature = failureSignature(failure);
  const stillFails = (code) => {
    const candidate = { ...program, code };
    if (fuzzer.parses(code, mode, program.sourceType, options.filename ?? path.join(typedProjectDir, 'probe.ts'))) return false;
    return fuzzer.check(candidate, mode, options).failures.some((found) => failureSignature(found) === signature);
  };
  let lines = program.code.split('\n');
  const depthChange = (line) => (line.match(/[{([]/g)?.length ?? 0) - (line.match(/[})\]]/g)?.length ?? 0);
  for (let changed = true; changed; ) {
    changed = false;
    // Balanced runs: from a line that opens a block to the line that closes it, outermost first.
    for (let start = 0; start < lines.length; start++) {
      let depth = 0;
      for (let end = start; end < lines.length; end++) {
        depth += depthChange(lines[end]);
        if (depth < 0) break;
        if (depth === 0 && end > start) {
          const candidate = [...lines.slice(0, start), ...lines.slice(end + 1)];
          if (stillFails(candidate.join('\n'))) {
            lines = candidate;
            changed = true;
            start--;
          }
          break;
        }
      }
    }
    for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
      for (let start = 0; start < lines.length; ) {
        const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
        if (candidate.length < lines.length && stillFails(candidate.join('\n'))) {
          lines = candidate;
          changed = true;
        } else start += chunk;
      }
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const options = { maxPerKind: 5, iterations: 1000, start: 0, seed: Date.now() >>> 0, generator: 'both', typed: true, out: path.join(root, 'artifacts/fuzz-failures'), minimize: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--iterations') options.iterations = Number(value());
    else if (flag === '--seed') options.seed = Number(value()) >>> 0;
    else if (flag === '--start') options.start = Number(value());
    else if (flag === '--generator') options.generator = value();
    else if (flag === '--no-typed') options.typed = false;
    else if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--minimize') options.minimize = true;
    else if (flag === '--max-per-kind') options.maxPerKind = Number(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(
      'usage: node scripts/fuzz.mjs [--iterations N] [--seed N] [--start I] [--generator domain|eslump|both] [--no-typed] [--out dir] [--minimize] [--max-per-kind 5]',
    );
    return 0;
  }
  const plugin = require('eslint-plugin-unblock');
  const fuzzer = createFuzzer({ plugin });
  const totals = { programs: 0, unparseable: 0, findings: 0, suggestions: 0, failures: 0 };
  const seen = new Map();
  const started = Date.now();
  console.log(`fuzzing ${options.iterations} iterations from seed ${options.seed} (generator: ${options.generator})`);
  for (let i = options.start; i < options.start + options.iterations; i++) {
    const seed = deriveSeed(options.seed, i);
    const programs = [];
    if (options.generator !== 'eslump') programs.push(domainProgram(seed));
    if (options.generator !== 'domain') {
      const eslump = eslumpProgram(seed);
      const spiked = spikedProgram(fuzzer, eslump);
      programs.push(eslump, ...(spiked ? [spiked] : []));
    }
    for (const program of programs) {
      const context = contextFor(seed);
      const modes = program.language === 'ts' ? ['ts'] : ['espree', 'ts'];
      if (options.typed && program.generator !== 'eslump') modes.push('typed');
      totals.programs++;
      for (const mode of modes) {
        const result = fuzzer.check(program, mode, { context });
        if (!result.parsed) totals.unparseable++;
        totals.findings += result.findings;
        totals.suggestions += result.suggestions;
        for (const failure of result.failures) {
          totals.failures++;
          const signature = failureSignature(failure);
          const fresh = !seen.has(signature);
          seen.set(signature, (seen.get(signature) ?? 0) + 1);
          if (seen.get(signature) > options.maxPerKind) continue;
          const minimal = options.minimize && fresh ? minimize(fuzzer, program, mode, failure, { context, filename: result.filename }) : undefined;
          mkdirSync(options.out, { recursive: true });
          const base = path.join(options.out, `${program.generator}-seed${options.seed}-i${i}-${mode}-${result.failures.indexOf(failure) + 1}`);
          const extension = program.language === 'ts' ? '.ts' : '.js';
          writeFileSync(base + extension, program.code);
          const report = [
            `base seed ${options.seed}, iteration ${i}, program seed ${seed} (${program.generator}, ${program.sourceType})`,
            `reproduce: node scripts/fuzz.mjs --seed ${options.seed} --start ${i} --iterations 1 --generator ${program.generator.startsWith('eslump') ? 'eslump' : 'domain'}`,
            describeFailure(failure),
            ...(minimal ? ['--- minimized ---', minimal] : []),
          ].join('\n');
          writeFileSync(`${base}.txt`, report + '\n');
          console.log(`${fresh ? 'NEW ' : ''}${signature}\n  → ${path.relative(process.cwd(), base)}${extension}`);
        }
      }
    }
    if ((i + 1 - options.start) % 100 === 0) {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`${i + 1 - options.start}/${options.iterations} iterations, ${seconds}s: ${JSON.stringify(totals)}`);
    }
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s: ${JSON.stringify(totals)}; ${seen.size} kind(s) of failure`);
  for (const [signature, count] of seen) console.log(`  ${count}× ${signature}`);
  return totals.failures > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main();
}
