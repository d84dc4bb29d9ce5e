/**
 * Capabilities: what the client can do (from `initialize`), what the server offers in return, and the registrations
 * it makes once initialized (settings changes, file watching).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { messageOf, type Log } from './log.js';
import { normalizeFileName, uriToFileName } from './paths.js';
import { showDocumentationCommand } from './protocol.js';

export interface ClientSupport {
  /** Pull diagnostics (`textDocument/diagnostic`) instead of push. */
  readonly pull: boolean;
  readonly refresh: boolean;
  readonly configuration: boolean;
  readonly configurationRegistration: boolean;
  readonly watchRegistration: boolean;
  readonly progress: boolean;
  readonly showDocument: boolean;
  readonly workspaceFolders: boolean;
  /** Code actions may come disabled, with the reason (`CodeAction.disabled`). */
  readonly disabledActions: boolean;
  /** Workspace edits as versioned `documentChanges`. */
  readonly documentChanges: boolean;
  /** A code action's `edit` may be filled in later, by `codeAction/resolve`. */
  readonly resolveEdits: boolean;
}

export function clientSupport({ capabilities }: InitializeParams): ClientSupport {
  return {
    pull: capabilities.textDocument?.diagnostic !== undefined,
    refresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    progress: capabilities.window?.workDoneProgress === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    disabledActions: capabilities.textDocument?.codeAction?.disabledSupport === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    resolveEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
}

/** The workspace folders as file names: the folders given, else the root. */
export function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const folders = uris.flatMap((uri) => uriToFileName(uri) ?? []);
  return folders.length === 0 && params.rootPath ? [normalizeFileName(params.rootPath)] : folders;
}

export function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: client.resolveEdits },
    executeCommandProvider: { commands: [showDocumentationCommand] },
    ...(client.pull && { diagnosticProvider: { identifier: 'unblock', interFileDependencies: true, workspaceDiagnostics: false } }),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** Files whose changes the server hears about (when the client watches files for it). */
export const watchedFiles = ['**/{tsconfig,jsconfig}*.json', '**/eslint.config.{js,mjs,cjs,ts,mts,cts}', '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/** After `initialized`: ask to hear of `unblock` settings changes and of file changes, where the client lets us. */
export async function registerCapabilities(connection: Connection, client: ClientSupport, log: Log): Promise<void> {
  const registrations: Promise<unknown>[] = [];
  if (client.configurationRegistration) {
    registrations.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'unblock' }));
  }
  if (client.watchRegistration) {
    registrations.push(
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchedFiles.map((globPattern) => ({ globPattern })) }),
    );
  }
  const results = await Promise.allSettled(registrations);
  for (const result of results) if (result.status === 'rejected') log.info(`registration failed: ${messageOf(result.reason)}`);
}
