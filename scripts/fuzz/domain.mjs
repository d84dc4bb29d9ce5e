// The domain generator: async code with blocking calls, in every import style, valid by construction. This module
// writes a program's structure (imports, functions, classes, statements); its calls and expressions are
// domain-expressions.mjs's.
import { Random } from '../lib/random.mjs';
import { apis, projectImports } from './domain-data.mjs';
import { DomainExpressions } from './domain-expressions.mjs';

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

class DomainGenerator extends DomainExpressions {
  constructor(random, flavor) {
    super();
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

}
