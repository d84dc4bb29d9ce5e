/**
 * Matching by origin names (a module and a path), without TypeScript: module specifiers as origins spell them, the
 * `allow` / `deny` specifiers, and the API entry of something the user says blocks. Shared by the typed detector and
 * the plugin's untyped engine, which must not load `typescript`.
 */
import { builtinModules } from 'node:module';
import type { BlockingApi } from '../catalog/types.js';
import type { TypeOrValueSpecifier } from '../specifier.js';

/** Where something comes from, by name. */
export interface OriginName {
  /** 'node:fs', 'bcryptjs', 'global' for built-ins, or `file:<absolute path>` for the project's own code. */
  readonly module: string;
  /** 'readFileSync', 'realpathSync.native', 'Dir#readSync', 'DatabaseSync'. */
  readonly path: string;
}

const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * A module specifier as origins spell it: 'fs' and 'node:fs' name the same module, and builtins always carry the
 * `node:` prefix. (The catalog also maps its packages' aliases: `catalogModule`.)
 */
export function nodePrefixed(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  return builtins.has(bare) || specifier.startsWith('node:') ? `node:${bare}` : specifier;
}

/** A TypeOrValueSpecifier (`allow`, `deny`), matched against where a declaration comes from (its module and path). */
export function specifierMatches(specifier: TypeOrValueSpecifier, origin: OriginName): boolean {
  const names = typeof specifier === 'string' ? [specifier] : [specifier.name].flat();
  const lastSegment = origin.path.split(/[.#]/).pop();
  const dotted = origin.path.replace(/#/g, '.');
  if (!names.some((name) => name === origin.path || name === dotted || name === lastSegment)) return false;
  if (typeof specifier === 'string') return true;
  switch (specifier.from) {
    case 'package':
      return nodePrefixed(specifier.package) === origin.module;
    case 'lib':
      return origin.module === 'global';
    case 'file': {
      if (!origin.module.startsWith('file:')) return false;
      if (!specifier.path) return true;
      const file = origin.module.slice('file:'.length).replace(/\\/g, '/');
      return file.endsWith(specifier.path.replace(/^\.\//, '').replace(/\\/g, '/'));
    }
  }
}

/** The advice of an API reported because the `deny` option lists it. */
export const deniedAdvice = 'it is listed as blocking in the `deny` option';

/** An API of the project or of a package, reported because the user says it blocks (`@blocking`, `deny`). */
export function userApi(origin: OriginName, advice: string): BlockingApi {
  const file = origin.module.startsWith('file:') ? origin.module.slice('file:'.length) : undefined;
  const module = file ? 'project' : origin.module;
  return {
    module,
    path: origin.path,
    id: `${module}.${origin.path}`,
    category: 'user',
    docs: '',
    advice,
    ...(file && { file }),
  };
}
