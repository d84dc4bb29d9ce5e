#!/usr/bin/env node
/**
 * `unblock-language-server --stdio`: the LSP server (also `--node-ipc`, `--socket=<port>`; stdio when none is given).
 * This file is the wiring: it routes each LSP message to the module that owns it — documents (`documents.ts`),
 * projects (`projects/`), settings (`configuration.ts`), scheduling (`scheduler.ts`), analysis (`analysis.ts`), code
 * actions (`code-actions.ts`) — and keeps a failing handler from taking the server down.
 */
// First: the compile cache covers what is loaded after it.
import { flushCompileCache } from './compile-cache.js';
import * as path from 'node:path';
import * as ts from 'typescript';
import {
  createConnection,
  ErrorCodes,
  FileChangeType,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Analyzer } from './analysis.js';
import { clientSupport, registerCapabilities, serverCapabilities, workspaceFolders, type ClientSupport } from './capabilities.js';
import { chainActionResolved, codeActions, showDocumentation } from './code-actions.js';
import { checkOptions, Configuration } from './configuration.js';
import { OpenDocuments } from './documents.js';
import { Log, messageOf } from './log.js';
import { limitHeapGrowth } from './memory.js';
import { paramsProblem } from './params.js';
import { isSupported, uriToFileName } from './paths.js';
import { PreliminaryAnswers } from './preliminary.js';
import { bumpDiskVersion } from './projects/disk-cache.js';
import { ProjectService } from './projects/project-service.js';
import { bundledTypesRoot } from './projects/tsconfig.js';
import type { InitializationOptions } from './protocol.js';
import { Scheduler } from './scheduler.js';
import { defaultSettings } from './settings.js';
import { Startup } from './startup.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time so the version never drifts
const { name: serverName, version: serverVersion } = require('../package.json') as { name: string; version: string };

export class UnblockServer {
  private readonly log: Log;
  private readonly documents = new OpenDocuments();
  private readonly projects: ProjectService;
  private readonly configuration: Configuration;
  private readonly analyzer: Analyzer;
  private readonly preliminary: PreliminaryAnswers;
  private readonly startup: Startup;
  private scheduler: Scheduler | undefined;
  private client: ClientSupport = clientSupport({ capabilities: {} } as InitializeParams);

  constructor(private readonly connection: Connection) {
    const log = (this.log = new Log(connection.console));
    const startup = (this.startup = new Startup((message) => log.info(message)));
    this.projects = new ProjectService({
      documents: this.documents,
      log: (message) => log.info(message),
      bundledTypesRoot: bundledTypesRoot(),
      workspaceFolders: () => this.configuration.folders,
    });
    this.configuration = new Configuration(connection, () => this.client, log);
    const { documents, projects, configuration } = this;
    const preliminary = new PreliminaryAnswers({ connection, client: () => this.client, projects, log, typesLoaded: () => this.scheduler?.refreshAll() });
    this.analyzer = new Analyzer({ connection, client: () => this.client, documents, projects, configuration, log, preliminary, startup });
    this.preliminary = preliminary;
  }

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(this.notification('initialized', () => this.initialized()));
    connection.onDidOpenTextDocument(
      this.notification('textDocument/didOpen', ({ textDocument: { uri, languageId, version, text } }) => {
        this.startup.mark('didOpen');
        this.documents.open(uri, languageId, version, text);
        this.scheduled().changed(uri);
      }),
    );
    connection.onDidChangeTextDocument(this.notification('textDocument/didChange', (params) => this.didChange(params)));
    connection.onDidSaveTextDocument(
      this.notification('textDocument/didSave', async ({ textDocument: { uri } }) => {
        if (!this.documents.get(uri)) return;
        const { run } = await this.configuration.settingsFor(uri);
        this.scheduled().saved(uri, run === 'onSave');
      }),
    );
    connection.onDidCloseTextDocument(this.notification('textDocument/didClose', ({ textDocument: { uri } }) => this.didClose(uri)));
    connection.onDidChangeConfiguration(
      this.notification('workspace/didChangeConfiguration', async (params) => {
        if (!(await this.configuration.changed((params.settings as { unblock?: unknown } | null | undefined)?.unblock))) return;
        this.configuration.eslintChanged();
        this.scheduled().refreshAll({ settingsChanged: true });
      }),
    );
    connection.onDidChangeWatchedFiles(this.notification('workspace/didChangeWatchedFiles', (params) => this.didChangeWatchedFiles(params)));
    connection.languages.diagnostics.on(
      this.request('textDocument/diagnostic', (params, token) => {
        this.startup.mark('pull');
        return this.scheduled().pull(params, token);
      }),
    );
    connection.onCodeAction(this.request('textDocument/codeAction', (params) => codeActions(params, { documents: this.documents, analyzer: this.analyzer, client: () => this.client })));
    connection.onCodeActionResolve(
      this.request('codeAction/resolve', (action) =>
        chainActionResolved(action, { documents: this.documents, analyzer: this.analyzer, client: () => this.client }, (message) =>
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
        ),
      ),
    );
    connection.onExecuteCommand(this.request('workspace/executeCommand', (params) => showDocumentation(params, connection, this.client.showDocument)));
    connection.onShutdown(() => {
      this.scheduler?.dispose();
      this.preliminary.dispose();
      this.projects.dispose();
    });
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.startup.mark('initialize');
    this.client = clientSupport(params);
    this.configuration.folders = workspaceFolders(params);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.configuration.trusted = options.trusted === true;
    this.configuration.received(options.settings);
    this.preliminary.enabled = options.preliminary !== false;
    const { connection, documents, projects, log, analyzer } = this;
    this.scheduler = new Scheduler({
      pull: this.client.pull,
      refresh: this.client.refresh,
      documents,
      projects,
      log,
      analyse: (uri) => analyzer.analyseReporting(uri),
      publish: (diagnostics) => connection.sendDiagnostics(diagnostics),
      requestRefresh: () => connection.languages.diagnostics.refresh(),
      answered: ({ uri, diagnostics, preliminary }) => {
        if (this.startup.answered(uri, diagnostics.length, preliminary === true)) flushCompileCache();
      },
    });
    return { capabilities: serverCapabilities(this.client), serverInfo: { name: serverName, version: serverVersion } };
  }

  private async initialized(): Promise<void> {
    this.startup.mark('initialized');
    this.configuration.prefetch();
    const { folders, trusted } = this.configuration;
    this.log.info(
      `${serverName} ${serverVersion} (TypeScript ${ts.version}): ${this.client.pull ? 'pull' : 'push'} diagnostics, ` +
        `${trusted ? 'trusted' : 'untrusted'} workspace, folders ${folders.join(', ') || '(none)'}`,
    );
    if (this.client.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((folder) => uriToFileName(folder.uri) ?? []));
        const added = event.added.flatMap((folder) => uriToFileName(folder.uri) ?? []);
        this.configuration.folders = [...this.configuration.folders.filter((folder) => !removed.has(folder)), ...added];
      });
    }
    await registerCapabilities(this.connection, this.client, this.log);
    // While no document is open yet: the first one is answered sooner by code that has run once.
    setImmediate(() => {
      if (this.documents.all().length > 0) return;
      try {
        this.preliminary.warmUp(checkOptions(undefined, defaultSettings), this.configuration.folders);
      } catch (error) {
        this.log.failed('warming up the preliminary pass', error);
      }
    });
  }

  private async didChange({ textDocument, contentChanges }: DidChangeTextDocumentParams): Promise<void> {
    const outcome = this.documents.change(textDocument.uri, textDocument.version, contentChanges);
    if (outcome === 'not-open') {
      this.log.info(`ignored a change of ${textDocument.uri}: the document is not open`);
      return;
    }
    if (outcome === 'stale') {
      const current = this.documents.get(textDocument.uri)?.version;
      this.log.info(`ignored version ${textDocument.version} of ${textDocument.uri}: it is already at version ${current}`);
      return;
    }
    const { run } = await this.configuration.settingsFor(textDocument.uri);
    if (run === 'onSave') this.scheduled().editedUnsaved(textDocument.uri);
    else this.scheduled().changed(textDocument.uri);
  }

  private didClose(uri: string): void {
    const document = this.documents.get(uri);
    const project = document?.fileName === undefined ? undefined : this.projects.assignedProject(document.fileName);
    const neighbours = project ? this.projects.openFilesOf(project) : [];
    this.documents.close(uri);
    if (document?.fileName !== undefined) this.projects.close(document.fileName);
    // The closed file is read from disk again: files that import it may see a different version.
    const others = neighbours.flatMap((fileName) => this.documents.byFileName(fileName)?.uri ?? []).filter((other) => other !== uri);
    this.scheduled().closed(uri, others);
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
    if (eslint) this.configuration.eslintChanged();
    if (configs || eslint || sources) {
      this.documents.touch();
      this.scheduled().refreshAll();
    }
  }

  /** The scheduler, made at `initialize` (it depends on what the client supports). */
  private scheduled(): Scheduler {
    if (!this.scheduler) throw new Error('the client has not sent `initialize` yet');
    return this.scheduler;
  }

  /** Wraps a notification handler: an exception is logged, never fatal. */
  private notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const result = handler(params);
        if (result instanceof Promise) result.catch((error: unknown) => this.log.failed(name, error));
      } catch (error) {
        this.log.failed(name, error);
      }
    };
  }

  /**
   * Wraps a request handler: before `initialize` it is not run (ServerNotInitialized); params without what the
   * method needs are Invalid params; an exception is logged and answered with an error, never fatal.
   */
  private request<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      if (!this.scheduler) throw new ResponseError(ErrorCodes.ServerNotInitialized, `unblock: ${name} before \`initialize\``);
      const problem = paramsProblem(name, params);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `unblock: ${name}: ${problem}`);
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.log.failed(name, error);
        throw new ResponseError(ErrorCodes.InternalError, `unblock: ${name} failed: ${messageOf(error)}`);
      }
    };
  }
}

function main(args: readonly string[]): void {
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${serverVersion}\n`);
    process.exit(0);
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: unblock-language-server [--stdio | --node-ipc | --socket=<port>]\n');
    process.exit(0);
  }
  limitHeapGrowth();
  const transport = args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
  const connection = transport ? createConnection() : createConnection(process.stdin, process.stdout);
  // A bug in a handler must not take the editor's diagnostics down with it: log and carry on.
  const report = (what: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      connection.console.error(`[unblock] ${what}: ${detail}`);
    } catch {
      process.stderr.write(`[unblock] ${what}: ${detail}\n`);
    }
  };
  process.on('uncaughtException', (error) => report('uncaught exception', error));
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
  new UnblockServer(connection).listen();
}

main(process.argv.slice(2));
