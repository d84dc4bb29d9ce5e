/**
 * Analysing one open document: the checks that come first (enabled, size, `node_modules`), its project's program,
 * the core's incremental check, and the diagnostics the findings become (disable comments, severities); each
 * analysis is reported to the client (`unblock/status`); while the project's program loads, the preliminary pass
 * (`preliminary.ts`). Never decides by itself what blocks.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ruleNames, type CheckOptions, type CheckResult, type Finding } from 'unblock-core';
import type * as ts from 'typescript';
import type { Connection, Diagnostic, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { ClientSupport } from './capabilities.js';
import type { Configuration, FileConfiguration } from './configuration.js';
import { eslintRuleName, severityOf, skippedDiagnostic, toDiagnostic } from './diagnostics.js';
import { DisabledRanges } from './directives.js';
import type { OpenDocument, OpenDocuments } from './documents.js';
import { counted, messageOf, type Log } from './log.js';
import { isInNodeModules, isSupported } from './paths.js';
import type { PreliminaryAnswers } from './preliminary.js';
import type { ProjectService } from './projects/project-service.js';
import type { Startup } from './startup.js';
import { statusNotification, type StatusParams } from './protocol.js';
import type { UnblockSettings } from './settings.js';

/** An open document's findings in its project's current program, and the options they were found with. */
export interface TypedFindings {
  readonly program: ts.Program;
  readonly sourceFile: ts.SourceFile;
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly options: CheckOptions;
}

/** A document's diagnostics at a version. */
export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: Diagnostic[];
  /** From the preliminary pass (the project's types are loading). */
  readonly preliminary?: boolean;
}

export interface AnalyzerHost {
  readonly connection: Connection;
  client(): ClientSupport;
  readonly documents: OpenDocuments;
  readonly projects: ProjectService;
  readonly configuration: Configuration;
  readonly log: Log;
  /** Answers files whose project has no program yet (absent: every analysis waits for the program). */
  readonly preliminary?: PreliminaryAnswers;
  /** Told when the first document's settings and options are in. */
  readonly startup?: Startup;
}

const slowAnalysisMs = 200;

export class Analyzer {
  constructor(private readonly host: AnalyzerHost) {}

  /** `analyse`, telling the client when it failed (`unblock/status`). */
  async analyseReporting(uri: string): Promise<Analysis | undefined> {
    try {
      return await this.analyse(uri);
    } catch (error) {
      this.status({ uri, state: 'error', lastAnalysisMs: 0, findings: 0 });
      throw error;
    }
  }

  /**
   * Diagnostics of an open document at its current version; undefined when it is not open or not analysable.
   * `early`: the preliminary pass may take the settings asked at start (`Configuration.settingsEarly`).
   */
  async analyse(uri: string, early = true): Promise<Analysis | undefined> {
    const { documents, projects, configuration, log } = this.host;
    const opened = documents.get(uri);
    if (!opened || opened.fileName === undefined || !isSupported(opened.fileName, opened.languageId)) return undefined;
    const fileName = opened.fileName;
    const own = configuration.settingsFor(uri);
    const atHand = early && this.host.preliminary?.answers(fileName) ? configuration.settingsEarly(uri, fileName) : undefined;
    const settings = await (atHand ?? own);
    this.host.startup?.mark('settings');
    if (!settings.enable) return this.finish(documents.get(uri), [], 'disabled', 0, settings);
    if (isInNodeModules(fileName)) return this.finish(documents.get(uri), [], 'ok', 0, settings);
    const size = Buffer.byteLength(opened.text);
    if (size > settings.maxFileSize) {
      log.once(`skip:${uri}`, `skipped ${fileName}: ${size} bytes is over unblock.maxFileSize (${settings.maxFileSize})`);
      return this.finish(documents.get(uri), [skippedDiagnostic(size, settings.maxFileSize)], 'ok', 0, settings);
    }
    if (!this.host.client().watchRegistration) await projects.reloadIfStale(fileName);
    // Its project has no program yet: the preliminary pass answers now, the typed one once the program is built.
    // It does not wait for the workspace's ESLint config either (until the typed pass has read it, the settings apply).
    if (this.host.preliminary?.answers(fileName)) {
      const document = documents.get(uri);
      if (!document) return undefined;
      const file = configuration.forFileNow(fileName, settings);
      const started = performance.now();
      const result = this.host.preliminary.check(fileName, document.text, file.options);
      const diagnostics = this.diagnosticsOf(result?.findings ?? [], result?.sourceFile, document, file, settings);
      const analysis = this.finish(document, diagnostics, 'loading-types', Math.round(performance.now() - started), settings);
      this.host.preliminary.loadSoon(fileName);
      return analysis;
    }
    // The typed pass takes the document's own settings.
    if (atHand) return this.analyse(uri, false);
    const file = await configuration.forFile(uri, fileName, settings);
    this.host.startup?.mark('options');
    let progress: WorkDoneProgressServerReporter | undefined;
    if (this.host.client().progress && !projects.isLoaded(fileName)) progress = await this.host.connection.window.createWorkDoneProgress();

    // From here on synchronous: the program and the document are the same version.
    const document = documents.get(uri);
    if (!document) {
      progress?.done();
      return undefined;
    }
    const started = performance.now();
    let result: CheckResult;
    try {
      progress?.begin('unblock', undefined, `Loading the TypeScript project of ${path.basename(fileName)}`);
      const project = projects.projectFor(fileName);
      progress?.report(`Building ${path.basename(project.name)}`);
      try {
        result = project.check(fileName, document.text, file.options);
      } catch (error) {
        if (!isTypeScriptAssertion(error)) throw error;
        // An incrementally parsed tree TypeScript itself rejects, maybe of another open file of the project (its
        // failed update leaves the program unusable): parse them all afresh, once.
        log.info(`TypeScript failed on an incremental parse in ${project.name} (${messageOf(error).split('\n')[0]}); parsing its open files afresh`);
        for (const open of projects.openFilesOf(project)) documents.byFileName(open)?.parseAfresh();
        document.parseAfresh();
        documents.touch();
        result = project.check(fileName, document.text, file.options);
      }
      if (!result.sourceFile) log.once(`missing:${fileName}`, `${fileName} is not in the program of ${project.name}`);
    } finally {
      progress?.done();
    }
    const diagnostics = this.diagnosticsOf(result.findings, result.sourceFile, document, file, settings);
    const elapsed = Math.round(performance.now() - started);
    const findings = counted(diagnostics.length, 'finding');
    if (elapsed > slowAnalysisMs) log.info(`analysing ${fileName} took ${elapsed} ms (${findings})`);
    else if (settings.trace === 'verbose') log.info(`analysed ${fileName} in ${elapsed} ms (${findings}${result.reused ? ', unchanged since the last analysis' : ''})`);
    return this.finish(document, diagnostics, 'ok', elapsed, settings, result.reused);
  }

  /**
   * The findings of an open document in its project's current program, for the rewrites that span files (the
   * previous ones when nothing changed since its analysis); undefined while its types load or when it is not analysed.
   */
  async typedFindings(uri: string): Promise<TypedFindings | undefined> {
    const { documents, projects, configuration } = this.host;
    const opened = documents.get(uri);
    if (!opened || opened.fileName === undefined || !isSupported(opened.fileName, opened.languageId) || isInNodeModules(opened.fileName)) return undefined;
    const fileName = opened.fileName;
    const settings = await configuration.settingsFor(uri);
    if (!settings.enable) return undefined;
    const file = await configuration.forFile(uri, fileName, settings);
    const project = projects.assignedProject(fileName);
    const document = documents.get(uri);
    if (!project?.loaded || !document) return undefined;
    const result = project.check(fileName, document.text, file.options);
    if (!result.sourceFile) return undefined;
    return { program: project.getProgram(), sourceFile: result.sourceFile, version: document.version, findings: result.findings, options: file.options };
  }

  /** The syntax tree of a document in its project's current program (for code actions); none while types load. */
  sourceFileOf(document: OpenDocument): ts.SourceFile | undefined {
    if (document.fileName === undefined) return undefined;
    const project = this.host.projects.assignedProject(document.fileName);
    return project?.loaded ? project.getProgram().getSourceFile(document.fileName) : undefined;
  }

  /** Findings → diagnostics: without those disable comments turn off, at their severities, in document order. */
  private diagnosticsOf(
    findings: readonly Finding[],
    sourceFile: ts.SourceFile | undefined,
    document: OpenDocument,
    file: FileConfiguration,
    settings: UnblockSettings,
  ): Diagnostic[] {
    const disabled = sourceFile && new DisabledRanges(sourceFile);
    return findings
      .filter((finding) => !disabled?.isDisabled(eslintRuleName(ruleNames[finding.kind]), finding.range[0]))
      .flatMap((finding) => {
        const severity = severityOf(finding, file.eslint, settings);
        return severity === undefined ? [] : [toDiagnostic(finding, document.document, severity)];
      })
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  private finish(
    document: OpenDocument | undefined,
    diagnostics: Diagnostic[],
    state: StatusParams['state'],
    elapsed: number,
    settings: UnblockSettings,
    cached = false,
  ): Analysis | undefined {
    if (!document) return undefined;
    if (settings.trace !== 'off' && state === 'disabled') this.host.log.info(`unblock is disabled for ${document.uri}`);
    this.status({ uri: document.uri, state, lastAnalysisMs: elapsed, findings: diagnostics.length, ...(cached && { cached }) });
    return { uri: document.uri, version: document.version, diagnostics, ...(state === 'loading-types' && { preliminary: true }) };
  }

  private status(params: StatusParams): void {
    void this.host.connection.sendNotification(statusNotification, params);
  }
}

/** TypeScript's internal `Debug.assert` failures ("Debug Failure. …"). */
function isTypeScriptAssertion(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Debug Failure');
}
