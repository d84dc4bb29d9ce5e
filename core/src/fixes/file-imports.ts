/**
 * What a file imports, read once per file version (a SourceFile is immutable, so the facts are cached on it):
 * the bindings of each module, where new imports go, module style (`import` / `require`, `node:` prefix), the
 * code style, and how often each word occurs (for fresh names and for the last use of a binding). Every fix
 * of the file plans its imports over these facts, so the cost of a file's fixes is linear in its findings.
 */
import ts from 'typescript';
import { nodePrefixed } from '../analysis/match.js';
import { fileStyle, projectStyleSettings, type CodeStyle } from './style.js';

export interface ModuleBindings {
  /** The specifier as written: 'fs', 'node:fs', 'bcryptjs'. */
  specifier: string;
  /** A binding for the whole module: default, namespace, `import x = require()`, `const x = require()`. */
  namespace?: string;
  /** export name → local name */
  named: Map<string, string>;
  /** The list more named bindings go into: `import { a }` or `const { a } = require()`. */
  list?: ts.NamedImports | ts.ObjectBindingPattern;
}

/** A local name bound by an import or a top-level require, and the statement that binds it. */
export interface LocalBinding {
  readonly name: string;
  readonly statement: ts.Statement;
  /** The node the binding's symbol is declared by: ImportSpecifier, ImportClause, NamespaceImport, BindingElement, … */
  readonly declaration: ts.Node;
  readonly specifier: string;
}

const cache = new WeakMap<ts.SourceFile, FileImports>();

export class FileImports {
  readonly isEsm: boolean;
  readonly nodePrefix: boolean;
  readonly modules = new Map<string, ModuleBindings>();
  readonly locals = new Map<string, LocalBinding>();
  readonly lastImport: ts.Statement | undefined;
  private words: Map<string, number> | undefined;
  private identifiers: Set<string> | undefined;
  private codeStyle: CodeStyle | undefined;

  static of(sourceFile: ts.SourceFile): FileImports {
    let facts = cache.get(sourceFile);
    if (!facts) cache.set(sourceFile, (facts = new FileImports(sourceFile)));
    return facts;
  }

  private constructor(readonly sourceFile: ts.SourceFile) {
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
  }

  /** How often `word` occurs in the file's text (code, strings and comments: an over-count is the safe side). */
  occurrences(word: string): number {
    if (!this.words) {
      this.words = new Map();
      for (const [found] of this.sourceFile.text.matchAll(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu)) {
        this.words.set(found, (this.words.get(found) ?? 0) + 1);
      }
    }
    return this.words.get(word) ?? 0;
  }

  /** Whether the code names `identifier` anywhere (comments and strings do not count): a new name must not. */
  hasIdentifier(identifier: string): boolean {
    if (!this.identifiers) {
      const names = (this.identifiers = new Set<string>());
      const collect = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) names.add(node.text);
        ts.forEachChild(node, collect);
      };
      collect(this.sourceFile);
    }
    return this.identifiers.has(identifier);
  }

  get style(): CodeStyle {
    return (this.codeStyle ??= fileStyle(this.sourceFile, projectStyleSettings(this.sourceFile.fileName)));
  }

  /** Records the bindings of an import or top-level require statement. */
  private readImport(statement: ts.Statement): { specifier: string; style: 'import' | 'require' } | undefined {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) return { specifier, style: 'import' };
      const bindings = this.bindingsOf(specifier);
      if (clause.name) {
        bindings.namespace ??= clause.name.text;
        this.local(clause.name.text, statement, clause, specifier);
      }
      const namedBindings = clause.namedBindings;
      if (namedBindings && ts.isNamespaceImport(namedBindings)) {
        bindings.namespace = namedBindings.name.text;
        this.local(namedBindings.name.text, statement, namedBindings, specifier);
      }
      if (namedBindings && ts.isNamedImports(namedBindings)) {
        for (const element of namedBindings.elements) {
          this.local(element.name.text, statement, element, specifier);
          if (!element.isTypeOnly) bindings.named.set(moduleExportName(element.propertyName ?? element.name), element.name.text);
        }
        bindings.list ??= namedBindings;
      }
      return { specifier, style: 'import' };
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (!ts.isStringLiteral(expression) || statement.isTypeOnly) return undefined;
      this.bindingsOf(expression.text).namespace ??= statement.name.text;
      this.local(statement.name.text, statement, statement, expression.text);
      return { specifier: expression.text, style: 'import' };
    }
    if (ts.isVariableStatement(statement)) {
      let found: { specifier: string; style: 'require' } | undefined;
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requiredSpecifier(declaration.initializer);
        if (specifier === undefined) continue;
        found = { specifier, style: 'require' };
        const bindings = this.bindingsOf(specifier);
        if (ts.isIdentifier(declaration.name)) {
          bindings.namespace ??= declaration.name.text;
          this.local(declaration.name.text, statement, declaration, specifier);
        } else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const property = element.propertyName ?? element.name;
            if (!element.dotDotDotToken && ts.isIdentifier(property) && ts.isIdentifier(element.name)) {
              bindings.named.set(property.text, element.name.text);
              this.local(element.name.text, statement, element, specifier);
            }
          }
          if (!declaration.name.elements.some((element) => element.dotDotDotToken)) bindings.list ??= declaration.name;
        }
      }
      return found;
    }
    return undefined;
  }

  private local(name: string, statement: ts.Statement, declaration: ts.Node, specifier: string): void {
    this.locals.set(name, { name, statement, declaration, specifier });
  }

  private bindingsOf(specifier: string): ModuleBindings {
    const module = nodePrefixed(specifier);
    let bindings = this.modules.get(module);
    if (!bindings) this.modules.set(module, (bindings = { specifier, named: new Map() }));
    return bindings;
  }
}

function moduleExportName(name: ts.ModuleExportName): string {
  return name.text;
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
