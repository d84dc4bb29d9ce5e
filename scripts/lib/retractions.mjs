/**
 * Counting retractions: the preliminary pass (no types) and the typed check run on the same text of a file of a
 * real project; a preliminary finding the typed check does not report is retracted when types arrive. One language
 * service per project, its files' texts replaceable (a rule test's case as `file.ts`), so each case costs one
 * incremental program.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { checkFile, detectorsFor, preliminaryCheck, preliminaryEnvironment } from 'unblock-core';

/** The same finding: the same call, API and context (what the diagnostic's range and message come from). */
export function sameFinding(a, b) {
  return a.kind === b.kind && a.api.id === b.api.id && a.range[0] === b.range[0] && a.range[1] === b.range[1] && JSON.stringify(a.context) === JSON.stringify(b.context);
}

/** `retracted`: the preliminary findings the typed check does not report. */
export function compare(preliminary, typed) {
  return { preliminary, typed, retracted: preliminary.filter((finding) => !typed.some((other) => sameFinding(finding, other))) };
}

export class ProjectUnderTest {
  texts = new Map();

  constructor(directory) {
    this.directory = directory;
    const configFile = path.join(directory, 'tsconfig.json');
    const config = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, directory, undefined, configFile);
    this.fileNames = parsed.fileNames;
    const host = {
      getCompilationSettings: () => parsed.options,
      getScriptFileNames: () => [...new Set([...parsed.fileNames, ...this.texts.keys()])],
      getScriptVersion: (fileName) => String(this.texts.get(fileName)?.version ?? 0),
      getScriptSnapshot: (fileName) => {
        const text = this.texts.get(fileName)?.text ?? ts.sys.readFile(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => directory,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => this.texts.has(fileName) || ts.sys.fileExists(fileName),
      readFile: (fileName) => this.texts.get(fileName)?.text ?? ts.sys.readFile(fileName),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    };
    this.service = ts.createLanguageService(host);
  }

  /** Both passes on `fileName` with `text` (default: as on disk), the direct rule's options `options`. */
  compare(fileName, options, text) {
    const absolute = path.resolve(this.directory, fileName);
    if (text !== undefined) {
      const previous = this.texts.get(absolute);
      this.texts.set(absolute, { text, version: (previous?.version ?? 0) + 1 });
    }
    const program = this.service.getProgram();
    const sourceFile = program.getSourceFile(absolute);
    if (!sourceFile) throw new Error(`${absolute} is not in the program of ${this.directory}`);
    const typed = checkFile(sourceFile, detectorsFor(program, { direct: options, indirect: undefined }));
    const environment = preliminaryEnvironment(absolute, program.getCompilerOptions());
    const { findings } = preliminaryCheck(absolute, sourceFile.text, options, environment);
    return compare(findings, typed);
  }
}
