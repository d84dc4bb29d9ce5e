/**
 * How many times the VS Code client starts a crashed server again (apart from `extension.ts`, which needs VS Code):
 * up to 4 restarts within 3 minutes, as vscode-languageclient's own handler allows; the 5th crash in that time ends it.
 */

export interface CrashLimit {
  /** Restarts allowed within `withinMs`. */
  readonly restarts: number;
  readonly withinMs: number;
}

export const crashLimit: CrashLimit = { restarts: 4, withinMs: 3 * 60_000 };

/** The crashes of one language client (a restart the user asks for builds a new client, with a new budget). */
export class CrashBudget {
  private readonly crashes: number[] = [];

  constructor(
    private readonly limit: CrashLimit = crashLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when a new server may start (it is within the limit). */
  crashed(): boolean {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) > this.limit.withinMs) this.crashes.shift();
    return this.crashes.length <= this.limit.restarts;
  }

  /** Why no new server starts: for the client's error message. */
  refusal(name: string): string {
    const crashes = this.limit.restarts + 1;
    return `The ${name} server crashed ${crashes} times in the last ${this.limit.withinMs / 60_000} minutes and will not be started again. See the Unblock output; "Unblock: Restart Server" starts it.`;
  }
}
