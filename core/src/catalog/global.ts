/**
 * Built-in globals (module 'global'): declarations in TypeScript's lib files, in global script
 * declarations and in `declare global {}` blocks of `@types/node`.
 *
 * - `Atomics.wait` is `wait()` on `interface Atomics` (lib.es2017.sharedmemory.d.ts).
 * - `require` is `var require: NodeJS.Require` inside `declare module "module" { global { … } }`; a
 *   call through the variable is matched by the variable's own symbol ('require'). Functions made by
 *   `createRequire()` are not matched (their only origin is the `NodeJS.Require` call signature).
 * - `console` methods sit on `interface Console` inside `declare module "node:console" { global { … } }`
 *   (lib.dom.d.ts declares the same interface when the DOM lib is loaded; both are 'global').
 */
import { definePackage, type BlockingApiData } from './types.js';

const MDN_WAIT = 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Atomics/wait';
const MODULES = 'https://nodejs.org/api/modules.html';
const CONSOLE = 'https://nodejs.org/api/console.html';
const CONSOLE_ADVICE =
  'console output is synchronous for files and pipes; use an async logger (pino, a stream) in hot async paths';
const REQUIRE_ADVICE = 'require() reads and evaluates the module synchronously; hoist it to the top level or use await import()';

const consoleMethod = (name: string, anchor: string): BlockingApiData => ({
  path: `Console#${name}`,
  untyped: `console.${name}`,
  category: 'console',
  advice: CONSOLE_ADVICE,
  docs: `${CONSOLE}#${anchor}`,
});

export const globals = definePackage({
  module: 'global',
  docs: 'https://nodejs.org/api/globals.html',
  verifiedWith: '@types/node@20.19.43, typescript@6.0.3',
  entries: [
    {
      path: 'Atomics#wait',
      untyped: 'Atomics.wait',
      category: 'sync-bridge',
      docs: MDN_WAIT,
      // `Atomics.waitAsync()` returns `{ async, value }`, not a promise, so it is advice rather than a twin.
      advice: 'use Atomics.waitAsync() and await its `value`',
    },
    // Matched by the variable's own symbol. Its call signature (`interface NodeJS.Require`) is not listed: the
    // resolver looks at a typed value's signatures first, so listing it would report every function of that type.
    { path: 'require', category: 'module-loading', advice: REQUIRE_ADVICE, docs: `${MODULES}#requireid` },
    consoleMethod('log', 'consolelogdata-args'),
    consoleMethod('info', 'consoleinfodata-args'),
    consoleMethod('warn', 'consolewarndata-args'),
    consoleMethod('error', 'consoleerrordata-args'),
    consoleMethod('debug', 'consoledebugdata-args'),
    consoleMethod('trace', 'consoletracemessage-args'),
    consoleMethod('dir', 'consoledirobj-options'),
    consoleMethod('dirxml', 'consoledirxmldata'),
    consoleMethod('table', 'consoletabletabulardata-properties'),
    consoleMethod('timeLog', 'consoletimeloglabel-data'),
    consoleMethod('timeEnd', 'consoletimeendlabel'),
  ],
});
