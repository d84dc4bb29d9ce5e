/**
 * unblock for VS Code: starts unblock-language-server (bundled as dist/server.js) for JavaScript and TypeScript
 * files, and adds what an editor needs around it: commands, a language status item and the "Unblock" output.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type NodeModule,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  defaultDocumentationUrl,
  showDocumentationCommand,
  statusNotification,
  withServerEnvironment,
  type InitializationOptions,
  type StatusParams,
} from 'unblock-language-server/protocol';
import { CrashBudget } from './crashes.js';
import { StatusItem } from './status.js';

export const languages = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;
const documentSelector = languages.map((language) => ({ scheme: 'file', language }));

/** Commands the extension registers itself; the server lists `unblock.showDocumentation` too (see `ownCommands`). */
const commands = {
  restartServer: 'unblock.restartServer',
  showOutput: 'unblock.showOutput',
  showDocumentation: showDocumentationCommand,
} as const;

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Unblock');
  const status = new StatusItem(documentSelector, commands.showOutput);
  controller = new ServerController(context, output, status);
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand(commands.restartServer, () => controller?.restart('restart requested')),
    vscode.commands.registerCommand(commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(commands.showDocumentation, (url?: unknown) => showDocumentation(url)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => controller?.restart('the workspace is trusted now')),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('unblock.server')) void controller?.restart('unblock.server.* changed');
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => status.show(editor?.document.uri)),
  );
  // Activation ends here, the server starts meanwhile: the extension host (shared by every extension) is not held
  // while it loads. Activated with a JavaScript/TypeScript workspace, the server has loaded when a file opens.
  void controller.begin();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

/** One language client at a time; restarting builds a new one, so server path, runtime and trust are read again. */
class ServerController {
  private client: LanguageClient | undefined;
  private readonly clientSubscriptions: vscode.Disposable[] = [];
  /** Restarts run one after another (trust and settings can change together). */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly status: StatusItem,
  ) {}

  /** The first start, in the queue restarts wait in. */
  begin(): Promise<void> {
    this.queue = this.queue.then(() => this.start());
    return this.queue;
  }

  private async start(): Promise<void> {
    try {
      const client = await this.createClient();
      this.client = client;
      this.status.starting();
      await client.start();
    } catch (error) {
      this.status.failed(`the server did not start: ${messageOf(error)}`);
      this.output.appendLine(`[unblock] the language server did not start: ${messageOf(error)}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const subscription of this.clientSubscriptions.splice(0)) subscription.dispose();
    if (client?.needsStop()) await client.stop();
  }

  restart(reason: string): Promise<void> {
    this.queue = this.queue.then(async () => {
      this.output.appendLine(`[unblock] restarting the language server: ${reason}`);
      await this.stop();
      this.status.reset();
      await this.start();
    });
    return this.queue;
  }

  private async createClient(): Promise<LanguageClient> {
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      // Read when the client starts: a restart (on trust change) sends the new value.
      initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
      errorHandler: restartOnCrash(new CrashBudget()),
      middleware: {
        provideDiagnostics: keepShownWhenCancelled,
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((settings: unknown, index) => (params.items[index]?.section === 'unblock' ? forServer(settings) : settings));
          },
        },
      },
    };
    const client = new LanguageClient('unblock', 'Unblock', await this.serverOptions(), clientOptions);
    ownCommands(client, new Set([commands.showDocumentation]));
    this.clientSubscriptions.push(
      client.onNotification(statusNotification, (params: StatusParams) => this.status.update(params)),
      client.onDidChangeState((event) => {
        if (this.client !== client) return; // an old client, being replaced
        if (event.newState === State.Starting) this.status.starting();
        else if (event.newState === State.Running) this.status.running();
        else this.status.failed('the language server stopped (see the Unblock output)');
      }),
    );
    return client;
  }

  /**
   * The bundled server, or `unblock.server.path`, run with `unblock.server.runtime` (default: VS Code's Node), in
   * the environment that keeps its memory flat over long sessions (`serverEnvironment`), with a compile cache.
   */
  private async serverOptions(): Promise<ServerOptions> {
    const config = vscode.workspace.getConfiguration('unblock.server');
    let module = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    const custom = expandHome(config.get<string>('path')?.trim() ?? '');
    if (custom) {
      if (await exists(custom)) module = custom;
      else void vscode.window.showWarningMessage(`unblock.server.path: ${custom} does not exist; using the bundled language server.`);
    }
    const runtime = expandHome(config.get<string>('runtime')?.trim() ?? '') || undefined;
    // Node's compile cache (Node 22.1+, as VS Code 1.101+ runs extensions with) in the extension's own storage: the
    // server's code is compiled once, and starts about a fifth sooner after. A cache the user set is kept.
    const compileCache = path.join(this.context.globalStorageUri.fsPath, 'compile-cache');
    const env = withServerEnvironment({ NODE_COMPILE_CACHE: compileCache, ...process.env });
    const node: NodeModule = { module, transport: TransportKind.stdio, ...(runtime && { runtime }), options: { env } };
    this.output.appendLine(`[unblock] language server: ${module}${runtime ? ` (runtime ${runtime})` : ''}`);
    return { run: node, debug: { ...node, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } } };
  }
}

/**
 * The server lists `unblock.showDocumentation` in `executeCommandProvider`, and vscode-languageclient registers
 * every listed command: a second registration of a command the extension registered itself fails. Leave ours out.
 */
function ownCommands(client: LanguageClient, own: ReadonlySet<string>): void {
  const feature = client.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) =>
    register({ ...data, registerOptions: { ...data.registerOptions, commands: data.registerOptions.commands.filter((command) => !own.has(command)) } });
}

/**
 * A server that dies is started again. vscode-languageclient's default handler shuts the client down on a write
 * error the stream itself reports — what a write to a server that just died gives (EPIPE) when the client has more
 * to send (the user types on) before it reads that the server's output closed — and a client shut down that way
 * never starts a new server. Here a failed write is logged and the connection's close decides: a new server, within
 * the crash budget. A write fails only once the server's end of the pipe is closed, so the close always follows.
 */
function restartOnCrash(budget: CrashBudget): ErrorHandler {
  return {
    error: (error) => ({ action: ErrorAction.Continue, message: `A message to the server was not delivered: ${error.message}`, handled: true }),
    closed: () => (budget.crashed() ? { action: CloseAction.Restart } : { action: CloseAction.DoNotRestart, message: budget.refusal('unblock') }),
  };
}

/**
 * A pull the client cancels (the file changed again, or a refresh came, while the server worked) gets from
 * vscode-languageclient an empty report, whatever the server answered — and the client shows it: every squiggle
 * of the file blinks off until the next pull is answered. A cancellation instead keeps what is shown and pulls again.
 */
const keepShownWhenCancelled: NonNullable<Middleware['provideDiagnostics']> = async (document, previousResultId, token, next) => {
  const report = await next(document, previousResultId, token);
  if (token.isCancellationRequested) throw new vscode.CancellationError();
  return report;
};

/**
 * `unblock.*` as the server reads it: VS Code's `unblock.trace.server` (the LSP message trace) also sets the
 * server's own log level, and the machine-only `unblock.server.*` stay in the editor.
 */
function forServer(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return settings;
  const copy: Record<string, unknown> = { ...settings };
  delete copy.server;
  const trace = copy.trace;
  copy.trace = typeof trace === 'object' && trace !== null ? (trace as { server?: unknown }).server : trace;
  return copy;
}

/** Opens the rule's page: the URL from a code action of the server, else the `no-blocking-call` page. */
async function showDocumentation(url: unknown): Promise<void> {
  const target = typeof url === 'string' && /^https:\/\//.test(url) ? url : defaultDocumentationUrl;
  await vscode.env.openExternal(vscode.Uri.parse(target, true));
}

async function exists(file: string): Promise<boolean> {
  return fs.promises.access(file).then(
    () => true,
    () => false,
  );
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
