/**
 * The LSP client of the integration tests: the shared one (scripts/lib/lsp-client.mjs) on the BUILT server
 * (`node dist/server.js --stdio`), with what the tests ask of it. Every wait has an explicit deadline and says what
 * it waited for.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf, withTimeout } from '../../../scripts/lib/lsp-client.mjs';

export { uriOf };

const execFileAsync = promisify(execFile);

export const languageServerDir = path.resolve(__dirname, '../..');
export const repoRoot = path.resolve(languageServerDir, '..');
export const serverPath = path.join(languageServerDir, 'dist', 'server.js');
export const fixturesDir = path.join(languageServerDir, 'tests', 'fixtures');

/** Most waits are for a TypeScript program of a few files: seconds, not minutes. */
export const deadline = 20_000;

export interface StartOptions {
  /** Declare `textDocument.diagnostic` (pull) instead of receiving `publishDiagnostics` (push). */
  readonly pull?: boolean;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answer `workspace/configuration` with these settings (and declare the capability). */
  readonly settings?: Record<string, unknown>;
  /** Or per scope, maybe later (`TestClient.settingsOf`; declares the capability too). */
  readonly settingsOf?: (scopeUri: string | undefined) => unknown;
  readonly workspaceFolder?: string;
}

export class TestClient extends LspClient {
  /** What `workspace/configuration` answers for the `unblock` section; tests change it. */
  settings: Record<string, unknown> | undefined;
  /** When set, answers the `unblock` section instead of `settings`, per scope (and may take its time). */
  settingsOf: ((scopeUri: string | undefined) => unknown) | undefined;

  private constructor(settings: Record<string, unknown> | undefined) {
    super({
      name: 'unblock-language-server',
      server: serverPath,
      configuration: (item: { section?: string; scopeUri?: string }) =>
        item.section !== 'unblock' ? null : this.settingsOf ? this.settingsOf(item.scopeUri) : (this.settings ?? null),
    });
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const client = new TestClient(options.settings);
    client.settingsOf = options.settingsOf;
    const capabilities: ClientCapabilities = {
      ...options.capabilities,
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { dataSupport: true, isPreferredSupport: true },
        ...(options.pull && { diagnostic: { dynamicRegistration: false } }),
        ...options.capabilities?.textDocument,
      },
      workspace: {
        ...(options.pull && { diagnostics: { refreshSupport: true } }),
        ...((options.settings || options.settingsOf) && { configuration: true }),
        ...options.capabilities?.workspace,
      },
    };
    // Tests see the typed answers only, unless they ask for the preliminary ones (preliminary.test.ts).
    const initial = options.initializationOptions;
    const initializationOptions = initial === undefined || (typeof initial === 'object' && initial !== null && !Array.isArray(initial)) ? { preliminary: false, ...initial } : initial;
    await client.initialize({ folder: options.workspaceFolder, capabilities, initializationOptions, timeoutMs: deadline });
    return client;
  }

  /** The newest published diagnostics of `uri` once they are for `version` (or any version). */
  lastPublished(uri: string, version?: number): PublishDiagnosticsParams | undefined {
    const last = [...this.published].reverse().find((params) => params.uri === uri);
    return last && (version === undefined || last.version === version) ? last : undefined;
  }

  waitForPublished(uri: string, version?: number, timeoutMs = deadline): Promise<Diagnostic[]> {
    return this.waitFor(`publishDiagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`, () => this.lastPublished(uri, version)?.diagnostics, timeoutMs);
  }

  /** Waits for a publication of `uri` that satisfies `accept`, newer than `after` publications. */
  waitForPublishedMatching(uri: string, description: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = deadline): Promise<Diagnostic[]> {
    return this.waitFor(description, () => {
      const last = this.lastPublished(uri);
      return last && accept(last.diagnostics) ? last.diagnostics : undefined;
    }, timeoutMs);
  }

  async open(uri: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[] | string): Promise<void> {
    const contentChanges = typeof changes === 'string' ? [{ text: changes }] : changes;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async pull(uri: string, timeoutMs = deadline): Promise<Diagnostic[]> {
    const report = await withDeadline(
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
      timeoutMs,
      `textDocument/diagnostic of ${uri}`,
      this,
    );
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
    const actions = await withDeadline(
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only && { only }) } }),
      deadline,
      `textDocument/codeAction of ${uri}`,
      this,
    );
    return actions ?? [];
  }

  async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return withDeadline(this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }), deadline, `executeCommand ${command}`, this);
  }

  /** Sends raw bytes, for malformed messages. */
  async writeRaw(bytes: string): Promise<void> {
    await new Promise<void>((resolve, reject) => this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  override stop(): Promise<void> {
    return super.stop({ timeoutMs: 5_000 });
  }

  override waitFor<T>(description: string, probe: () => T | undefined, timeoutMs = deadline): Promise<T> {
    return super.waitFor(description, probe, timeoutMs);
  }
}

export function withDeadline<T>(promise: Promise<T>, timeoutMs: number, description: string, client?: LspClient): Promise<T> {
  return withTimeout(promise, timeoutMs, description, client && (() => client.context()));
}

/**
 * A fresh copy of a fixture folder. `repo`: under artifacts/ of the repository, so packages (`@types/node`,
 * `eslint`, `bcryptjs`) resolve from its node_modules; `tmp`: in the system temp folder, where nothing resolves.
 */
export async function copyFixture(source: string, where: 'repo' | 'tmp' = 'repo'): Promise<string> {
  const base = where === 'repo' ? path.join(repoRoot, 'artifacts', 'language-server-tests') : os.tmpdir();
  await mkdir(base, { recursive: true });
  const target = await realpath(await mkdtemp(path.join(base, `${path.basename(source)}-`)));
  await cp(source, target, { recursive: true, filter: (file) => !/[\\/](node_modules|dist)$/.test(file) });
  // Config files that must not act in the source tree (an ESLint config there would lint the fixture) end in
  // `.fixture`; the copy gets their real names.
  for (const entry of await readdir(target, { recursive: true })) {
    if (entry.endsWith('.fixture')) await rename(path.join(target, entry), path.join(target, entry.slice(0, -'.fixture'.length)));
  }
  return target;
}

export async function removeFixture(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

export async function readText(fileName: string): Promise<string> {
  return readFile(fileName, 'utf8');
}

/** Applies LSP text edits to a text (edits do not overlap; applied from the end). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const offsetOf = (position: { line: number; character: number }) => (offsets[position.line] ?? text.length) + position.character;
  return [...edits]
    .map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

export function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') offsets.push(index + 1);
  return offsets;
}

/** Lines (1-based) marked `// expect: unblock/<rule>` in a source text, as `line rule`. */
export function expectedMarkers(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const marker = /\/\/ expect: unblock\/(\S+)/.exec(line);
    return marker ? [`${index + 1} ${marker[1]}`] : [];
  });
}

export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`);
}

/** Code, message and range of each diagnostic, for snapshots. */
export function summarize(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (diagnostic) =>
      `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ` +
      `${String(diagnostic.code)} ${diagnostic.message}`,
  );
}

/**
 * Builds the core's and the server's dist/ when a source file is newer than it (`npm test` has built them already).
 * Test files run in parallel processes, so one builds under a lock folder while the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(repoRoot, 'artifacts', 'language-server-build.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  const started = Date.now();
  while (await isStale()) {
    try {
      await mkdir(lock);
    } catch {
      if (Date.now() - started > 120_000) throw new Error(`${lock} is held for two minutes: remove it if no build runs`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (await isStale()) {
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        await execFileAsync(npm, ['run', 'build', '-w', 'core', '-w', 'language-server'], { cwd: repoRoot });
      }
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** Whether a source of the server or of the core is newer than the built server. */
async function isStale(): Promise<boolean> {
  const built = await stat(serverPath).then(
    (stats) => stats.mtimeMs,
    () => 0,
  );
  for (const sources of [path.join(languageServerDir, 'src'), path.join(repoRoot, 'core', 'src')]) {
    const files = await readdir(sources, { recursive: true });
    const times = await Promise.all(files.map(async (file) => (await stat(path.join(sources, file))).mtimeMs));
    if (times.some((time) => time > built)) return true;
  }
  return false;
}
