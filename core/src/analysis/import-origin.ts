/**
 * Where a value comes from by syntax alone — `import`, `require()`, `await import()`, variables initialized from
 * them and destructuring (followed as import tracking follows them: `var fs = require('fs')` too), what an API that
 * returns its argument was given (`promisifyAll(require('fs'))`) — for the values the type checker gives no
 * declaration for: a package without types,
 * `const fs = require('fs')` in a `.ts` file (typed `any`), a file outside every tsconfig. The typed path's
 * fallback: the same import tracking the rules do without type information, on the TypeScript tree.
 */
import ts from 'typescript';
import { findUntypedApi, passThroughApis } from '../catalog/index.js';
import type { Origin } from './origin.js';
import { nodePrefixed } from './match.js';
import { skipOuter } from './resolve.js';

/** A module as written and the property path read from it: `require('fs').realpathSync.native` → fs, [realpathSync, native]. */
interface ImportPath {
  readonly specifier: string;
  readonly path: readonly string[];
  /** The import or variable declaration the value was reached through (what `@nonblocking` / fixes look at). */
  readonly declaration: ts.Declaration;
}

/**
 * The origin of `expression` by import tracking: the catalog's (module, path) when the catalog knows the API, else
 * the module as imported and the property path (so `allow` / `deny` entries match it). Undefined when the value
 * does not come from an import. `further`: a path read further from the value (`existsSync` of a module passed as `fs`).
 */
export function importOrigin(expression: ts.Expression, checker: ts.TypeChecker, further: readonly string[] = []): Origin | undefined {
  const found = importPath(expression, checker, 0);
  if (!found || found.path.length + further.length === 0) return undefined;
  const dotted = [...found.path, ...further].join('.');
  const api = findUntypedApi(found.specifier, dotted);
  if (api) return { module: api.module, path: api.path, declaration: found.declaration };
  return { module: nodePrefixed(found.specifier), path: dotted, declaration: found.declaration };
}

/** Whether the name of `expression`'s binding or member may reach an API by import tracking: a cheap test. */
export function mayComeFromImport(identifier: ts.Identifier, checker: ts.TypeChecker): boolean {
  return importPath(identifier, checker, 0) !== undefined;
}

/** The module `expression` is read from and the property path read from it (`require('./utils').load` → ./utils, [load]). */
export function importedValue(expression: ts.Expression, checker: ts.TypeChecker): ImportPath | undefined {
  return importPath(expression, checker, 0);
}

function importPath(expression: ts.Expression, checker: ts.TypeChecker, depth: number): ImportPath | undefined {
  if (depth > 16) return undefined; // `const a = b, b = a`: aliases of aliases end somewhere
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) return bindingPath(node, checker, depth);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return member(importPath(node.expression, checker, depth + 1), node.name.text);
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return member(importPath(node.expression, checker, depth + 1), node.argumentExpression.text);
  }
  if (ts.isAwaitExpression(node)) {
    const inner = skipOuter(node.expression);
    const specifier = ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.ImportKeyword ? stringArgument(inner) : undefined;
    return specifier === undefined ? undefined : { specifier, path: [], declaration: declarationAround(node) };
  }
  if (ts.isCallExpression(node) && isGlobalRequire(node.expression, checker)) {
    const specifier = stringArgument(node);
    return specifier === undefined ? undefined : { specifier, path: [], declaration: declarationAround(node) };
  }
  if (ts.isCallExpression(node)) return passedThrough(node, checker, depth);
  return undefined;
}

const passThroughNames = new Set(passThroughApis.map((api) => api.path.split('.').pop()!));

/** `promisifyAll(require('fs'))`: what an API that returns its argument was given (the name first, then the callee's module). */
function passedThrough(call: ts.CallExpression, checker: ts.TypeChecker, depth: number): ImportPath | undefined {
  const callee = skipOuter(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined || !passThroughNames.has(name)) return undefined;
  const api = importPath(callee, checker, depth + 1);
  const dotted = api?.path.join('.');
  const argument = api && passThroughApis.find((candidate) => candidate.module === api.specifier && candidate.path === dotted)?.argument;
  const value = argument === undefined ? undefined : call.arguments[argument];
  return value && importPath(value, checker, depth + 1);
}

/** What an identifier is bound to: an import, or a variable initialized from one. */
function bindingPath(identifier: ts.Identifier, checker: ts.TypeChecker, depth: number): ImportPath | undefined {
  const declaration = checker.getSymbolAtLocation(identifier)?.declarations?.[0];
  if (!declaration) return undefined;
  if (ts.isImportSpecifier(declaration)) {
    const imported = (declaration.propertyName ?? declaration.name).text;
    const specifier = moduleOf(declaration.parent.parent.parent);
    return specifier === undefined ? undefined : { specifier, path: imported === 'default' ? [] : [imported], declaration };
  }
  // `import fs from 'fs'`: a CommonJS module's default export is the module object.
  if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) {
    const specifier = moduleOf(ts.isImportClause(declaration) ? declaration.parent : declaration.parent.parent);
    return specifier === undefined ? undefined : { specifier, path: [], declaration };
  }
  if (ts.isImportEqualsDeclaration(declaration)) {
    const reference = declaration.moduleReference;
    if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteralLike(reference.expression)) return undefined;
    return { specifier: reference.expression.text, path: [], declaration };
  }
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer) {
    const found = importPath(declaration.initializer, checker, depth + 1);
    return found && { ...found, declaration };
  }
  if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && !declaration.dotDotDotToken) {
    const holder = declaration.parent.parent;
    const property = declaration.propertyName ?? declaration.name;
    if (!ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    if (!ts.isIdentifier(property) && !ts.isStringLiteral(property)) return undefined;
    return member(importPath(holder.initializer, checker, depth + 1), property.text, declaration);
  }
  return undefined;
}

function member(found: ImportPath | undefined, name: string, declaration?: ts.Declaration): ImportPath | undefined {
  return found && { specifier: found.specifier, path: [...found.path, name], declaration: declaration ?? found.declaration };
}

/** `require` that no file of the project declares: Node's own (`@types/node` declares it in a `.d.ts`), or none. */
function isGlobalRequire(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  const node = skipOuter(callee);
  if (!ts.isIdentifier(node) || node.text !== 'require') return false;
  const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
  return declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

function moduleOf(declaration: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
  return ts.isStringLiteralLike(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : undefined;
}

function stringArgument(call: ts.CallExpression): string | undefined {
  const [first] = call.arguments;
  return call.arguments.length >= 1 && first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

/** The declaration a `require()` / `import()` value is held by, else the call itself stands for it. */
function declarationAround(node: ts.Node): ts.Declaration {
  return (ts.isVariableDeclaration(node.parent) ? node.parent : node) as ts.Declaration;
}
