/**
 * The untyped engine's cheap syntax filters: a file whose text names none of the modules (as a string: `'fs'`,
 * `"node:fs"`, `` `fs` ``) and none of the globals that the trace maps start from cannot hold a tracked call, and
 * (context `async`) a file without the keyword `async` has no async function for a call to block; either way its scope
 * analysis and tracking are skipped. Most files of a codebase import no blocking API, and many have no async code.
 */
import type { TraceMap } from '@eslint-community/eslint-utils';

const patterns = new WeakMap<object, RegExp>();

/** Does `text` name a module of `modules` or a global of `globals`? */
export function mentionsAny(text: string, modules: TraceMap<unknown>, globals: TraceMap<unknown>): boolean {
  return patternOf(modules, 'module').test(text) || patternOf(globals, 'global').test(text);
}

/**
 * Does `text` hold the word `async`? Every async function (`async function`, `async () =>`, `async m() {}`) is
 * written with it, never with escapes (an escaped `async` is no keyword). A comment or string may say it too: then
 * the file is analysed, as before.
 */
export function mentionsAsync(text: string): boolean {
  return asyncWord.test(text);
}

const asyncWord = /(?<![\w$])async(?![\w$])/;

function patternOf(map: TraceMap<unknown>, kind: 'module' | 'global'): RegExp {
  let pattern = patterns.get(map);
  if (!pattern) {
    const names = Object.keys(map).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const alternatives = names.length === 0 ? '(?!)' : names.join('|');
    pattern = kind === 'module' ? new RegExp(`(['"\`])(?:${alternatives})\\1`) : new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`);
    patterns.set(map, pattern);
  }
  return pattern;
}
