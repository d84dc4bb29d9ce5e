/** The "unblock" language status item (the `{}` in the status bar): what the server said about the active file. */
import type { StatusParams } from 'unblock-language-server/protocol';
import * as vscode from 'vscode';
import { analysisDetail, findingsText } from './status-text.js';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  /** The time of the last analysis that ran (not cached) per file. */
  private readonly lastRunMs = new Map<string, number>();
  /** Set while the server is starting or after it failed: shown whatever the file. */
  private serverState: { kind: 'starting' } | { kind: 'failed'; detail: string } | undefined;

  constructor(selector: vscode.DocumentSelector, showOutputCommand: string) {
    this.item = vscode.languages.createLanguageStatusItem('unblock.status', selector);
    this.item.name = 'Unblock';
    this.item.command = { title: 'Show Output', command: showOutputCommand };
    this.render();
  }

  starting(): void {
    this.serverState = { kind: 'starting' };
    this.render();
  }

  running(): void {
    this.serverState = undefined;
    this.render();
  }

  failed(detail: string): void {
    this.serverState = { kind: 'failed', detail };
    this.render();
  }

  reset(): void {
    this.byUri.clear();
    this.lastRunMs.clear();
    this.serverState = undefined;
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    if (params.state === 'ok' && !params.cached) this.lastRunMs.set(params.uri, params.lastAnalysisMs);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.render();
  }

  show(uri: vscode.Uri | undefined): void {
    this.render(uri);
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(uri = vscode.window.activeTextEditor?.document.uri): void {
    const item = this.item;
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;
    if (this.serverState?.kind === 'starting') {
      item.busy = true;
      item.text = 'unblock: starting';
      item.detail = 'loading the language server';
      return;
    }
    if (this.serverState?.kind === 'failed') {
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = 'unblock: stopped';
      item.detail = this.serverState.detail;
      return;
    }
    const status = uri && this.byUri.get(uri.toString());
    if (!status) {
      item.text = 'unblock';
      item.detail = 'not analysed yet';
      return;
    }
    switch (status.state) {
      case 'disabled':
        item.text = 'unblock: off';
        item.detail = 'unblock.enable is false';
        return;
      case 'error':
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.text = 'unblock: analysis failed';
        item.detail = 'see the Unblock output';
        return;
      case 'loading-types':
        item.busy = true;
        item.text = 'unblock: loading types…';
        item.detail = `${status.findings} blocking call${status.findings === 1 ? '' : 's'} found without types so far; quick fixes once types are in`;
        return;
      case 'ok':
        item.text = status.findings === 0 ? '$(check) unblock: no blocking calls' : `unblock: ${findingsText(status.findings)}`;
        item.detail = analysisDetail(status, this.lastRunMs.get(status.uri));
        return;
    }
  }
}
