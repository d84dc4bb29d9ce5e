/**
 * The catalog against `@types/node@24`: every built-in declaration that looks blocking (a function, method or
 * class with a `*Sync` name, or any callable of a module that is synchronous throughout) is a catalog entry or is
 * left out with a reason by its catalog module (`leftOut`). A newer `@types/node` that declares another one
 * fails here until someone judges it. And every built-in entry and left-out path is still declared.
 */
import { describe, expect, it } from 'vitest';
import { findBlockingApi, packages, reviewedBuiltins } from 'unblock-core';
import { nodeDeclarations, nodeTypesVersion, type NodeDeclaration } from './node-declarations.js';

/** "All APIs exposed by this class execute synchronously" (nodejs.org/api/sqlite.html). */
const synchronousModules = new Set(['node:sqlite']);

const syncNamed = (declaration: NodeDeclaration) => declaration.path.split(/[.#]/).some((part) => part.endsWith('Sync'));
const looksBlocking = (declaration: NodeDeclaration) =>
  (syncNamed(declaration) && declaration.kind !== 'other') ||
  (synchronousModules.has(declaration.module) && declaration.kind !== 'other' && declaration.kind !== 'variable');

const builtins = [...packages, ...reviewedBuiltins].filter((pkg) => pkg.module.startsWith('node:'));
const leftOut = new Set(builtins.flatMap((pkg) => (pkg.leftOut ?? []).map((entry) => `${pkg.module}.${entry.path}`)));

describe(`the catalog against @types/node@${nodeTypesVersion}`, () => {
  const declarations = nodeDeclarations();

  it('lists or leaves out, with a reason, every declaration that looks blocking', () => {
    const unjudged = [...declarations.values()]
      .filter(looksBlocking)
      .map((declaration) => `${declaration.module}.${declaration.path}`)
      .filter((id) => !leftOut.has(id) && !findBlockingApi(id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)));
    expect(unjudged).toEqual([]);
  });

  it('declares every built-in entry and every left-out path', () => {
    const ids = builtins.flatMap((pkg) => [...pkg.entries, ...(pkg.leftOut ?? [])].map((entry) => `${pkg.module}.${entry.path}`));
    expect(ids.filter((id) => !declarations.has(id))).toEqual([]);
  });

  it('gives each left-out declaration a reason, and lists none of them as an entry too', () => {
    for (const pkg of builtins) {
      for (const entry of pkg.leftOut ?? []) {
        expect(entry.reason, `${pkg.module}.${entry.path}`).toMatch(/\w{3,}/);
        expect(findBlockingApi(pkg.module, entry.path), `${pkg.module}.${entry.path}`).toBeUndefined();
      }
    }
  });
});
