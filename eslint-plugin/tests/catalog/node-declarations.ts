/**
 * The declarations of `@types/node@24` (installed as `@types/node-24` by the fixtures workspace), read from its
 * `.d.ts` files without a type checker: each one keyed by the catalog's (module, path), with its kind and the
 * Node versions its `@since` tag names. The catalog tests check the catalog against them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface NodeDeclaration {
  /** 'node:fs', 'node:sqlite' (builtins always carry `node:`, as in the catalog). */
  readonly module: string;
  /** The catalog path: 'readFileSync', 'realpathSync.native', 'Dir#readSync', 'DatabaseSync'. */
  readonly path: string;
  readonly kind: 'function' | 'variable' | 'class' | 'method' | 'other';
  /** `@since v23.8.0, v22.15.0` → ['23.8.0', '22.15.0'] (the member's own tag, else its class's or namespace's). */
  readonly since: readonly string[];
}

const require = createRequire(path.resolve(__dirname, '../../../fixtures/package.json'));
/** The folder of `@types/node@24` as the fixtures workspace installs it. */
export const nodeTypesDir = path.dirname(require.resolve('@types/node-24/package.json'));
export const nodeTypesVersion = (require('@types/node-24/package.json') as { version: string }).version;

/**
 * Every declaration, by `${module}.${path}`; `declare module "fs"` and `"node:fs"` land on the same keys.
 * `dir`: another `@types/node` (the root's @types/node@20).
 */
export function nodeDeclarations(dir = nodeTypesDir): Map<string, NodeDeclaration> {
  const found = new Map<string, NodeDeclaration>();
  for (const file of declarationFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name) && statement.body && ts.isModuleBlock(statement.body)) {
        const name = statement.name.text;
        const module = name.startsWith('node:') ? name : `node:${name}`;
        const exportEquals = statement.body.statements.find(ts.isExportAssignment);
        const dropped = exportEquals?.isExportEquals && ts.isIdentifier(exportEquals.expression) ? `${exportEquals.expression.text}.` : '';
        const add = (declaration: Omit<NodeDeclaration, 'module'>) => {
          const key = declaration.path.startsWith(dropped) && dropped ? declaration.path.slice(dropped.length) : declaration.path;
          if (key && !found.has(`${module}.${key}`)) found.set(`${module}.${key}`, { ...declaration, module, path: key });
        };
        walk(statement.body.statements, '', [], add);
      }
    }
  }
  return found;
}

function walk(statements: readonly ts.Statement[], prefix: string, outerSince: readonly string[], add: (declaration: Omit<NodeDeclaration, 'module'>) => void): void {
  for (const statement of statements) {
    const since = sinceOf(statement, outerSince);
    if (ts.isModuleDeclaration(statement)) {
      // `global { … }` inside a module declares globals (the catalog's module 'global'), not this module's exports.
      if (!ts.isIdentifier(statement.name) || statement.name.text === 'global') continue;
      let body = statement.body;
      let name = statement.name.text;
      while (body && ts.isModuleDeclaration(body)) {
        name += `.${body.name.text}`;
        body = body.body;
      }
      if (body && ts.isModuleBlock(body)) walk(body.statements, `${prefix}${name}.`, since, add);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      add({ path: prefix + statement.name.text, kind: 'function', since });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) add({ path: prefix + declaration.name.text, kind: 'variable', since });
      }
    } else if ((ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && statement.name) {
      const owner = prefix + statement.name.text;
      const constructible = ts.isClassDeclaration(statement) && !statement.members.some(isPrivateConstructor);
      add({ path: owner, kind: constructible ? 'class' : 'other', since });
      for (const member of statement.members) {
        if (!member.name) continue;
        const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        const callable = ts.isMethodDeclaration(member) || ts.isMethodSignature(member);
        add({ path: `${owner}${isStatic ? '.' : '#'}${member.name.getText()}`, kind: callable ? 'method' : 'other', since: sinceOf(member, since) });
      }
    }
  }
}

function isPrivateConstructor(member: ts.ClassElement): boolean {
  return ts.isConstructorDeclaration(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword) ?? false);
}

/** The versions of a node's `@since` tag ('v23.8.0, v22.15.0'), else the enclosing declaration's. */
function sinceOf(node: ts.Node, outer: readonly string[]): readonly string[] {
  const tag = ts.getJSDocTags(node).find((candidate) => candidate.tagName.text === 'since');
  const text = typeof tag?.comment === 'string' ? tag.comment : '';
  const versions = text.match(/\d+\.\d+\.\d+/g);
  return versions ?? outer;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // ts5.x/: copies of the same declarations for older TypeScript versions.
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('ts5') ? [] : declarationFiles(full);
    return entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Whether a feature whose `@since` names these versions is in Node `version`: added in that release line at
 * that version or later, or in a later major than the oldest listed (backports list each line: 'v23.8.0, v22.15.0').
 */
export function availableIn(since: readonly string[], version: string): boolean {
  if (since.length === 0) return true;
  const parse = (text: string) => text.split('.').map(Number) as [number, number, number];
  const current = parse(version);
  const sameLine = since.map(parse).find(([major]) => major === current[0]);
  if (sameLine) return current[1] > sameLine[1] || (current[1] === sameLine[1] && current[2] >= sameLine[2]);
  return since.map(parse).some(([major]) => major < current[0]);
}
