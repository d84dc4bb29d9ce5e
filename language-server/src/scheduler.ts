/**
 * When documents are analysed and how their diagnostics reach the client. Push clients: analysed once the edits
 * pause, in batches, each published unless edited again meanwhile. Pull clients: analysed when they ask
 * (`textDocument/diagnostic`, "unchanged" when nothing changed), and asked to pull again when an edit may change
 * other files. `unblock.run: onSave`: an edited document keeps its last diagnostics until it is saved.
 */
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import type { Analysis } from './analysis.js';
import type { OpenDocuments } from './documents.js';
import type { Log } from './log.js';
import type { ProjectService } from './projects/project-service.js';

export interface SchedulerHost {
  /** The client pulls diagnostics (else they are pushed). */
  readonly pull: boolean;
  /** The client takes `workspace/diagnostic/refresh`. */
  readonly refresh: boolean;
  readonly documents: OpenDocuments;
  readonly projects: ProjectService;
  readonly log: Log;
  analyse(uri: string): Promise<Analysis | undefined>;
  publish(params: PublishDiagnosticsParams): Promise<void>;
  requestRefresh(): Promise<void>;
  /** An analysis's diagnostics went out (a pull answered, or published). */
  answered?(analysis: Analysis): void;
}

/** The answer to a pull cancelled before its report was ready: the client keeps what it shows and asks again. */
function cancelled(): ResponseError<DiagnosticServerCancellationData> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
}

/** Resolves once the event loop has read its pending input: an immediate in the next loop turn, after its poll. */
function afterPendingInput(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

export class Scheduler {
  /** Push diagnostics (and ask pull clients to refresh) this long after the last change. */
  debounceMs = 150;
  /** Push mode: documents waiting for analysis, and the debounce timer. */
  private readonly dirty = new Set<string>();
  private pushTimer: NodeJS.Timeout | undefined;
  private flushing = false;
  /** Pull mode: a pending `workspace/diagnostic/refresh`, and the last answer per document. */
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly pullResults = new Map<string, { resultId: string; json: string; items: Diagnostic[] }>();
  private resultCounter = 0;
  /** `unblock.run: onSave`: documents edited since they were opened or saved; their diagnostics stay as they were. */
  private readonly unsaved = new Set<string>();

  constructor(private readonly host: SchedulerHost) {}

  /** A document changed: it and the other open files of its project need new diagnostics. */
  changed(uri: string): void {
    const { documents, projects } = this.host;
    this.pullResults.delete(uri);
    const document = documents.get(uri);
    const project = document?.fileName === undefined ? undefined : projects.assignedProject(document.fileName);
    // Just opened, no project yet: it may be a file other open files import but that is not on disk (yet).
    const neighbours = project
      ? projects.openFilesOf(project).flatMap((fileName) => documents.byFileName(fileName)?.uri ?? [])
      : documents.all().map((other) => other.uri);
    this.schedule([uri, ...neighbours.filter((other) => other !== uri)], uri);
  }

  /** `unblock.run: onSave`: the document was edited; its diagnostics wait for the save. */
  editedUnsaved(uri: string): void {
    if (this.host.documents.get(uri)) this.unsaved.add(uri);
  }

  /** The document was saved: analysed now if it waited for the save (or `onSave` applies to it). */
  saved(uri: string, onSave: boolean): void {
    if (!onSave && !this.unsaved.has(uri)) return;
    this.unsaved.delete(uri);
    this.changed(uri);
    // Pull clients ask again on edits, not on saves: tell them to.
    if (this.host.pull) this.scheduleRefresh();
  }

  /** The document was closed; `others`, the open files of its project, may see a different version of it now. */
  closed(uri: string, others: readonly string[]): void {
    this.dirty.delete(uri);
    this.unsaved.delete(uri);
    this.pullResults.delete(uri);
    if (!this.host.pull) void this.host.publish({ uri, diagnostics: [] });
    if (others.length > 0) this.schedule(others);
  }

  /** Settings, configs or files on disk changed: every open document needs new diagnostics. */
  refreshAll({ settingsChanged = false } = {}): void {
    if (settingsChanged) this.unsaved.clear();
    this.pullResults.clear();
    this.schedule(this.host.documents.all().map((document) => document.uri));
  }

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    if (token.isCancellationRequested) throw cancelled();
    const previous = this.pullResults.get(uri);
    // `unblock.run: onSave`: an edited, unsaved document keeps the diagnostics of its last analysis.
    if (previous && this.unsaved.has(uri)) {
      return params.previousResultId === previous.resultId
        ? { kind: 'unchanged', resultId: previous.resultId }
        : { kind: 'full', resultId: previous.resultId, items: previous.items };
    }
    const analysis = await this.host.analyse(uri);
    // Cancelled while it ran (the client asks again for a newer version): a cancellation, never a report. A client
    // may take a report to a cancelled pull as partial; vscode-languageclient shows it as an empty list. The
    // analysis ends synchronously: let the messages that came meanwhile (`$/cancelRequest`) in first.
    await afterPendingInput();
    if (token.isCancellationRequested) throw cancelled();
    if (!analysis) return { kind: 'full', items: [] };
    const json = JSON.stringify(analysis.diagnostics);
    if (previous && previous.json === json && params.previousResultId === previous.resultId) {
      return { kind: 'unchanged', resultId: previous.resultId };
    }
    const resultId = String(++this.resultCounter);
    this.pullResults.set(uri, { resultId, json, items: analysis.diagnostics });
    this.host.answered?.(analysis);
    return { kind: 'full', resultId, items: analysis.diagnostics };
  }

  dispose(): void {
    clearTimeout(this.pushTimer);
    clearTimeout(this.refreshTimer);
    this.dirty.clear();
  }

  /**
   * Push: analyse `uris` once the edits pause. Pull: the client asks for the edited document itself; ask it to
   * pull again for the others (cross-file effects).
   */
  schedule(uris: readonly string[], edited?: string): void {
    if (this.host.pull) {
      if (uris.some((uri) => uri !== edited)) this.scheduleRefresh();
      return;
    }
    for (const uri of uris) this.dirty.add(uri);
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.flush().catch((error: unknown) => this.host.log.failed('publishing diagnostics', error));
    }, this.debounceMs);
  }

  private scheduleRefresh(): void {
    if (!this.host.refresh) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.host.requestRefresh().catch((error: unknown) => this.host.log.failed('workspace/diagnostic/refresh', error));
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
            const analysis = await this.host.analyse(uri);
            if (analysis && !this.dirty.has(uri)) {
              await this.host.publish({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
              this.host.answered?.(analysis);
            }
          } catch (error) {
            this.host.log.failed(`analysing ${uri}`, error);
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
