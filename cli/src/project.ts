/**
 * The project being fixed: its tsconfig (found from the working folder, or `--project`), its files as they are
 * being rewritten (texts held in memory until the end, so nothing is lost on the way), the programs built from
 * them (unchanged files keep their syntax trees between programs) and the diagnostics to compare before and after.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { diagnosticLine } from 'unblock-core';

/** Bad input: a message for the user, and exit code 2. */
export class UsageError extends Error {}

export class Project {
  readonly configFile: string;
  readonly dir: string;
  private readonly parsed: ts.ParsedCommandLine;
  /** Rewritten texts by file name; files not in it are as on disk. */
  private readonly texts = new Map<string, string>();
  private readonly trees = new Map<string, ts.SourceFile>();
  private program: ts.Program | undefined;

  constructor(cwd: string, project: string | undefined) {
    this.configFile = findConfig(cwd, project);
    this.dir = path.dirname(this.configFile);
    const read = ts.readConfigFile(this.configFile, ts.sys.readFile);
    if (read.error) throw new UsageError(formatDiagnostics([read.error]));
    this.parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, this.dir, undefined, this.configFile);
    if (this.parsed.errors.length > 0) throw new UsageError(formatDiagnostics(this.parsed.errors));
    if (this.parsed.fileNames.length === 0) throw new UsageError(`${this.configFile} includes no source files`);
  }

  /** A program of the project's files as they are now (original or rewritten). */
  build(): ts.Program {
    const options = this.parsed.options;
    const host = ts.createCompilerHost(options, true);
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => this.texts.get(path.resolve(fileName)) ?? readFile(fileName);
    host.getSourceFile = (fileName, languageVersion, onError) => {
      const text = host.readFile(fileName);
      if (text === undefined) {
        onError?.(`cannot read ${fileName}`);
        return undefined;
      }
      const cached = this.trees.get(fileName);
      if (cached && cached.text === text) return cached;
      const tree = ts.createSourceFile(fileName, text, languageVersion, true);
      this.trees.set(fileName, tree);
      return tree;
    };
    this.program = ts.createProgram({
      rootNames: this.parsed.fileNames,
      options,
      host,
      oldProgram: this.program,
      projectReferences: this.parsed.projectReferences,
    });
    return this.program;
  }

  /** The project's own files of a program: not declaration files, not from node_modules. */
  sourceFiles(program: ts.Program): ts.SourceFile[] {
    return program.getSourceFiles().filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
  }

  textOf(fileName: string): string {
    return this.texts.get(path.resolve(fileName)) ?? readFileSync(fileName, 'utf8');
  }

  /** The file as it is on disk: as it was before the fix (nothing is written until the end). */
  originalText(fileName: string): string {
    return readFileSync(fileName, 'utf8');
  }

  setText(fileName: string, text: string): void {
    this.texts.set(path.resolve(fileName), text);
  }

  revert(fileName: string): void {
    this.texts.delete(path.resolve(fileName));
  }

  /** The files rewritten so far, with their texts. */
  changed(): Map<string, string> {
    return new Map(this.texts);
  }
}

function findConfig(cwd: string, project: string | undefined): string {
  if (project !== undefined) {
    const given = path.resolve(cwd, project);
    if (!existsSync(given)) throw new UsageError(`--project ${project}: no such file or folder`);
    const file = statSync(given).isDirectory() ? path.join(given, 'tsconfig.json') : given;
    if (!existsSync(file)) throw new UsageError(`--project ${project}: no tsconfig.json in that folder`);
    return file;
  }
  const found = ts.findConfigFile(cwd, ts.sys.fileExists);
  if (!found) {
    throw new UsageError(`no tsconfig.json in ${cwd} or a folder above it: run in a project, or name one with --project <tsconfig>`);
  }
  return path.resolve(found);
}

/** A diagnostic as one line: `src/a.ts:3:7 TS2322 Type 'string' is not assignable to type 'number'.` */
export function formatDiagnostic(diagnostic: ts.Diagnostic, cwd = process.cwd()): string {
  return diagnosticLine(diagnostic, (fileName) => path.relative(cwd, fileName));
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join('\n');
}

/** The type errors of a program; compared before and after an edit with the core's `newErrors`. */
export function typeErrors(program: ts.Program, files: readonly ts.SourceFile[]): ts.Diagnostic[] {
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ].filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
}

