/**
 * A TypeScript project: one long-lived `ts.LanguageService` for a tsconfig.json / jsconfig.json, or the inferred
 * project of a workspace folder. Open documents come from memory (their LSP version is the script version),
 * everything else from disk; its files are checked through the core's `IncrementalChecker`.
 */
import { IncrementalChecker, type CheckOptions, type CheckResult } from 'unblock-core';
import * as ts from 'typescript';
import type { OpenDocuments } from '../documents.js';
import { fileKey } from '../paths.js';
import { diskSnapshot, diskVersion } from './disk-cache.js';
import { preload, type Preloaded } from './preload.js';
import { resolvesNodeBuiltins, withNodeTypes, type ParsedConfig } from './tsconfig.js';

export interface ProjectHost {
  readonly documents: OpenDocuments;
  log(message: string): void;
  /** The `@types` folder of the server's own `@types/node`, for projects that cannot resolve `node:fs`. */
  readonly bundledTypesRoot: string | undefined;
  workspaceFolders(): readonly string[];
}

export class Project {
  readonly service: ts.LanguageService;
  private options: ts.CompilerOptions;
  private configFileNames: Set<string>;
  private fileNames: string[];
  private readonly extraRoots = new Map<string, string>();
  private seenVersion = -1;
  private projectVersion = 0;
  private readonly checker = new IncrementalChecker(() => this.languageServiceProgram());
  /** Kept across programs: without it every program looks up each file's package.json again. */
  private resolutionCache: ts.ModuleResolutionCache;
  private resolutionsInvalidated = false;
  private nodeTypesChecked = false;
  /** The language service has built a program (the first one reads and parses the whole project: the slow one). */
  loaded = false;
  /** mtimes of the config files when the project was loaded; undefined: missing (an `extends` that points nowhere). */
  readonly stamps = new Map<string, number | undefined>();
  disposed = false;
  /** The files this project read from disk (through the shared disk cache), by key. */
  readonly diskFiles = new Map<string, string>();

  private readonly serviceHost: CachingHost;

  constructor(
    private readonly host: ProjectHost,
    private readonly registry: ts.DocumentRegistry,
    /** The tsconfig.json / jsconfig.json; undefined for an inferred project. */
    readonly configFile: string | undefined,
    readonly directory: string,
    private config: ParsedConfig,
  ) {
    this.options = config.options;
    this.fileNames = [...config.fileNames];
    this.configFileNames = new Set(config.fileNames.map(fileKey));
    this.resolutionCache = this.newResolutionCache();
    this.serviceHost = this.languageServiceHost();
    this.service = ts.createLanguageService(this.serviceHost, registry);
  }

  /**
   * Before the first program: reads, parses, resolves and binds its files ahead in slices (`preload.ts`), so that
   * building it then holds the thread for a fraction of the time. Nothing to do once it is built.
   */
  async readAhead(sliceMs?: number): Promise<Preloaded | undefined> {
    if (this.loaded || this.disposed) return undefined;
    return preload({
      sliceMs,
      rootNames: this.serviceHost.getScriptFileNames(),
      options: this.options,
      registry: this.registry,
      host: this.serviceHost,
      // The current one: opening a file starts a new cache (`invalidateResolutions`), and the program reads that.
      resolutionCache: () => this.resolutionCache,
      stopped: () => this.disposed || this.loaded,
    });
  }

  /** Files were created or deleted, or opened from outside the disk: drop what module resolution remembered. */
  invalidateResolutions(): void {
    this.resolutionCache = this.newResolutionCache();
    // TypeScript keeps an unchanged file's resolutions, failed ones included, unless told they are invalid.
    this.resolutionsInvalidated = true;
    this.projectVersion++;
  }

  private newResolutionCache(): ts.ModuleResolutionCache {
    return ts.createModuleResolutionCache(this.directory, (fileName) => (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()), this.options);
  }

  get name(): string {
    return this.configFile ?? `inferred project of ${this.directory}`;
  }

  get configFiles(): readonly string[] {
    return this.config.configFiles;
  }

  get projectReferences(): readonly ts.ProjectReference[] | undefined {
    return this.config.projectReferences;
  }

  get compilerOptions(): ts.CompilerOptions {
    return this.options;
  }

  /** Included by the config itself (not only added as an open file). */
  includes(fileName: string): boolean {
    return this.configFileNames.has(fileKey(fileName));
  }

  hasRoot(fileName: string): boolean {
    return this.includes(fileName) || this.extraRoots.has(fileKey(fileName));
  }

  addRoot(fileName: string): void {
    if (this.hasRoot(fileName)) return;
    this.extraRoots.set(fileKey(fileName), fileName);
    // Maybe a file that is not on disk yet: imports that did not resolve before may now.
    this.invalidateResolutions();
  }

  removeRoot(fileName: string): void {
    if (this.extraRoots.delete(fileKey(fileName))) this.projectVersion++;
  }

  /** Files were created or deleted: the config's `include` globs may match other files now. */
  reloadFileNames(parsed: ParsedConfig): void {
    this.config = parsed;
    this.fileNames = [...parsed.fileNames];
    this.configFileNames = new Set(parsed.fileNames.map(fileKey));
    for (const key of [...this.extraRoots.keys()]) if (this.configFileNames.has(key)) this.extraRoots.delete(key);
    this.invalidateResolutions();
  }

  /** The current program; TypeScript re-parses only what changed since the last one. */
  getProgram(): ts.Program {
    return this.checker.program();
  }

  /** An open file's findings with its current `text` (see `IncrementalChecker.check`). */
  check(fileName: string, text: string, options: CheckOptions): CheckResult {
    return this.checker.check(fileName, text, options);
  }

  /** A file was closed. */
  forget(fileName: string): void {
    this.checker.forget(fileName);
  }

  private languageServiceProgram(): ts.Program {
    let program = this.service.getProgram();
    if (!program) throw new Error(`TypeScript could not create a program for ${this.name}`);
    if (!this.nodeTypesChecked) {
      this.nodeTypesChecked = true;
      if (!resolvesNodeBuiltins(program) && this.host.bundledTypesRoot) {
        this.options = withNodeTypes(this.options, this.host.bundledTypesRoot, this.directory);
        this.invalidateResolutions();
        this.host.log(`${this.name}: \`node:fs\` does not resolve (no @types/node); using the language server's bundled @types/node.`);
        program = this.service.getProgram() ?? program;
      }
    }
    this.resolutionsInvalidated = false;
    this.loaded = true;
    return program;
  }

  dispose(): void {
    this.disposed = true;
    this.checker.dispose();
    this.service.dispose();
  }

  /**
   * Module resolution goes through one cache for the project's life (TypeScript otherwise starts a new one with
   * each program, and looks up every file's package.json again per keystroke).
   */
  private languageServiceHost(): CachingHost {
    const { documents } = this.host;
    const host: CachingHost = {
      getCompilationSettings: () => this.options,
      getModuleResolutionCache: () => this.resolutionCache,
      hasInvalidatedResolutions: () => this.resolutionsInvalidated,
      resolveModuleNameLiterals: (literals, containingFile, redirectedReference, options, containingSourceFile) =>
        literals.map((literal) =>
          ts.resolveModuleName(
            literal.text,
            containingFile,
            options,
            host,
            this.resolutionCache,
            redirectedReference,
            ts.getModeForUsageLocation(containingSourceFile, literal, options),
          ),
        ),
      getProjectVersion: () => {
        // Any open document's edit may change this program (imports); TypeScript then compares script versions.
        if (this.seenVersion !== documents.changeCount) {
          this.seenVersion = documents.changeCount;
          this.projectVersion++;
        }
        return String(this.projectVersion);
      },
      getProjectReferences: () => this.config.projectReferences,
      getScriptFileNames: () => [...this.fileNames, ...this.extraRoots.values()],
      getScriptVersion: (fileName) => {
        const open = documents.byFileName(fileName);
        return open ? `open:${open.version}.${open.parseGeneration}` : `disk:${diskVersion(fileName)}`;
      },
      getScriptSnapshot: (fileName) => {
        const open = documents.byFileName(fileName);
        if (open) return open.takeSnapshot();
        this.diskFiles.set(fileKey(fileName), fileName);
        return diskSnapshot(fileName);
      },
      getCurrentDirectory: () => this.directory,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => documents.byFileName(fileName) !== undefined || ts.sys.fileExists(fileName),
      readFile: (fileName, encoding) => documents.byFileName(fileName)?.text ?? ts.sys.readFile(fileName, encoding),
      readDirectory: (...args) => ts.sys.readDirectory(...args),
      directoryExists: (directory) => ts.sys.directoryExists(directory),
      getDirectories: (directory) => ts.sys.getDirectories(directory),
      realpath: (fileName) => ts.sys.realpath?.(fileName) ?? fileName,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    };
    return host;
  }
}

/**
 * Members TypeScript's language service reads from its host (tsserver's projects have them) that its public
 * typings leave out.
 */
type CachingHost = ts.LanguageServiceHost & {
  getModuleResolutionCache(): ts.ModuleResolutionCache;
  hasInvalidatedResolutions(path: ts.Path): boolean;
};

