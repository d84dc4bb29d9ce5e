/**
 * The untyped engine's cheap syntax filter: a file whose text names none of the modules (as a string: `'fs'`,
 * `"node:fs"`, `` `fs` ``) and none of the globals that the trace maps start from cannot hold a tracked call, so its
 * scope analysis and tracking are skipped. Most files of a codebase import no blocking API.
 */
import type { TraceMap } from '@eslint-community/eslint-utils';

const patterns = new WeakMap<object, RegExp>();

/** Does `text` name a module of `modules` or a global of `globals`? */
export function mentionsAny(text: string, modules: TraceMap<unknown>, globals: TraceMap<unknown>): boolean {
  return patternOf(modules, 'module').test(text) || patternOf(globals, 'global').test(text);
}

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
