// The domain generator's calls and expressions: blocking calls in every call shape and surrounding (awaited,
// wrapped, passed to callbacks that run now or later), with arguments drawn from the program's bindings. The
// program structure around them is domain.mjs's, which extends this class.
import { apis } from './domain-data.mjs';

export class DomainExpressions {
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
