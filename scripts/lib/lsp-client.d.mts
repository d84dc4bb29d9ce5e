// Types of lsp-client.mjs, for the TypeScript tests that import it.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type {
  CancellationToken,
  ClientCapabilities,
  ConfigurationItem,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  ShowMessageParams,
} from 'vscode-languageserver-protocol';

export { CancellationTokenSource } from 'vscode-languageserver-protocol';

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, context?: () => string): Promise<T>;
export function uriOf(fileName: string): string;

export interface LspClientOptions {
  readonly name?: string;
  readonly server: string;
  readonly args?: readonly string[];
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly configuration?: (item: ConfigurationItem) => unknown;
}

export interface StatusParams {
  readonly uri: string;
  readonly state: string;
  readonly lastAnalysisMs: number;
  readonly findings: number;
}

export class LspClient {
  constructor(options: LspClientOptions);
  readonly name: string;
  configuration: (item: ConfigurationItem) => unknown;
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[];
  readonly logs: string[];
  readonly errorLogs: string[];
  readonly shownMessages: ShowMessageParams[];
  readonly shownDocuments: ShowDocumentParams[];
  readonly statuses: StatusParams[];
  readonly progress: { token: unknown; value: { kind: string } }[];
  readonly progressCreated: unknown[];
  refreshRequests: number;
  stderr: string;
  exitCode: number | null | undefined;
  initializeResult: InitializeResult;
  readonly pid: number | undefined;
  readonly exited: boolean;
  initialize(options?: { folder?: string; capabilities?: ClientCapabilities; initializationOptions?: unknown; timeoutMs?: number }): Promise<InitializeResult>;
  request<R = unknown>(method: string, params: unknown, options?: { timeoutMs?: number; token?: CancellationToken; what?: string }): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  waitFor<T>(description: string, probe: () => T | undefined, timeoutMs?: number): Promise<T>;
  memory(): Promise<{ rssMb: number; peakMb: number }>;
  stop(options?: { timeoutMs?: number }): Promise<void>;
  context(): string;
  record(action: () => unknown): void;
}
