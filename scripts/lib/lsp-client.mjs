// An LSP client over a server's stdio, for the tests, the benchmarks and the soak: spawns a Node server script,
// speaks JSON-RPC (vscode-languageserver-protocol), records what the server sends (logs, published diagnostics,
// statuses, progress, refresh requests, shown messages and documents), answers `workspace/configuration` from a
// function, and waits with deadlines that say what they waited for.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');

/** Cancels a request: `request(method, params, { token: source.token })`, then `source.cancel()`. */
export const { CancellationTokenSource } = protocol;

/** `promise`, or a rejection naming `what` (and `context()`'s account) after `ms`. */
export function withTimeout(promise, ms, what, context) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${context ? `\n${context()}` : ''}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function uriOf(fileName) {
  return pathToFileURL(fileName).href;
}

export class LspClient {
  /**
   * `server`: the script Node runs (with `args`, after `nodeArgs`); `env`: the whole environment (default: this
   * process's); `configuration(item)`: the answer to one `workspace/configuration` item (or a promise of it).
   */
  constructor({ name = 'server', server, args = ['--stdio'], nodeArgs = [], env = process.env, cwd, configuration = () => null }) {
    this.name = name;
    this.configuration = configuration;
    this.published = [];
    this.logs = [];
    this.errorLogs = [];
    this.shownMessages = [];
    this.shownDocuments = [];
    this.statuses = [];
    this.progress = [];
    this.progressCreated = [];
    this.refreshRequests = 0;
    this.stderr = '';
    /** The exit code once the server exited (null when a signal ended it); undefined while it runs. */
    this.exitCode = undefined;
    this.waiters = new Set();
    this.child = spawn(process.execPath, [...nodeArgs, server, ...args], { stdio: 'pipe', env, ...(cwd && { cwd }) });
    this.child.stderr.on('data', (chunk) => (this.stderr = (this.stderr + chunk.toString()).slice(-20_000)));
    this.child.on('exit', (code) => this.record(() => (this.exitCode = code)));
    const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(this.child.stdout), new protocol.StreamMessageWriter(this.child.stdin));
    this.connection = connection;
    connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)));
    connection.onNotification(protocol.LogMessageNotification.type, (params) =>
      this.record(() => {
        this.logs.push(params.message);
        if (params.type === protocol.MessageType.Error) this.errorLogs.push(params.message);
      }),
    );
    connection.onNotification(protocol.ShowMessageNotification.type, (params) => this.record(() => this.shownMessages.push(params)));
    connection.onNotification('unblock/status', (params) => this.record(() => this.statuses.push(params)));
    connection.onNotification('$/progress', (params) => this.record(() => this.progress.push(params)));
    connection.onRequest('workspace/configuration', (params) => Promise.all(params.items.map((item) => this.configuration(item))));
    connection.onRequest('window/workDoneProgress/create', (params) => {
      this.record(() => this.progressCreated.push(params.token));
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.record(() => this.refreshRequests++);
      return null;
    });
    connection.onRequest('window/showDocument', (params) => {
      this.record(() => this.shownDocuments.push(params));
      return { success: true };
    });
    // client/registerCapability and anything a server asks of its editor (eslint/probeFailed, …): accepted.
    connection.onRequest(() => null);
    connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  get exited() {
    return this.exitCode !== undefined;
  }

  /** `initialize` for `folder` (a workspace folder, or none) and `initialized`; the server's answer. */
  async initialize({ folder, capabilities = {}, initializationOptions, timeoutMs = 30_000 } = {}) {
    this.initializeResult = await this.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: folder ? uriOf(folder) : null,
        workspaceFolders: folder ? [{ uri: uriOf(folder), name: path.basename(folder) }] : null,
        capabilities,
        ...(initializationOptions !== undefined && { initializationOptions }),
      },
      { timeoutMs, what: 'the initialize response' },
    );
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** A request, failing after `timeoutMs` with what it waited for; `token` cancels it. */
  request(method, params, { timeoutMs = 60_000, token, what = method } = {}) {
    // A token passed as `undefined` would be sent as a second positional parameter.
    const sent = token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
    return withTimeout(sent, timeoutMs, `${this.name}: ${what}`, () => this.context());
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves with `probe()`'s first defined value, looked at again on every message from the server. */
  waitFor(description, probe, timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}\n${this.context()}`));
      }, timeoutMs);
      if (!waiter.check()) this.waiters.add(waiter);
    });
  }

  /** The server process's resident memory now and at its peak, in MB (NaN without /proc). */
  async memory() {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8').catch(() => '');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** `shutdown` and `exit`, then the process killed if it is still there. */
  async stop({ timeoutMs = 10_000 } = {}) {
    if (!this.exited) {
      try {
        await this.request('shutdown', undefined, { timeoutMs, what: 'the shutdown response' });
        await this.connection.sendNotification('exit');
        await this.waitFor('the server to exit', () => (this.exited ? true : undefined), timeoutMs);
      } catch {
        // killed below
      }
    }
    if (!this.exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }

  /** What the server last said, for a failure's message. */
  context() {
    return `server alive: ${!this.exited}; last log lines:\n  ${this.logs.slice(-15).join('\n  ')}\nstderr: ${this.stderr.slice(-2000)}`;
  }

  /** Notes something the server sent, and lets the waiters look. */
  record(action) {
    action();
    for (const waiter of [...this.waiters]) waiter.check();
  }
}
