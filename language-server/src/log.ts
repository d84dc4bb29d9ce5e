/** The server's log, the client's output: lines prefixed `[unblock]`, some said only once, failures with their stack. */
import type { RemoteConsole } from 'vscode-languageserver';

export class Log {
  private readonly said = new Set<string>();

  constructor(private readonly console: RemoteConsole) {}

  info(message: string): void {
    this.console.log(`[unblock] ${message}`);
  }

  /** `message` the first time `key` comes up, never again. */
  once(key: string, message: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.info(message);
  }

  failed(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.console.error(`[unblock] ${what} failed: ${detail}`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "1 finding", "2 findings". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
