/**
 * TypeScript projects: one long-lived `ts.LanguageService` per tsconfig.json / jsconfig.json, and one inferred
 * project per workspace folder for files that no config includes. Open documents come from memory (their LSP
 * version is the script version), everything else from disk; all projects share one DocumentRegistry, so a file
 * two projects read is parsed once.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import {
  checkedFile,
  checkEditedFile,
  checkFile,
  detectorsFor,
  prepareEdit,
  type CheckedFile,
  type CheckOptions,
  type Detectors,
  type Finding,
  type PreparedEdit,
} from 'unblock-core';
import * as ts from 'typescript';
import type { OpenDocuments } from './documents.js';
import { fileKey, isInside, isJavaScript } from './paths.js';

export interface ProjectHost {
  readonly documents: OpenDocuments;
  log(message: string): void;
  /** The `@types` folder of the server's own `@types/node`, for projects that cannot resolve `node:fs`. */
  readonly bundledTypesRoot: string | undefined;
  workspaceFolders(): readonly string[];
}

const inferredOptions: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.Preserve,
  allowNonTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

/** The last findings of an open file, and what they stay valid under. */
interface CheckedEntry {
  readonly file: CheckedFile;
  readonly optionsKey: string;
  /** `Project.epoch` when checked. */
  readonly epoch: number;
  /** The detectors of the program the file was checked in, while that program is the current one. */
  detectors: Detectors | undefined;
}

interface ParsedConfig {
  readonly fileNames: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly projectReferences: readonly ts.ProjectReference[] | undefined;
  /** The config and every config it extends: a change to any of them reloads the project. */
  readonly configFiles: readonly string[];
}

export class Project {
  readonly service: ts.LanguageService;
  private options: ts.CompilerOptions;
  private configFileNames: Set<string>;
  private fileNames: string[];
  private readonly extraRoots = new Map<string, string>();
  private seenVersion = -1;
  private projectVersion = 0;
  private currentProgram: ts.Program | undefined;
  /**
   * Bumped when the program changed in a way that may change other files' findings: a file changed on disk, the
   * project's files or options changed, or an edited open file was checked afresh (its edit was not proven local).
   */
  private epoch = 0;
  /** Open files whose latest change has not been checked yet: nobody knows yet whether it stayed local. */
  private readonly unproven = new Set<string>();
  private readonly checked = new Map<string, CheckedEntry>();
  /** Kept across programs: without it every program looks up each file's package.json again. */
  private resolutionCache: ts.ModuleResolutionCache;
  private resolutionsInvalidated = false;
  private nodeTypesChecked = false;
  /** mtimes of the config files when the project was loaded; undefined: missing (an `extends` that points nowhere). */
  readonly stamps = new Map<string, number | undefined>();
  disposed = false;

  constructor(
    private readonly host: ProjectHost,
    registry: ts.DocumentRegistry,
    /** The tsconfig.json / jsconfig.json; undefined for an inferred project. */
    readonly configFile: string | undefined,
    readonly directory: string,
    private config: ParsedConfig,
  ) {
    this.options = config.options;
    this.fileNames = [...config.fileNames];
    this.configFileNames = new Set(config.fileNames.map(fileKey));
    this.resolutionCache = this.newResolutionCache();
    this.service = ts.createLanguageService(this.languageServiceHost(), registry);
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
    this.invalidateResolutions();
  }

  /** The current program; TypeScript re-parses only what changed since the last one. */
  getProgram(): ts.Program {
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
    if (program !== this.currentProgram) this.programChanged(program);
    return program;
  }

  /**
   * Call before `getProgram` when an open file may have changed: its previous check and the program it was made
   * in are still intact (updating the program moves the old tree's nodes).
   */
  prepareCheck(fileName: string, text: string, options: CheckOptions): PreparedEdit | undefined {
    const entry = this.checked.get(fileKey(fileName));
    if (!entry?.detectors || entry.detectors.program !== this.currentProgram || entry.optionsKey !== JSON.stringify(options)) return undefined;
    return prepareEdit(entry.file, entry.detectors, text);
  }

  /**
   * Findings of an open file in the current program: the previous ones when nothing they depend on changed, the
   * edited function re-checked when `edit` proves the edit local, else a check of the whole file.
   */
  check(program: ts.Program, sourceFile: ts.SourceFile, options: CheckOptions, edit: PreparedEdit | undefined): Finding[] {
    const detectors = detectorsFor(program, options);
    const key = fileKey(sourceFile.fileName);
    const optionsKey = JSON.stringify(options);
    const previous = this.checked.get(key);
    const othersSettled = [...this.unproven].every((other) => other === key);
    const valid =
      previous !== undefined &&
      othersSettled &&
      previous.epoch === this.epoch &&
      previous.optionsKey === optionsKey &&
      [...previous.file.linkedFiles].every(([fileName, linked]) => program.getSourceFile(fileName) === linked);
    let findings: readonly Finding[] | undefined;
    if (valid && previous.file.sourceFile === sourceFile) findings = previous.file.findings;
    else if (valid && edit?.previous === previous.file) findings = checkEditedFile(sourceFile, detectors, edit);
    const local = findings !== undefined;
    findings ??= checkFile(sourceFile, detectors);
    if (this.unproven.delete(key) && !local) this.epoch++;
    this.checked.set(key, { file: checkedFile(sourceFile, findings, program), optionsKey, epoch: this.epoch, detectors });
    return [...findings];
  }

  forget(fileName: string): void {
    const key = fileKey(fileName);
    this.checked.delete(key);
    if (this.unproven.delete(key)) this.epoch++;
  }

  /** Which files the new program changed, and whether other files' findings may have changed with them. */
  private programChanged(program: ts.Program): void {
    const previous = this.currentProgram;
    this.currentProgram = program;
    for (const entry of this.checked.values()) entry.detectors = undefined;
    if (!previous) return;
    const files = program.getSourceFiles();
    if (files.length !== previous.getSourceFiles().length || program.getCompilerOptions() !== previous.getCompilerOptions()) {
      this.epoch++;
      return;
    }
    for (const sourceFile of files) {
      if (previous.getSourceFile(sourceFile.fileName) === sourceFile) continue;
      // A file checked here before may prove its edit local when checked again; other changes (on disk, files
      // of other projects) are never checked here.
      const key = fileKey(sourceFile.fileName);
      if (this.checked.has(key) && this.host.documents.byFileName(sourceFile.fileName)) this.unproven.add(key);
      else this.epoch++;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.checked.clear();
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
        return open ? `open:${open.version}.${open.parseGeneration}` : `disk:${diskVersions.get(fileKey(fileName)) ?? 0}`;
      },
      getScriptSnapshot: (fileName) => {
        const open = documents.byFileName(fileName);
        if (open) return open.takeSnapshot();
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

/** Versions of files on disk, bumped by file-watcher events. */
const diskVersions = new Map<string, number>();

/**
 * Snapshots of files on disk, per disk version. The language service asks for every file's snapshot each time it
 * brings its program up to date (before comparing versions), so without this every edit re-read the project.
 */
const diskSnapshots = new Map<string, { version: number; snapshot: ts.IScriptSnapshot }>();

function diskSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
  const key = fileKey(fileName);
  const version = diskVersions.get(key) ?? 0;
  const cached = diskSnapshots.get(key);
  if (cached?.version === version) return cached.snapshot;
  const text = ts.sys.readFile(fileName);
  if (text === undefined) {
    diskSnapshots.delete(key);
    return undefined;
  }
  const snapshot = ts.ScriptSnapshot.fromString(text);
  diskSnapshots.set(key, { version, snapshot });
  return snapshot;
}

export function bumpDiskVersion(fileName: string): void {
  const key = fileKey(fileName);
  diskVersions.set(key, (diskVersions.get(key) ?? 0) + 1);
}

/** Whether the program knows Node's built-in modules (an `@types/node` is loaded). */
export function resolvesNodeBuiltins(program: ts.Program): boolean {
  return program
    .getTypeChecker()
    .getAmbientModules()
    .some((module) => module.name === '"node:fs"' || module.name === '"fs"');
}

/** Adds the bundled `@types/node` to the type roots and `types`, keeping the types the project already had. */
export function withNodeTypes(options: ts.CompilerOptions, typesRoot: string, directory: string): ts.CompilerOptions {
  const host: ts.ModuleResolutionHost & ts.GetEffectiveTypeRootsHost = {
    fileExists: (fileName) => ts.sys.fileExists(fileName),
    readFile: (fileName) => ts.sys.readFile(fileName),
    directoryExists: (directoryName) => ts.sys.directoryExists(directoryName),
    getDirectories: (directoryName) => ts.sys.getDirectories(directoryName),
    getCurrentDirectory: () => directory,
  };
  const types = options.types ?? ts.getAutomaticTypeDirectiveNames(options, host);
  const typeRoots = options.typeRoots ?? ts.getEffectiveTypeRoots(options, host) ?? [];
  return { ...options, typeRoots: [...typeRoots, typesRoot], types: [...new Set([...types, 'node'])] };
}

/** Reads a tsconfig.json / jsconfig.json; undefined when it cannot be read at all. */
export function parseConfig(configFile: string, log: (message: string) => void): ParsedConfig | undefined {
  let failure: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (fileName) => ts.sys.fileExists(fileName),
    readFile: (fileName) => ts.sys.readFile(fileName),
    getCurrentDirectory: () => path.dirname(configFile),
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => (failure = diagnostic),
  };
  const isJsConfig = path.basename(configFile).startsWith('jsconfig');
  // jsconfig.json means JavaScript, like tsserver: allowJs unless the config says otherwise.
  const defaults: ts.CompilerOptions = isJsConfig ? { allowJs: true, maxNodeModuleJsDepth: 2, allowSyntheticDefaultImports: true } : {};
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, defaults, host);
  if (!parsed) {
    log(`cannot read ${configFile}: ${failure ? ts.flattenDiagnosticMessageText(failure.messageText, '\n') : 'unknown error'}`);
    return undefined;
  }
  // TypeScript recovers from these (bad JSON, a missing base config, no inputs) and the project loads anyway, but
  // maybe not as the user meant it: say why.
  for (const diagnostic of ts.getConfigFileParsingDiagnostics(parsed)) log(`${configFile}: ${describeDiagnostic(diagnostic)}`);
  // "files" entries are taken as they are, found or not.
  if (Array.isArray((parsed.raw as { files?: unknown } | undefined)?.files)) {
    for (const fileName of parsed.fileNames) if (!host.fileExists(fileName)) log(`${configFile}: File '${fileName}' not found (listed in "files").`);
  }
  const configSource = (parsed.options as { configFile?: ts.TsConfigSourceFile }).configFile;
  return {
    fileNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
    configFiles: [configFile, ...(configSource?.extendedSourceFiles ?? [])],
  };
}

/** TypeScript's message, with its code and (when it has one) its place in the config file. */
function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = `${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')} (TS${diagnostic.code})`;
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}, column ${character + 1}: ${message}`;
}

/** The nearest tsconfig.json or jsconfig.json above `fileName`. */
export function findNearestConfig(fileName: string, fileExists: (fileName: string) => boolean): string | undefined {
  const directory = path.dirname(fileName);
  const candidates = ['tsconfig.json', 'jsconfig.json']
    .map((name) => ts.findConfigFile(directory, fileExists, name))
    .filter((found): found is string => found !== undefined)
    .map((found) => found.replace(/\\/g, '/'));
  // Both are ancestors' files: the longer directory is the nearer one (tsconfig.json wins a tie).
  return candidates.sort((a, b) => path.dirname(b).length - path.dirname(a).length)[0];
}

export class ProjectService {
  private readonly registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames);
  /** By config file key. */
  private readonly configured = new Map<string, Project>();
  /** By folder key. */
  private readonly inferred = new Map<string, Project>();
  /** Open file → its project. */
  private readonly assigned = new Map<string, Project>();

  constructor(private readonly host: ProjectHost) {}

  /** Whether the file's project is loaded (otherwise `projectFor` loads it: worth a progress report). */
  isLoaded(fileName: string): boolean {
    const project = this.assigned.get(fileKey(fileName));
    return project !== undefined && !project.disposed;
  }

  /** The project of an open file, created when needed. */
  projectFor(fileName: string): Project {
    const key = fileKey(fileName);
    const known = this.assigned.get(key);
    if (known && !known.disposed) return known;
    const project = this.findProject(fileName);
    this.assigned.set(key, project);
    return project;
  }

  /** Projects that hold open documents, with those documents' file names. */
  openFilesOf(project: Project): string[] {
    return this.host.documents
      .all()
      .flatMap((document) => (document.fileName !== undefined && this.assigned.get(fileKey(document.fileName)) === project ? [document.fileName] : []));
  }

  assignedProject(fileName: string): Project | undefined {
    const project = this.assigned.get(fileKey(fileName));
    return project?.disposed ? undefined : project;
  }

  /** A document was closed: drop it from the project, and the project when nothing open uses it any more. */
  close(fileName: string): void {
    const key = fileKey(fileName);
    const project = this.assigned.get(key);
    this.assigned.delete(key);
    if (!project) return;
    project.forget(fileName);
    project.removeRoot(fileName);
    if (![...this.assigned.values()].includes(project)) this.disposeProject(project);
  }

  /**
   * Without file watching: reload the file's project when its config changed on disk or went away.
   * Returns true when it did.
   */
  async reloadIfStale(fileName: string): Promise<boolean> {
    const project = this.assignedProject(fileName);
    if (!project?.configFile) return false;
    for (const [configFile, mtime] of project.stamps) {
      // `mtime` as a Date, like `ts.sys.getModifiedTime` gave it (rounding `mtimeMs` differs from it).
      const now = await fs.stat(configFile).then(
        (stats) => stats.mtime.getTime(),
        () => undefined,
      );
      if (now !== mtime) {
        this.host.log(`${configFile} ${now === undefined ? 'was deleted' : 'changed'}: reloading ${project.name}`);
        this.reloadConfig();
        return true;
      }
    }
    return false;
  }

  /**
   * A config file changed, appeared or went away: drop every project. Open files find their (possibly new or
   * inferred) project on their next analysis. Rare enough that reloading everything is the simple, right answer.
   */
  reloadConfig(): void {
    for (const project of this.projects()) this.disposeProject(project);
  }

  /** Source files were created or deleted: re-read the file lists of configured projects. */
  reloadFileLists(): void {
    for (const project of this.inferred.values()) project.invalidateResolutions();
    for (const project of this.configured.values()) {
      if (!project.configFile) continue;
      const parsed = parseConfig(project.configFile, (message) => this.host.log(message));
      if (parsed) project.reloadFileNames(parsed);
      else this.disposeProject(project);
    }
  }

  projects(): Project[] {
    return [...this.configured.values(), ...this.inferred.values()];
  }

  dispose(): void {
    for (const project of this.projects()) this.disposeProject(project);
  }

  private disposeProject(project: Project): void {
    project.dispose();
    for (const [key, candidate] of this.configured) if (candidate === project) this.configured.delete(key);
    for (const [key, candidate] of this.inferred) if (candidate === project) this.inferred.delete(key);
    for (const [key, candidate] of this.assigned) if (candidate === project) this.assigned.delete(key);
  }

  private findProject(fileName: string): Project {
    const fileExists = (file: string) => ts.sys.fileExists(file);
    const configFile = findNearestConfig(fileName, fileExists);
    const project = configFile ? this.configuredProject(configFile) : undefined;
    if (project) {
      if (project.includes(fileName)) return project;
      // A solution-style config (`"files": []` and references): the referenced project that includes the file.
      for (const reference of project.projectReferences ?? []) {
        const referenced = this.configuredProject(ts.resolveProjectReferencePath(reference));
        if (referenced?.includes(fileName)) return referenced;
      }
      // Not included (a test file outside `include`): analysed with the project's options, like tsserver would
      // with its own inferred project but with the right `types` and paths. JavaScript needs allowJs.
      if (!isJavaScript(fileName) || project.compilerOptions.allowJs) {
        project.addRoot(fileName);
        return project;
      }
    }
    const inferred = this.inferredProject(fileName);
    inferred.addRoot(fileName);
    return inferred;
  }

  private configuredProject(configFile: string): Project | undefined {
    const key = fileKey(configFile);
    const known = this.configured.get(key);
    if (known) return known;
    const parsed = parseConfig(configFile, (message) => this.host.log(message));
    if (!parsed) return undefined;
    const project = new Project(this.host, this.registry, configFile, path.dirname(configFile), parsed);
    for (const file of parsed.configFiles) project.stamps.set(file, ts.sys.getModifiedTime?.(file)?.getTime());
    this.configured.set(key, project);
    this.host.log(`loaded ${configFile} (${parsed.fileNames.length} files)`);
    return project;
  }

  private inferredProject(fileName: string): Project {
    const folder =
      this.host
        .workspaceFolders()
        .filter((candidate) => isInside(candidate, fileName))
        .sort((a, b) => b.length - a.length)[0] ?? path.dirname(fileName);
    const key = fileKey(folder);
    let project = this.inferred.get(key);
    if (!project) {
      project = new Project(this.host, this.registry, undefined, folder, {
        fileNames: [],
        options: inferredOptions,
        projectReferences: undefined,
        configFiles: [],
      });
      this.inferred.set(key, project);
      this.host.log(`created the inferred project of ${folder}`);
    }
    return project;
  }
}
