/**
 * Whether a plan of edits across files keeps a program type-checking: the program again with the edited texts
 * (every other file's syntax tree reused), and the type errors it did not have before, in the files whose types the
 * edits can change — the edited files and the files that import them. For callers that hold a program but not the
 * project's files on disk (the language server's open documents, a linter's program); `unblock-cli` proves its rounds
 * on the whole project instead.
 */
import ts from 'typescript';
import type { FixEdit } from '../finding.js';

/** The type errors `edits` (file name → its edits) would bring to `program`, as many times as they are new. */
export function newTypeErrors(program: ts.Program, edits: ReadonlyMap<string, readonly FixEdit[]>): ts.Diagnostic[] {
  const texts = new Map<string, string>();
  for (const [fileName, fileEdits] of edits) {
    const sourceFile = program.getSourceFile(fileName);
    if (!sourceFile) continue;
    texts.set(sourceFile.fileName, applyFixEdits(sourceFile.text, fileEdits));
  }
  const next = editedProgram(program, texts);
  const added = newErrors(
    affectedFiles(program, texts).flatMap((fileName) => errorsOf(program, fileName)),
    affectedFiles(next, texts).flatMap((fileName) => errorsOf(next, fileName)),
  );
  const global = (p: ts.Program) => [...p.getOptionsDiagnostics(), ...p.getGlobalDiagnostics()].filter(isError).length;
  if (global(next) > global(program)) added.push(...next.getGlobalDiagnostics().filter(isError));
  return added;
}

/** Edits applied to a text (they do not overlap). */
export function applyFixEdits(text: string, edits: readonly FixEdit[]): string {
  return [...edits]
    .sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1])
    .reduce((result, edit) => result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]), text);
}

/**
 * A diagnostic as one line: `config.ts:3:7 TS2322 Type 'string' is not assignable to type 'number'.`; `name` says
 * how to write its file (default: the file's base name).
 */
export function diagnosticLine(diagnostic: ts.Diagnostic, name = (fileName: string) => fileName.split(/[\\/]/).pop()!): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\s+/g, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${name(diagnostic.file.fileName)}:${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
}

/**
 * The errors of `after` that `before` does not have, as many times as they are new. An error is known by its file,
 * code and message, not its position: edits move code.
 */
export function newErrors(before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[]): ts.Diagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of before) counts.set(errorKey(diagnostic), (counts.get(errorKey(diagnostic)) ?? 0) + 1);
  return after.filter((diagnostic) => {
    const key = errorKey(diagnostic);
    const left = counts.get(key) ?? 0;
    counts.set(key, left - 1);
    return left <= 0;
  });
}

function editedProgram(program: ts.Program, texts: ReadonlyMap<string, string>): ts.Program {
  const options = program.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const fromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return program.getSourceFile(fileName) ?? fromDisk(fileName, languageVersion, onError, shouldCreate);
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => texts.get(fileName) ?? program.getSourceFile(fileName)?.text ?? readFile(fileName);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => program.getSourceFile(fileName) !== undefined || fileExists(fileName);
  return ts.createProgram({
    rootNames: program.getRootFileNames(),
    options,
    host,
    oldProgram: program,
    ...(program.getProjectReferences() && { projectReferences: program.getProjectReferences() }),
  });
}

/** The edited files and the project files that import one of them (`import`, `export … from`, `require`). */
function affectedFiles(program: ts.Program, texts: ReadonlyMap<string, string>): string[] {
  const checker = program.getTypeChecker();
  const affected = new Set(texts.keys());
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile) || affected.has(sourceFile.fileName)) continue;
    const visit = (node: ts.Node): boolean => {
      const specifier =
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
          ? node.moduleSpecifier
          : ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)
            ? node.arguments[0]
            : undefined;
      const target = specifier && checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (target && ts.isSourceFile(target) && texts.has(target.fileName)) return true;
      return ts.forEachChild(node, visit) ?? false;
    };
    if (visit(sourceFile)) affected.add(sourceFile.fileName);
  }
  return [...affected];
}

function errorsOf(program: ts.Program, fileName: string): ts.Diagnostic[] {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) return [];
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].filter(isError);
}

function isError(diagnostic: ts.Diagnostic): boolean {
  return diagnostic.category === ts.DiagnosticCategory.Error;
}

function errorKey(diagnostic: ts.Diagnostic): string {
  return `${diagnostic.file?.fileName ?? ''}\0${diagnostic.code}\0${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
}
