/**
 * How the server's first answer came about: when, after the process started, its code had loaded, it was
 * initialized, heard of the first document, had its settings and options (with the ESLint config's, where that is
 * read), and answered; and the CPU time it had used. Logged once, with the first answer: the line that tells whether
 * a late first squiggle was the server's doing or the editor's (wall-clock times, so they line up with the editor's
 * own logs). Where types came later, one more line says when the first typed answer went out.
 */
import { performance } from 'node:perf_hooks';
import { counted } from './log.js';

/** The CPU time the process has used (user and system): what the times above would be on an idle machine, about. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A step of the first answer; each is kept the first time it happens. */
export type StartupStep = 'loaded' | 'initialize' | 'initialized' | 'didOpen' | 'pull' | 'settings' | 'options';

export class Startup {
  private readonly steps = new Map<StartupStep, number>();
  private reported = false;
  private typedReported = false;

  /** Made when the server's code has loaded (its `loaded` step). */
  constructor(private readonly log: (message: string) => void) {
    this.mark('loaded');
  }

  mark(step: StartupStep): void {
    if (!this.reported && !this.steps.has(step)) this.steps.set(step, performance.now());
  }

  /** An answer went out: `diagnostics` for `uri`, from the preliminary pass or with types. Whether it was the first. */
  answered(uri: string, diagnostics: number, preliminary: boolean): boolean {
    // Every answer comes here: after the first, only the first typed one has a line to log.
    if (this.reported && (preliminary || this.typedReported)) return false;
    const at = (ms: number) => `+${Math.round(ms)}`;
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    if (!preliminary && !this.typedReported) {
      this.typedReported = true;
      // After preliminary answers: when the types were in, on the same clock.
      if (this.reported) this.log(`first typed answer: ${name}, ${counted(diagnostics, 'diagnostic')}, ${at(performance.now())} ms after the process started`);
    }
    if (this.reported) return false;
    this.reported = true;
    const steps = [...this.steps].map(([step, ms]) => `${step} ${at(ms)}`).join(', ');
    this.log(
      `first answer: ${name}, ${counted(diagnostics, 'diagnostic')}${preliminary ? ' (preliminary, types loading)' : ''}, ` +
        `${at(performance.now())} ms after the process started at ${new Date(performance.timeOrigin).toISOString()} (${steps}; ` +
        `${Math.round(cpuMs())} ms of CPU time)`,
    );
    return true;
  }
}
