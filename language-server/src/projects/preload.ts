/**
 * Reading a project ahead of its first program, in slices. TypeScript builds a program in one synchronous call — on
 * a 3,500-file project, seconds during which the server hears nothing, so a file opened or edited meanwhile waits
 * for the whole program instead of getting its preliminary answer at once. Before that call, this does most of its
 * work a few milliseconds at a time, giving the event loop back between slices: each file is read and parsed into
 * the document registry the language service takes its files from (same key, version and options as the service's
 * own request, so the service reuses it instead of parsing it again), its imports are resolved through the
 * project's module resolution cache (which the service's resolution reads), what they and its `/// <reference>`s
 * lead to is read the same way (the default libraries and the `types` packages too), and each file is bound
 * (TypeScript binds a file once). Nothing here decides what the program holds: a file
 * it would not take was read for nothing, a key that differs is only a miss.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ts from 'typescript';
import { typedExtensions } from 'unblock-core';

/** What a read-ahead needs of its project. */
export interface PreloadInput {
  readonly rootNames: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly registry: ts.DocumentRegistry;
  /** The language service's host: snapshots and versions as the service asks for them, and the file system. */
  readonly host: ts.ModuleResolutionHost & Pick<ts.LanguageServiceHost, 'getScriptSnapshot' | 'getScriptVersion' | 'getCurrentDirectory'>;
  /** The project's module resolution cache, as it is now. */
  resolutionCache(): ts.ModuleResolutionCache;
  /** Stop at the next slice (the project is disposed, or its program was built meanwhile). */
  stopped(): boolean;
  /** Work per slice (default `sliceMs`). */
  readonly sliceMs?: number;
}

export interface Preloaded {
  /** Files read into the registry, and what each was parsed into. */
  readonly files: ReadonlyMap<string, ts.SourceFile>;
  /** Milliseconds of work, in slices. */
  readonly busyMs: number;
  /** How many times it gave the event loop back. */
  readonly slices: number;
  /** Lets go of what the read-ahead holds in the registry: once the program holds it too, or instead of it. */
  release(): void;
}

/** Parts of TypeScript's API its typings leave out, used exactly as its program uses them. */
interface Internals {
  getSetExternalModuleIndicator?: (options: ts.CompilerOptions) => (file: ts.SourceFile) => void;
  getEmitScriptTarget?: (options: ts.CompilerOptions) => ts.ScriptTarget;
  bindSourceFile?: (file: ts.SourceFile, options: ts.CompilerOptions) => void;
}
const internals = ts as unknown as Internals;

/** One slice of work, then the event loop's turn: long enough to get on, short enough for an answer to go out. */
export const sliceMs = 15;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the project's files ahead (see above), then returns what it holds, for `release()` once the program is
 * built. Without TypeScript's internals it relies on (another TypeScript version), it reads nothing.
 */
export async function preload(input: PreloadInput): Promise<Preloaded> {
  const { options, registry, host } = input;
  const { getSetExternalModuleIndicator, getEmitScriptTarget, bindSourceFile } = internals;
  const held: { fileName: string; scriptKind: ts.ScriptKind; format: ts.ResolutionMode }[] = [];
  const release = () => {
    for (const { fileName, scriptKind, format } of held.splice(0)) registry.releaseDocument(fileName, options, scriptKind, format);
  };
  const files = new Map<string, ts.SourceFile>();
  if (!getSetExternalModuleIndicator || !getEmitScriptTarget || !bindSourceFile) return { files, busyMs: 0, slices: 0, release };
  const slice = input.sliceMs ?? sliceMs;
  const sourceFileOptions = { languageVersion: getEmitScriptTarget(options), setExternalModuleIndicator: getSetExternalModuleIndicator(options), jsDocParsingMode: undefined };
  const queue: string[] = [];
  const seen = new Set<string>();
  const add = (fileName: string | undefined) => {
    if (fileName && !seen.has(fileName)) {
      seen.add(fileName);
      queue.push(fileName);
    }
  };
  input.rootNames.forEach(add);
  // The default libraries and the `types` packages, which the program reads too (after the roots).
  const libDirectory = path.dirname(ts.getDefaultLibFilePath(options));
  if (!options.noLib) (options.lib ?? [path.basename(ts.getDefaultLibFilePath(options))]).forEach((lib) => add(path.join(libDirectory, lib)));
  const typesOwner = path.join(input.host.getCurrentDirectory(), '__inferred type names__.ts');
  for (const name of options.types ?? []) add(ts.resolveTypeReferenceDirective(name, typesOwner, options, host).resolvedTypeReferenceDirective?.resolvedFileName);
  let busyMs = 0;
  let slices = 0;
  let sliceStart = performance.now();
  try {
    for (let index = 0; index < queue.length; index++) {
      if (index > 0 && performance.now() - sliceStart >= slice) {
        busyMs += performance.now() - sliceStart;
        slices++;
        await nextTurn();
        if (input.stopped()) break;
        sliceStart = performance.now();
      }
      const fileName = queue[index]!;
      const snapshot = host.getScriptSnapshot(fileName);
      if (!snapshot) continue;
      const resolutionCache = input.resolutionCache();
      const format = ts.getImpliedNodeFormatForFile(fileName as ts.Path, resolutionCache.getPackageJsonInfoCache(), host, options);
      const version = host.getScriptVersion(fileName);
      const sourceFile = registry.acquireDocument(fileName, options, snapshot, version, undefined, { ...sourceFileOptions, impliedNodeFormat: format });
      held.push({ fileName, scriptKind: (sourceFile as ts.SourceFile & { scriptKind: ts.ScriptKind }).scriptKind, format });
      files.set(fileName, sourceFile);
      // Binding sets the parent pointers the import modes are read through.
      bindSourceFile(sourceFile, options);
      for (const specifier of moduleSpecifiers(sourceFile)) {
        const mode = ts.getModeForUsageLocation(sourceFile, specifier, options);
        const resolved = ts.resolveModuleName(specifier.text, fileName, options, host, resolutionCache, undefined, mode).resolvedModule;
        if (resolved && typedExtensions.has(resolved.extension)) add(resolved.resolvedFileName);
      }
      // `/// <reference path>`, `/// <reference types>` and `/// <reference lib>` (how @types/node and the libraries
      // are put together).
      for (const reference of sourceFile.referencedFiles) add(path.resolve(path.dirname(fileName), reference.fileName));
      for (const reference of sourceFile.typeReferenceDirectives) add(ts.resolveTypeReferenceDirective(reference.fileName, fileName, options, host).resolvedTypeReferenceDirective?.resolvedFileName);
      for (const reference of sourceFile.libReferenceDirectives) add(path.join(libDirectory, `lib.${reference.fileName.toLowerCase()}.d.ts`));
    }
  } catch (error) {
    release(); // nothing is held by a read-ahead that failed
    throw error;
  }
  busyMs += performance.now() - sliceStart;
  return { files, busyMs, slices, release };
}

/** The module specifiers of a file's static imports and exports (`import`, `export … from`, `import x = require()`). */
function moduleSpecifiers(sourceFile: ts.SourceFile): ts.StringLiteralLike[] {
  const specifiers: ts.StringLiteralLike[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push(node);
  };
  const visit = (statements: readonly ts.Statement[]) => {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) add(statement.moduleSpecifier);
      else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) add(statement.moduleReference.expression);
      else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) visit(statement.body.statements);
    }
  };
  visit(sourceFile.statements);
  return specifiers;
}
