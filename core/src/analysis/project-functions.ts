/**
 * The body behind what a call resolves to, for the indirect analysis: a function declaration or method, a function
 * or class held by a variable or property, a class for `new` and `super()`, and the CommonJS shapes the type
 * checker binds in JavaScript files (`exports.f = function`, `module.exports = { f }`, `utils.f = …`). In a `.ts`
 * file `require()` is typed `any`: the module is then found by import tracking and looked up in the program.
 */
import ts from 'typescript';
import { importedValue } from './import-origin.js';
import { wrappedFunction } from './memoized.js';
import { skipOuter } from './resolve.js';
import { isFunctionWithBody, type FunctionNode } from '../syntax/typescript.js';

/** What the indirect analysis summarizes: a function, or a class (what `new` runs: fields and constructors). */
export type SummarizedNode = FunctionNode | ts.ClassLikeDeclaration;

export class ProjectBodies {
  private readonly checker: ts.TypeChecker;
  private readonly modules = new Map<string, ts.SourceFile | undefined>();

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /**
   * The first of `declarations` with a body in the project's own code; `constructs`: a class counts (`new`).
   * Overload signatures have no body: the implementation, another declaration of the same symbol, is the one.
   */
  of(declarations: readonly ts.Declaration[], constructs: boolean): SummarizedNode | undefined {
    for (const declaration of declarations) {
      const body = this.bodyOf(declaration, constructs, 0);
      if (body && this.isProjectCode(body)) return body;
    }
    return undefined;
  }

  /** `require('./utils').f`, `const { f } = require('./utils')` in a `.ts` file: the project module's export. */
  ofRequired(expression: ts.Expression, constructs: boolean): SummarizedNode | undefined {
    const imported = importedValue(expression, this.checker);
    if (!imported || !/^\.\.?\//.test(imported.specifier)) return undefined;
    const file = this.moduleFile(imported.specifier, expression.getSourceFile());
    const moduleSymbol = file && this.checker.getSymbolAtLocation(file);
    if (!moduleSymbol) return undefined;
    let symbol: ts.Symbol | undefined = this.aliased(moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals)) ?? moduleSymbol;
    imported.path.forEach((name, index) => {
      const member = index === 0 ? this.checker.tryGetMemberInModuleExports(name, moduleSymbol) : undefined;
      symbol = this.aliased(member ?? (symbol && this.checker.getTypeOfSymbol(symbol).getProperty(name)));
    });
    return this.of(symbol?.getDeclarations() ?? [], constructs);
  }

  isProjectCode(node: ts.Node): boolean {
    const sourceFile = node.getSourceFile();
    return !sourceFile.isDeclarationFile && !this.program.isSourceFileFromExternalLibrary(sourceFile);
  }

  private bodyOf(declaration: ts.Node, constructs: boolean, hops: number): SummarizedNode | undefined {
    if (isFunctionWithBody(declaration)) return declaration.body ? declaration : undefined;
    if (ts.isClassLike(declaration)) return constructs ? declaration : undefined;
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
      return valueOf(declaration.initializer, constructs) ?? this.wrapped(declaration.initializer, constructs, hops);
    }
    // `module.exports = { readConfig }`: the value the shorthand names
    if (ts.isShorthandPropertyAssignment(declaration) && hops < 4) {
      const value = this.aliased(this.checker.getShorthandAssignmentValueSymbol(declaration));
      for (const inner of value?.getDeclarations() ?? []) {
        const body = this.bodyOf(inner, constructs, hops + 1);
        if (body) return body;
      }
      return undefined;
    }
    // `exports.load = function () {}`, `utils.load = () => …`: declared by the assignment's target
    const parent = declaration.parent;
    if ((ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) && parent && isAssignment(parent) && parent.left === declaration) {
      return valueOf(parent.right, constructs) ?? this.wrapped(parent.right, constructs, hops);
    }
    // `module.exports = function load() {}`: the module's `export=`
    if (isAssignment(declaration)) return valueOf(declaration.right, constructs) ?? this.wrapped(declaration.right, constructs, hops);
    return undefined;
  }

  /**
   * A value that names another function: `{ load: readConfig }`, `const f = g`, and wrappers that run it —
   * `memoize(load)`, `test ? load : memoize(load)` (see memoized.ts).
   */
  private wrapped(expression: ts.Expression, constructs: boolean, hops: number): SummarizedNode | undefined {
    const value = skipOuter(expression);
    const inner = hops >= 4 ? undefined : ts.isIdentifier(value) ? value : constructs ? undefined : wrappedFunction(value, this.checker);
    if (!inner) return undefined;
    const declarations = ts.isIdentifier(inner) ? (this.aliased(this.checker.getSymbolAtLocation(inner))?.getDeclarations() ?? []) : [];
    return valueOf(inner, constructs) ?? declarations.map((declaration) => this.bodyOf(declaration, constructs, hops + 1)).find(Boolean);
  }

  private aliased(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The program's file a relative `require()` loads (CommonJS resolution), if the program has it. */
  private moduleFile(specifier: string, from: ts.SourceFile): ts.SourceFile | undefined {
    const key = `${from.fileName}\0${specifier}`;
    if (this.modules.has(key)) return this.modules.get(key);
    const host: ts.ModuleResolutionHost = {
      fileExists: (fileName) => this.program.getSourceFile(fileName) !== undefined || ts.sys.fileExists(fileName),
      readFile: (fileName) => ts.sys.readFile(fileName),
    };
    const options = this.program.getCompilerOptions();
    const resolved = ts.resolveModuleName(specifier, from.fileName, options, host, undefined, undefined, ts.ModuleKind.CommonJS).resolvedModule;
    const file = resolved && this.program.getSourceFile(resolved.resolvedFileName);
    this.modules.set(key, file);
    return file;
  }
}

function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** A function (or, for `new`, a class) written as a value. */
function valueOf(expression: ts.Expression, constructs: boolean): SummarizedNode | undefined {
  const value = skipOuter(expression);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
  return constructs && ts.isClassExpression(value) ? value : undefined;
}
