/**
 * Reach an export of a module from a file, in the file's own module style: reuse what the file already
 * imports (`import * as fs`, `const { readFile } = require('fs/promises')`), else add an import the way the
 * file writes them (`import` or `require`, with or without the `node:` prefix).
 */
import * as ts from 'typescript';
import type { FixEdit } from '../finding.js';
import { nodePrefixed } from '../analysis/match.js';

interface ModuleBindings {
  /** The specifier as written: 'fs', 'node:fs', 'bcryptjs'. */
  specifier: string;
  /** A binding for the whole module: default, namespace, `import x = require()`, `const x = require()`. */
  namespace?: string;
  /** export name → local name */
  named: Map<string, string>;
  /** Where more named bindings can be appended: `import { a| }` or `const { a| } = require()`. */
  appendAfter?: ts.Node;
  appendStyle?: 'import' | 'require';
}

export class ImportPlanner {
  readonly isEsm: boolean;
  private readonly nodePrefix: boolean;
  private readonly modules = new Map<string, ModuleBindings>();
  private readonly added = new Map<string, Map<string, string>>();
  private readonly usedNames = new Set<string>();
  private lastImport: ts.Statement | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {
    let hasImport = false;
    let hasRequire = false;
    let prefixed = 0;
    let bare = 0;
    for (const statement of sourceFile.statements) {
      const found = this.readImport(statement);
      if (!found) continue;
      this.lastImport = statement;
      if (found.style === 'import') hasImport = true;
      else hasRequire = true;
      if (nodePrefixed(found.specifier).startsWith('node:')) {
        if (found.specifier.startsWith('node:')) prefixed++;
        else bare++;
      }
    }
    this.isEsm = hasImport || (!hasRequire && writesImports(sourceFile));
    this.nodePrefix = prefixed > 0 || bare === 0;
    const collect = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) this.usedNames.add(node.text);
      ts.forEachChild(node, collect);
    };
    collect(sourceFile);
  }

  /** An expression for `module`'s export `name`, adding an import if the file has none to reuse. */
  reference(module: string, name: string): string {
    const bindings = this.modules.get(module);
    const named = bindings?.named.get(name) ?? this.added.get(module)?.get(name);
    if (named) return named;
    if (bindings?.namespace) return `${bindings.namespace}.${name}`;
    const fsNamespace = module === 'node:fs/promises' ? this.modules.get('node:fs')?.namespace : undefined;
    if (fsNamespace) return `${fsNamespace}.promises.${name}`;
    const local = this.freeName(name);
    const added = this.added.get(module) ?? new Map<string, string>();
    added.set(name, local);
    this.added.set(module, added);
    return local;
  }

  /** The specifier the file uses for `module`, else the one an added import would use. */
  specifierFor(module: string): string {
    const existing = this.modules.get(module)?.specifier;
    if (existing) return existing;
    return module.startsWith('node:') && !this.nodePrefix ? module.slice('node:'.length) : module;
  }

  /** Edits that add the imports `reference()` asked for. */
  edits(): FixEdit[] {
    const edits: FixEdit[] = [];
    const statements: string[] = [];
    for (const [module, names] of this.added) {
      const existing = this.modules.get(module);
      const list = [...names].map(([name, local]) =>
        name === local ? name : this.isEsm || existing?.appendStyle === 'import' ? `${name} as ${local}` : `${name}: ${local}`,
      );
      if (existing?.appendAfter) {
        edits.push({ range: [existing.appendAfter.getEnd(), existing.appendAfter.getEnd()], text: `, ${list.join(', ')}` });
        continue;
      }
      const specifier = this.specifierFor(module);
      statements.push(
        this.isEsm ? `import { ${list.join(', ')} } from '${specifier}';` : `const { ${list.join(', ')} } = require('${specifier}');`,
      );
    }
    if (statements.length === 0) return edits;
    const after = this.lastImport ?? lastDirective(this.sourceFile);
    if (after) {
      edits.push({ range: [after.getEnd(), after.getEnd()], text: `\n${statements.join('\n')}` });
    } else {
      const start = this.sourceFile.statements[0]?.getStart() ?? this.sourceFile.getEnd();
      edits.push({ range: [start, start], text: `${statements.join('\n')}\n${start === this.sourceFile.getEnd() ? '' : '\n'}` });
    }
    return edits;
  }

  private freeName(name: string): string {
    let candidate = name;
    for (let n = 2; this.usedNames.has(candidate); n++) candidate = `${name}Async${n === 2 ? '' : n}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  /** Records the bindings of an import or top-level require statement. */
  private readImport(statement: ts.Statement): { specifier: string; style: 'import' | 'require' } | undefined {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) return { specifier, style: 'import' };
      const bindings = this.bindingsOf(specifier);
      if (clause.name) bindings.namespace ??= clause.name.text;
      const namedBindings = clause.namedBindings;
      if (namedBindings && ts.isNamespaceImport(namedBindings)) bindings.namespace = namedBindings.name.text;
      if (namedBindings && ts.isNamedImports(namedBindings)) {
        for (const element of namedBindings.elements) {
          if (!element.isTypeOnly) bindings.named.set((element.propertyName ?? element.name).text, element.name.text);
        }
        const last = namedBindings.elements.at(-1);
        if (last) Object.assign(bindings, { appendAfter: last, appendStyle: 'import' as const });
      }
      return { specifier, style: 'import' };
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (!ts.isStringLiteral(expression) || statement.isTypeOnly) return undefined;
      this.bindingsOf(expression.text).namespace ??= statement.name.text;
      return { specifier: expression.text, style: 'import' };
    }
    if (ts.isVariableStatement(statement)) {
      let found: { specifier: string; style: 'require' } | undefined;
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requiredSpecifier(declaration.initializer);
        if (specifier === undefined) continue;
        found = { specifier, style: 'require' };
        const bindings = this.bindingsOf(specifier);
        if (ts.isIdentifier(declaration.name)) bindings.namespace ??= declaration.name.text;
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const property = element.propertyName ?? element.name;
            if (!element.dotDotDotToken && ts.isIdentifier(property) && ts.isIdentifier(element.name)) {
              bindings.named.set(property.text, element.name.text);
            }
          }
          const last = declaration.name.elements.at(-1);
          if (last && !last.dotDotDotToken) Object.assign(bindings, { appendAfter: last, appendStyle: 'require' as const });
        }
      }
      return found;
    }
    return undefined;
  }

  private bindingsOf(specifier: string): ModuleBindings {
    const module = nodePrefixed(specifier);
    let bindings = this.modules.get(module);
    if (!bindings) this.modules.set(module, (bindings = { specifier, named: new Map() }));
    return bindings;
  }
}

/** With no import or require to copy: TypeScript and ESM files write `import`, CommonJS JavaScript `require`. */
function writesImports(sourceFile: ts.SourceFile): boolean {
  const fileName = sourceFile.fileName;
  if (/\.cjs$/.test(fileName)) return false;
  if (/\.js$/.test(fileName)) return sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext;
  return true;
}

function requiredSpecifier(initializer: ts.Expression | undefined): string | undefined {
  if (
    initializer &&
    ts.isCallExpression(initializer) &&
    ts.isIdentifier(initializer.expression) &&
    initializer.expression.text === 'require' &&
    initializer.arguments.length === 1
  ) {
    const [argument] = initializer.arguments;
    return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
  return undefined;
}

/** `'use strict'` and other prologue directives: new imports go after them. */
function lastDirective(sourceFile: ts.SourceFile): ts.Statement | undefined {
  let last: ts.Statement | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) last = statement;
    else break;
  }
  return last;
}
