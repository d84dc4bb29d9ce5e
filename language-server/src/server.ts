#!/usr/bin/env node
/**
 * `unblock-language-server --stdio`: the LSP server. Also `--node-ipc` and `--socket=<port>`; stdio when none
 * is given.
 */
import { createConnection } from 'vscode-languageserver/node';
import { limitHeapGrowth } from './memory.js';
import { UnblockServer } from './unblock-server.js';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
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
process.on('uncaughtException', (error) => report('uncaught exception', error));
process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));

function report(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    connection.console.error(`[unblock] ${what}: ${detail}`);
  } catch {
    process.stderr.write(`[unblock] ${what}: ${detail}\n`);
  }
}

new UnblockServer(connection).listen();
