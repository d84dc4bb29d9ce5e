/**
 * The catalog's built-in entries against the Node that runs this test (`.ci/run` runs it on Node 20, 22 and 24):
 * each API is there exactly when the `@since` of its `@types/node@24` declaration says it is, so an entry for an
 * API that no Node has, or a typing that claims a Node has what it lacks, shows up here.
 */
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingApis, type BlockingApi } from 'unblock-core';
import { availableIn, nodeDeclarations } from './node-declarations.js';

const major = Number(process.versions.node.split('.')[0]);

/** Typings without a `@since` of their own: the declaration whose `@since` stands for them. */
const sinceFrom: Record<string, string> = {
  'node:fs.DisposableTempDir#remove': 'node:fs.mkdtempDisposableSync',
};

/** Where the typings' `@since` does not tell: [present here?, why]. */
const overrides: Record<string, [present: boolean, reason: string]> = {
  'node:fs.lchmodSync': [process.platform === 'darwin', 'implemented only on macOS'],
};

/** `node:sqlite` as far as reaching its objects goes (@types/node@20, which types this file, lacks the module). */
type Sqlite = { DatabaseSync?: new (path: string) => { createTagStore?(): unknown; createSession?(): unknown } } | undefined;
const openMemory = (sqlite: unknown) => {
  const Database = (sqlite as Sqlite)?.DatabaseSync;
  return Database && new Database(':memory:');
};
/** Interfaces in the typings whose classes Node does not export: reached through the objects that make them. */
const instances: Record<string, (module: unknown) => unknown> = {
  'node:fs.DisposableTempDir': (fs) => {
    const dir = (fs as { mkdtempDisposableSync?: (prefix: string) => { remove(): void } }).mkdtempDisposableSync?.(path.join(tmpdir(), 'unblock-'));
    dir?.remove();
    return dir;
  },
  'node:sqlite.SQLTagStore': (sqlite) => openMemory(sqlite)?.createTagStore?.(),
  'node:sqlite.Session': (sqlite) => openMemory(sqlite)?.createSession?.(),
};

/** The API at the entry's path in the loaded module: 'realpathSync.native', 'Dir#readSync', 'StatementSync#all'. */
function lookUp(api: BlockingApi): unknown {
  const module: unknown = process.getBuiltinModule(api.module);
  const [owner = '', member] = api.path.split('#');
  const value = owner.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], module);
  if (member === undefined) return value;
  const prototype = (value as { prototype?: unknown } | undefined)?.prototype ?? instances[`${api.module}.${owner}`]?.(module);
  return (prototype as Record<string, unknown> | undefined)?.[member];
}

describe(`the catalog's built-in entries on Node ${process.versions.node}`, () => {
  const declarations = nodeDeclarations();
  const builtins = blockingApis.filter((api) => api.module.startsWith('node:'));

  it('are there exactly when @types/node@24 says this Node has them', () => {
    const wrong = builtins.flatMap((api) => {
      const since = declarations.get(sinceFrom[api.id] ?? api.id)?.since ?? [];
      const [expected, why] = overrides[api.id] ?? [availableIn(since, process.versions.node), `@since ${since.join(', ') || '(none)'}`];
      const present = typeof lookUp(api) === 'function';
      return present === expected ? [] : [`${api.id}: ${present ? 'present' : 'missing'} (${why})`];
    });
    expect(wrong.join('\n')).toBe('');
  });

  it('include APIs added after Node 20 that this Node has, or none on Node 20', () => {
    const newer = builtins.filter((api) => !availableIn(declarations.get(sinceFrom[api.id] ?? api.id)?.since ?? [], '20.19.0') && !overrides[api.id]);
    expect(newer.length).toBeGreaterThan(0);
    const here = newer.filter((api) => typeof lookUp(api) === 'function');
    expect(here.length > 0).toBe(major >= 22);
  });
});
