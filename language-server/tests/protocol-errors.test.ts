/**
 * JSON-RPC errors, over raw stdio: a request before `initialize` gets ServerNotInitialized (-32002); a request
 * without the params its method needs gets Invalid params (-32602), never an internal error (-32603).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, serverPath } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

/** The server over stdio, spoken to in framed JSON-RPC; `answer(id)` waits for the response with that id. */
class RawServer {
  readonly child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverPath, '--stdio']);
  private buffer = Buffer.alloc(0);
  private readonly responses = new Map<number, { result?: unknown; error?: { code: number; message: string } }>();
  private readonly waiting = new Map<number, () => void>();

  constructor() {
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
        if (this.buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as { id?: number; method?: string; result?: unknown; error?: { code: number; message: string } };
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
        if (typeof message.id === 'number' && message.method === undefined) {
          this.responses.set(message.id, message);
          this.waiting.get(message.id)?.();
        } else if (typeof message.id === 'number') {
          this.send({ jsonrpc: '2.0', id: message.id, result: null }); // a request of the server's (registrations)
        }
      }
    });
  }

  send(message: object): void {
    const body = JSON.stringify(message);
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  async request(id: number, method: string, params?: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    this.send({ jsonrpc: '2.0', id, method, ...(params !== undefined && { params }) });
    if (!this.responses.has(id)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no response to ${method} (id ${id})`)), 20_000);
        this.waiting.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.responses.get(id)!;
  }

  async initialize(): Promise<void> {
    await this.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    this.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  }
}

describe('JSON-RPC errors over stdio', () => {
  let server: RawServer | undefined;
  afterEach(() => {
    server?.child.kill();
    server = undefined;
  });

  it('answers requests before initialize with ServerNotInitialized (-32002), then serves after it', async () => {
    server = new RawServer();
    const uri = 'file:///tmp/never-opened.ts';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const [id, method, params] of [
      [10, 'textDocument/diagnostic', { textDocument: { uri } }],
      [11, 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
      [12, 'workspace/executeCommand', { command: 'unblock.showDocumentation', arguments: [] }],
    ] as const) {
      const response = await server.request(id, method, params);
      expect(response.error?.code, method).toBe(-32002);
    }
    await server.initialize();
    expect(await server.request(13, 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })).toEqual(
      expect.objectContaining({ result: [] }),
    );
  });

  it('answers requests without the params they need with Invalid params (-32602), naming what is missing', async () => {
    server = new RawServer();
    await server.initialize();
    const uri = 'file:///tmp/never-opened.ts';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const cases: [string, unknown, RegExp][] = [
      ['textDocument/codeAction', { textDocument: { uri }, range }, /context\.diagnostics/],
      ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [7] } }, /context\.diagnostics/],
      ['textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [] } }, /range/],
      ['textDocument/codeAction', { range, context: { diagnostics: [] } }, /textDocument\.uri/],
      ['textDocument/codeAction', undefined, /textDocument\.uri|received none/],
      ['textDocument/diagnostic', {}, /textDocument\.uri/],
      ['textDocument/diagnostic', { textDocument: { uri: 7 } }, /textDocument\.uri/],
      ['workspace/executeCommand', { arguments: [] }, /command/],
    ];
    let id = 100;
    for (const [method, params, names] of cases) {
      const response = await server.request(id++, method, params);
      expect(response.error, `${method} ${JSON.stringify(params)}`).toEqual({ code: -32602, message: expect.stringMatching(names) });
    }
    // Still serving.
    expect((await server.request(id, 'textDocument/diagnostic', { textDocument: { uri } })).result).toEqual({ kind: 'full', items: [] });
  });
});
