/**
 * The language server: LSP wiring around the detection core (`unblock-core`). It keeps TypeScript
 * projects up to date with the editor's buffers, turns findings into diagnostics and code actions, and never
 * decides by itself what blocks.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectorOptions, mergeOptions, ruleNames, type CheckOptions, type Finding, type FindingKind } from 'unblock-core';
import * as ts from 'typescript';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DidSaveTextDocumentParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { actionsFor, fixAllKind, safeFixEdits, showDocumentationCommand } from './code-actions.js';
import {
  eslintRuleName,
  isDiagnosticData,
  severities,
  skippedDiagnostic,
  source,
  toDiagnostic,
  type DiagnosticData,
} from './diagnostics.js';
import { DisabledRanges } from './directives.js';
import { OpenDocuments, type OpenDocument } from './documents.js';
import { EslintConfigs, type EslintRules } from './eslint-config.js';
import { isInNodeModules, isInside, isSupported, normalizeFileName, uriToFileName } from './paths.js';
import { bumpDiskVersion, ProjectService } from './projects.js';
import { defaultSettings, normalizeSettings, type UnblockSettings } from './settings.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time so the version never drifts
const { name: serverName, version: serverVersion } = require('../package.json') as { name: string; version: string };

/** What the client says about itself in `initializationOptions`. */
export interface InitializationOptions {
  /** The workspace is trusted: its ESLint config may be loaded (it runs the workspace's code). */
  readonly trusted?: boolean;
  /** Settings for clients without `workspace/configuration`. */
  readonly settings?: unknown;
}

export interface StatusParams {
  readonly uri: string;
  readonly state: 'ok' | 'error' | 'disabled';
  readonly lastAnalysisMs: number;
  readonly findings: number;
}

export const statusNotification = 'unblock/status';

interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: Diagnostic[];
}

interface ClientSupport {
  pull: boolean;
  refresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchRegistration: boolean;
  progress: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
}

const slowAnalysisMs = 200;

export class UnblockServer {
  /** Push diagnostics this long after the last change. */
  debounceMs = 150;
  private readonly documents = new OpenDocuments();
  private readonly projects: ProjectService;
  private readonly eslintConfigs: EslintConfigs;
  private client: ClientSupport = {
    pull: false,
    refresh: false,
    configuration: false,
    configurationRegistration: false,
    watchRegistration: false,
    progress: false,
    showDocument: false,
    workspaceFolders: false,
  };
  private folders: string[] = [];
  private trusted = false;
  private globalSettings: UnblockSettings = defaultSettings;
  private readonly settingsCache = new Map<string, Promise<UnblockSettings>>();
  /** Push mode: documents waiting for analysis, and the debounce timer. */
  private readonly dirty = new Set<string>();
  private pushTimer: NodeJS.Timeout | undefined;
  private flushing = false;
  /** Pull mode: a pending `workspace/diagnostic/refresh`. */
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly pullResults = new Map<string, { resultId: string; json: string; items: Diagnostic[] }>();
  /** `unblock.run: onSave`: documents edited since they were opened or saved; their diagnostics stay as they were. */
  private readonly unsaved = new Set<string>();
  private resultCounter = 0;
  private readonly loggedOnce = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.projects = new ProjectService({
      documents: this.documents,
      log: (message) => this.log(message),
      bundledTypesRoot: bundledTypesRoot(),
      workspaceFolders: () => this.folders,
    });
    this.eslintConfigs = new EslintConfigs({
      log: (message) => this.log(message),
      warn: (message) => void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    });
  }

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(this.notification('initialized', () => this.initialized()));
    connection.onDidOpenTextDocument(this.notification('textDocument/didOpen', (params) => this.didOpen(params)));
    connection.onDidChangeTextDocument(this.notification('textDocument/didChange', (params) => this.didChange(params)));
    connection.onDidCloseTextDocument(this.notification('textDocument/didClose', (params) => this.didClose(params)));
    connection.onDidSaveTextDocument(this.notification('textDocument/didSave', (params) => this.didSave(params)));
    connection.onDidChangeConfiguration(this.notification('workspace/didChangeConfiguration', (params) => this.didChangeConfiguration(params)));
    connection.onDidChangeWatchedFiles(this.notification('workspace/didChangeWatchedFiles', (params) => this.didChangeWatchedFiles(params)));
    connection.languages.diagnostics.on(this.request('textDocument/diagnostic', (params, token) => this.pullDiagnostics(params, token)));
    connection.onCodeAction(this.request('textDocument/codeAction', (params) => this.codeActions(params)));
    connection.onExecuteCommand(this.request('workspace/executeCommand', (params) => this.executeCommand(params)));
    connection.onShutdown(() => this.shutdown());
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.client = {
      pull: capabilities.textDocument?.diagnostic !== undefined,
      refresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      configuration: capabilities.workspace?.configuration === true,
      configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      progress: capabilities.window?.workDoneProgress === true,
      showDocument: capabilities.window?.showDocument?.support === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    };
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folderUris.flatMap((uri) => uriToFileName(uri) ?? []);
    if (this.folders.length === 0 && params.rootPath) this.folders = [normalizeFileName(params.rootPath)];
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.trusted = options.trusted === true;
    if (options.settings !== undefined) this.globalSettings = this.readSettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
        executeCommandProvider: { commands: [showDocumentationCommand] },
        ...(this.client.pull && { diagnosticProvider: { identifier: 'unblock', interFileDependencies: true, workspaceDiagnostics: false } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
  }

  private async initialized(): Promise<void> {
    const { connection } = this;
    this.log(
      `${serverName} ${serverVersion} (TypeScript ${ts.version}): ${this.client.pull ? 'pull' : 'push'} diagnostics, ` +
        `${this.trusted ? 'trusted' : 'untrusted'} workspace, folders ${this.folders.join(', ') || '(none)'}`,
    );
    if (this.client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((folder) => uriToFileName(folder.uri) ?? []));
        this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => uriToFileName(folder.uri) ?? [])];
      });
    }
    const registrations: Promise<unknown>[] = [];
    if (this.client.configurationRegistration) {
      registrations.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'unblock' }));
    }
    if (this.client.watchRegistration) {
      registrations.push(
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/{tsconfig,jsconfig}*.json' },
            { globPattern: '**/eslint.config.{js,mjs,cjs,ts,mts,cts}' },
            { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' },
          ],
        }),
      );
    }
    const results = await Promise.allSettled(registrations);
    for (const result of results) if (result.status === 'rejected') this.log(`registration failed: ${messageOf(result.reason)}`);
  }

  private didOpen({ textDocument }: DidOpenTextDocumentParams): void {
    this.documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    this.changed(textDocument.uri);
  }

  private async didChange({ textDocument, contentChanges }: DidChangeTextDocumentParams): Promise<void> {
    const outcome = this.documents.change(textDocument.uri, textDocument.version, contentChanges);
    if (outcome === 'not-open') {
      this.log(`ignored a change of ${textDocument.uri}: the document is not open`);
      return;
    }
    if (outcome === 'stale') {
      const current = this.documents.get(textDocument.uri)?.version;
      this.log(`ignored version ${textDocument.version} of ${textDocument.uri}: it is already at version ${current}`);
      return;
    }
    const { run } = await this.settingsFor(textDocument.uri);
    if (run === 'onSave') {
      if (this.documents.get(textDocument.uri)) this.unsaved.add(textDocument.uri);
      return;
    }
    this.changed(textDocument.uri);
  }

  /** `unblock.run: onSave` analyses saved documents; as you type, the edits were analysed already. */
  private async didSave({ textDocument }: DidSaveTextDocumentParams): Promise<void> {
    if (!this.documents.get(textDocument.uri)) return;
    const { run } = await this.settingsFor(textDocument.uri);
    if (run !== 'onSave' && !this.unsaved.has(textDocument.uri)) return;
    this.unsaved.delete(textDocument.uri);
    this.changed(textDocument.uri);
    // Pull clients ask again on edits, not on saves: tell them to.
    if (this.client.pull) this.scheduleRefresh();
  }

  private didClose({ textDocument }: DidCloseTextDocumentParams): void {
    const document = this.documents.get(textDocument.uri);
    const project = document?.fileName === undefined ? undefined : this.projects.assignedProject(document.fileName);
    const neighbours = project ? this.projects.openFilesOf(project) : [];
    this.documents.close(textDocument.uri);
    if (document?.fileName !== undefined) this.projects.close(document.fileName);
    this.dirty.delete(textDocument.uri);
    this.unsaved.delete(textDocument.uri);
    this.pullResults.delete(textDocument.uri);
    if (!this.client.pull) void this.connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    // The closed file is read from disk again: files that import it may see a different version.
    const others = neighbours.flatMap((fileName) => this.documents.byFileName(fileName)?.uri ?? []).filter((uri) => uri !== textDocument.uri);
    if (others.length > 0) this.schedule(others);
  }

  private didChangeConfiguration(params: DidChangeConfigurationParams): void {
    const settings = (params.settings as { unblock?: unknown } | null | undefined)?.unblock;
    if (settings !== undefined) this.globalSettings = this.readSettings(settings);
    this.settingsCache.clear();
    this.eslintConfigs.invalidate();
    this.unsaved.clear();
    this.refreshAll();
  }

  private didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    let configs = false;
    let eslint = false;
    let sources = false;
    let createdOrDeleted = false;
    for (const change of params.changes) {
      const fileName = uriToFileName(change.uri);
      if (fileName === undefined) continue;
      const base = path.basename(fileName);
      if (/^[tj]sconfig.*\.json$/i.test(base)) configs = true;
      else if (/^eslint\.config\.[cm]?[jt]s$/i.test(base)) eslint = true;
      else if (isSupported(fileName, '')) {
        sources = true;
        bumpDiskVersion(fileName);
        if (change.type !== FileChangeType.Changed) createdOrDeleted = true;
      }
    }
    if (configs) this.projects.reloadConfig();
    else if (createdOrDeleted) this.projects.reloadFileLists();
    if (eslint) this.eslintConfigs.invalidate();
    if (configs || eslint || sources) {
      this.documents.touch();
      this.refreshAll();
    }
  }

  /** A document changed: it and the other open files of its project need new diagnostics. */
  private changed(uri: string): void {
    this.pullResults.delete(uri);
    const document = this.documents.get(uri);
    const project = document?.fileName === undefined ? undefined : this.projects.assignedProject(document.fileName);
    // Just opened, no project yet: it may be a file other open files import but that is not on disk (yet).
    const neighbours = project
      ? this.projects.openFilesOf(project).flatMap((fileName) => this.documents.byFileName(fileName)?.uri ?? [])
      : this.documents.all().map((other) => other.uri);
    this.schedule([uri, ...neighbours.filter((other) => other !== uri)], uri);
  }

  /**
   * Push: analyse `uris` once the edits pause. Pull: the client asks for the edited document itself; ask it to
   * pull again for the others (cross-file effects).
   */
  private schedule(uris: readonly string[], edited?: string): void {
    if (this.client.pull) {
      if (uris.some((uri) => uri !== edited)) this.scheduleRefresh();
      return;
    }
    for (const uri of uris) this.dirty.add(uri);
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.flush().catch((error: unknown) => this.logError('publishing diagnostics', error));
    }, this.debounceMs);
  }

  private refreshAll(): void {
    this.pullResults.clear();
    this.schedule(this.documents.all().map((document) => document.uri));
  }

  private scheduleRefresh(): void {
    if (!this.client.refresh) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch((error: unknown) => this.logError('workspace/diagnostic/refresh', error));
    }, this.debounceMs);
  }

  /** Push mode: analyse the waiting documents one by one, letting new messages in between. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.dirty.size > 0 && this.pushTimer === undefined) {
        const batch = [...this.dirty];
        this.dirty.clear();
        for (const uri of batch) {
          if (this.dirty.has(uri)) continue; // edited again meanwhile: the next batch has it
          try {
            const analysis = await this.analyseReporting(uri);
            if (analysis && !this.dirty.has(uri)) {
              await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
            }
          } catch (error) {
            this.logError(`analysing ${uri}`, error);
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async pullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    if (token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    }
    const previous = this.pullResults.get(uri);
    // `unblock.run: onSave`: an edited, unsaved document keeps the diagnostics of its last analysis.
    if (previous && this.unsaved.has(uri)) {
      return params.previousResultId === previous.resultId
        ? { kind: 'unchanged', resultId: previous.resultId }
        : { kind: 'full', resultId: previous.resultId, items: previous.items };
    }
    const analysis = await this.analyseReporting(uri);
    if (!analysis) return { kind: 'full', items: [] };
    const json = JSON.stringify(analysis.diagnostics);
    if (previous && previous.json === json && params.previousResultId === previous.resultId) {
      return { kind: 'unchanged', resultId: previous.resultId };
    }
    const resultId = String(++this.resultCounter);
    this.pullResults.set(uri, { resultId, json, items: analysis.diagnostics });
    return { kind: 'full', resultId, items: analysis.diagnostics };
  }

  /** `analyse`, telling the client how it went (`unblock/status`). */
  private async analyseReporting(uri: string): Promise<Analysis | undefined> {
    try {
      return await this.analyse(uri);
    } catch (error) {
      this.status({ uri, state: 'error', lastAnalysisMs: 0, findings: 0 });
      throw error;
    }
  }

  /** Diagnostics of an open document at its current version; undefined when it is not open or not analysable. */
  private async analyse(uri: string): Promise<Analysis | undefined> {
    const opened = this.documents.get(uri);
    if (!opened || opened.fileName === undefined || !isSupported(opened.fileName, opened.languageId)) return undefined;
    const fileName = opened.fileName;
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return this.finish(this.documents.get(uri), [], 'disabled', 0, settings);
    if (isInNodeModules(fileName)) return this.finish(this.documents.get(uri), [], 'ok', 0, settings);
    const size = Buffer.byteLength(opened.text);
    if (size > settings.maxFileSize) {
      this.logOnce(`skip:${uri}`, `skipped ${fileName}: ${size} bytes is over unblock.maxFileSize (${settings.maxFileSize})`);
      return this.finish(this.documents.get(uri), [skippedDiagnostic(size, settings.maxFileSize)], 'ok', 0, settings);
    }
    const eslintRules = this.trusted && settings.useEslintConfig !== false ? await this.eslintConfigs.rulesFor(fileName, this.folderOf(fileName)) : undefined;
    for (const problem of eslintRules?.problems ?? []) this.logOnce(`eslint:${problem}`, `the ESLint config of ${fileName}: ignoring ${problem}`);
    if (!this.client.watchRegistration) await this.projects.reloadIfStale(fileName);
    let progress: WorkDoneProgressServerReporter | undefined;
    if (this.client.progress && !this.projects.isLoaded(fileName)) progress = await this.connection.window.createWorkDoneProgress();

    // From here on synchronous: the program and the document are the same version.
    const document = this.documents.get(uri);
    if (!document) {
      progress?.done();
      return undefined;
    }
    const started = performance.now();
    let findings: Finding[];
    let sourceFile: ts.SourceFile | undefined;
    try {
      progress?.begin('unblock', undefined, `Loading the TypeScript project of ${path.basename(fileName)}`);
      const project = this.projects.projectFor(fileName);
      progress?.report(`Building ${path.basename(project.name)}`);
      const options = checkOptions(eslintRules, settings);
      const edit = project.prepareCheck(fileName, document.text, options);
      const run = () => {
        const program = project.getProgram();
        progress?.done();
        progress = undefined;
        const file = program.getSourceFile(fileName);
        return { file, findings: file ? project.check(program, file, options, edit) : [] };
      };
      let result: ReturnType<typeof run>;
      try {
        result = run();
      } catch (error) {
        if (!isTypeScriptAssertion(error)) throw error;
        // An incrementally parsed tree TypeScript itself rejects, maybe of another open file of the project (its
        // failed update leaves the program unusable): parse them all afresh, once.
        this.log(`TypeScript failed on an incremental parse in ${project.name} (${messageOf(error).split('\n')[0]}); parsing its open files afresh`);
        for (const open of this.projects.openFilesOf(project)) this.documents.byFileName(open)?.parseAfresh();
        document.parseAfresh();
        this.documents.touch();
        result = run();
      }
      sourceFile = result.file;
      findings = result.findings;
      if (!sourceFile) this.logOnce(`missing:${fileName}`, `${fileName} is not in the program of ${project.name}`);
    } finally {
      progress?.done();
    }
    const disabled = sourceFile && new DisabledRanges(sourceFile);
    const diagnostics = findings
      .filter((finding) => !disabled?.isDisabled(eslintRuleName(ruleNames[finding.kind]), finding.range[0]))
      .flatMap((finding) => {
        const severity = severityOf(finding, eslintRules, settings);
        return severity === undefined ? [] : [toDiagnostic(finding, document.document, severity)];
      })
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const elapsed = Math.round(performance.now() - started);
    if (elapsed > slowAnalysisMs) this.log(`analysing ${fileName} took ${elapsed} ms (${diagnostics.length} findings)`);
    else if (settings.trace === 'verbose') this.log(`analysed ${fileName} in ${elapsed} ms (${diagnostics.length} findings)`);
    return this.finish(document, diagnostics, 'ok', elapsed, settings);
  }

  private finish(
    document: OpenDocument | undefined,
    diagnostics: Diagnostic[],
    state: StatusParams['state'],
    elapsed: number,
    settings: UnblockSettings,
  ): Analysis | undefined {
    if (!document) return undefined;
    if (settings.trace !== 'off' && state === 'disabled') this.log(`unblock is disabled for ${document.uri}`);
    this.status({ uri: document.uri, state, lastAnalysisMs: elapsed, findings: diagnostics.length });
    return { uri: document.uri, version: document.version, diagnostics };
  }

  private status(params: StatusParams): void {
    void this.connection.sendNotification(statusNotification, params);
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    // Source actions run only when asked for by kind (on save, or from a "Source Action…" menu).
    const wantsFixAll = only !== undefined && wants(fixAllKind);
    const ours = wants(CodeActionKind.QuickFix)
      ? params.context.diagnostics.filter((diagnostic) => diagnostic.source === source && diagnostic.code !== 'file-too-large')
      : [];
    const initial = this.documents.get(uri);
    if (!initial || (ours.length === 0 && !wantsFixAll)) return [];
    // Diagnostics carry their fixes; analyse again only when they are from an older version (or lost their data).
    const stale = ours.some((diagnostic) => !isDiagnosticData(diagnostic.data) || diagnostic.data.version !== initial.version);
    const fresh = stale || wantsFixAll ? await this.analyse(uri) : undefined;
    const document = this.documents.get(uri);
    if (!document || (fresh && fresh.version !== document.version)) return [];
    const current = (diagnostic: Diagnostic): DiagnosticData | undefined => {
      if (isDiagnosticData(diagnostic.data) && diagnostic.data.version === document.version) return diagnostic.data;
      const match = fresh?.diagnostics.find((candidate) => candidate.code === diagnostic.code && sameRange(candidate, diagnostic));
      return match && isDiagnosticData(match.data) ? match.data : undefined;
    };
    const actions: CodeAction[] = [];
    const sourceFile = ours.length > 0 ? this.sourceFileOf(document) : undefined;
    const seen = new Set<string>();
    for (const diagnostic of ours) {
      const data = current(diagnostic);
      if (data) actions.push(...actionsFor(diagnostic, data, document.document, sourceFile, seen));
    }
    if (wantsFixAll && fresh) {
      const fixes = fresh.diagnostics.flatMap((diagnostic) => (isDiagnosticData(diagnostic.data) ? [diagnostic.data.fixes] : []));
      actions.push({
        title: 'Fix all safe unblock problems',
        kind: fixAllKind,
        edit: { changes: { [uri]: safeFixEdits(fixes, document.document) } },
      });
    }
    return actions;
  }

  private sourceFileOf(document: OpenDocument): ts.SourceFile | undefined {
    if (document.fileName === undefined) return undefined;
    const project = this.projects.assignedProject(document.fileName);
    return project?.getProgram().getSourceFile(document.fileName);
  }

  private async executeCommand(params: ExecuteCommandParams): Promise<null> {
    if (params.command !== showDocumentationCommand) {
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${params.command}`);
    }
    const url: unknown = params.arguments?.[0];
    if (typeof url !== 'string' || !/^https:\/\//.test(url)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${showDocumentationCommand} takes the https URL of a page`);
    }
    if (this.client.showDocument) await this.connection.window.showDocument({ uri: url, external: true });
    else void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `unblock documentation: ${url}` });
    return null;
  }

  private shutdown(): void {
    clearTimeout(this.pushTimer);
    clearTimeout(this.refreshTimer);
    this.dirty.clear();
    this.projects.dispose();
  }

  private settingsFor(uri: string): Promise<UnblockSettings> {
    if (!this.client.configuration) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'unblock' }).then(
        (raw: unknown) => (raw === null || raw === undefined ? this.globalSettings : this.readSettings(raw)),
        (error: unknown) => {
          this.logError('workspace/configuration', error);
          return this.globalSettings;
        },
      );
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Editor settings, checked: what is malformed is left out, and said once. */
  private readSettings(raw: unknown): UnblockSettings {
    const problems: string[] = [];
    const settings = normalizeSettings(raw, problems);
    for (const problem of problems) this.logOnce(`setting:${problem}`, `ignoring a setting: ${problem}`);
    return settings;
  }

  /** The workspace folder of a file (ESLint's cwd), else its project's folder, else its own. */
  private folderOf(fileName: string): string {
    const folder = this.folders.filter((candidate) => isInside(candidate, fileName)).sort((a, b) => b.length - a.length)[0];
    return folder ?? this.projects.assignedProject(fileName)?.directory ?? path.dirname(fileName);
  }

  /** Wraps a notification handler: an exception is logged, never fatal. */
  private notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const result = handler(params);
        if (result instanceof Promise) result.catch((error: unknown) => this.logError(name, error));
      } catch (error) {
        this.logError(name, error);
      }
    };
  }

  /** Wraps a request handler: an exception is logged and answered with an error, never fatal. */
  private request<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.logError(name, error);
        throw new ResponseError(ErrorCodes.InternalError, `unblock: ${name} failed: ${messageOf(error)}`);
      }
    };
  }

  private log(message: string): void {
    this.connection.console.log(`[unblock] ${message}`);
  }

  private logOnce(key: string, message: string): void {
    if (this.loggedOnce.has(key)) return;
    this.loggedOnce.add(key);
    this.log(message);
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`[unblock] ${what} failed: ${detail}`);
  }
}

/**
 * The severity to report `finding` with: `unblock.categorySeverity` for its category, else the workspace's ESLint
 * config, else `unblock.severity`. Undefined when the ESLint config turns its rule off or the category is `off`.
 */
function severityOf(finding: Finding, eslintRules: EslintRules | undefined, settings: UnblockSettings): DiagnosticSeverity | undefined {
  const configured = eslintRules?.rules.get(eslintRuleName(ruleNames[finding.kind]));
  if (configured?.severity === 0) return undefined;
  // `user`: APIs from `unblock.deny` and `@blocking` tags, which no category switch covers either.
  const category = finding.api.category;
  const override = category === 'user' ? undefined : settings.categorySeverity[category];
  if (override !== undefined) return override === 'off' ? undefined : severities[override];
  if (!configured) return severities[settings.severity];
  return configured.severity === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
}

/**
 * What each rule checks for: a rule the workspace's ESLint config sets takes its options there, over the config's
 * shared `settings.unblock` (a rule it turns off is not checked); otherwise the editor's settings.
 */
function checkOptions(eslintRules: EslintRules | undefined, settings: UnblockSettings): CheckOptions {
  const forRule = (kind: FindingKind) => {
    const configured = eslintRules?.rules.get(eslintRuleName(ruleNames[kind]));
    if (configured?.severity === 0) return undefined;
    return detectorOptions(configured && eslintRules ? mergeOptions(eslintRules.shared, configured.options) : settings);
  };
  return { direct: forRule('direct'), indirect: forRule('indirect') };
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/** TypeScript's internal `Debug.assert` failures ("Debug Failure. …"). */
function isTypeScriptAssertion(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Debug Failure');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `@types` folder holding the server's own `@types/node`. */
function bundledTypesRoot(): string | undefined {
  try {
    return path.dirname(path.dirname(require.resolve('@types/node/package.json'))).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}
