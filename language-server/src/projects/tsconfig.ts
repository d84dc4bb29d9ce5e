/**
 * tsconfig.json and jsconfig.json: finding a file's config, reading it (with what TypeScript recovered from, said),
 * the options of an inferred project, and the server's own `@types/node` for projects that have none.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

export const inferredOptions: ts.CompilerOptions = {
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

export interface ParsedConfig {
  readonly fileNames: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly projectReferences: readonly ts.ProjectReference[] | undefined;
  /** The config and every config it extends: a change to any of them reloads the project. */
  readonly configFiles: readonly string[];
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
export function parseConfig(configFile: string, log: (message: string) => void, { listFiles = true } = {}): ParsedConfig | undefined {
  let failure: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // `listFiles: false`: the options alone, without walking the folders `include` names (slow on a large project).
    readDirectory: (...args) => (listFiles ? ts.sys.readDirectory(...args) : []),
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


/** The `@types` folder holding the server's own `@types/node`. */
export function bundledTypesRoot(): string | undefined {
  try {
    return path.dirname(path.dirname(require.resolve('@types/node/package.json'))).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}
