/**
 * Squiggles while types load. Until a file's TypeScript project has built its first program (opening a file of a
 * large project, or after a tsconfig change reloads it), the file is answered at once by the core's preliminary
 * pass — import tracking on its own syntax tree, which reports only what the typed check confirms — and the
 * project's program is built right after that answer has gone out. Once it is built, every open document is
 * analysed again with types (`typesLoaded`: the client is asked to pull again, or the diagnostics are pushed), so
 * the typed findings replace the preliminary ones. Preliminary diagnostics carry no fixes: quick fixes need types.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { preliminaryCheck, preliminaryEnvironment, type CheckOptions, type PreliminaryResult } from 'unblock-core';
import type { Connection } from 'vscode-languageserver/node';
import type { ClientSupport } from './capabilities.js';
import type { Log } from './log.js';
import type { Project } from './projects/project.js';
import type { ProjectService } from './projects/project-service.js';

export interface PreliminaryHost {
  readonly connection: Connection;
  client(): ClientSupport;
  readonly projects: ProjectService;
  readonly log: Log;
  /** A project's program is built: every open document needs its typed diagnostics. */
  typesLoaded(): void;
}

/** Wait this long after a preliminary answer before building the program (which holds the thread for a while). */
const loadDelayMs = 50;

export class PreliminaryAnswers {
  private readonly queued = new Set<Project>();
  /** `InitializationOptions.preliminary`. */
  enabled = true;

  constructor(private readonly host: PreliminaryHost) {}

  /**
   * Whether `fileName` is answered by the preliminary pass now: its project has no program yet, and the client
   * will hear when the typed result is in (it is pushed to, or takes `workspace/diagnostic/refresh`).
   */
  answers(fileName: string): boolean {
    const client = this.host.client();
    if (!this.enabled || (client.pull && !client.refresh)) return false;
    return !this.host.projects.projectFor(fileName).loaded;
  }

  /** The preliminary findings of a document's `text` (none when `no-blocking-call` is off). */
  check(fileName: string, text: string, options: CheckOptions): PreliminaryResult | undefined {
    const project = this.host.projects.projectFor(fileName);
    if (!options.direct) return undefined;
    return preliminaryCheck(fileName, text, options.direct, preliminaryEnvironment(fileName, project.compilerOptions));
  }

  /** Builds the program of the file's project shortly, once the preliminary answer is on its way. */
  loadSoon(fileName: string): void {
    const project = this.host.projects.projectFor(fileName);
    if (this.queued.has(project)) return;
    this.queued.add(project);
    setTimeout(() => {
      this.build(project)
        .catch((error: unknown) => this.host.log.failed(`loading the types of ${project.name}`, error))
        .finally(() => {
          this.queued.delete(project);
          this.host.typesLoaded();
        });
    }, loadDelayMs);
  }

  private async build(project: Project): Promise<void> {
    if (project.disposed || project.loaded) return;
    const { connection, log } = this.host;
    const progress = this.host.client().progress ? await connection.window.createWorkDoneProgress() : undefined;
    const name = project.configFile ? path.relative(project.directory, project.configFile) || project.name : project.name;
    progress?.begin('unblock', undefined, `Loading the types of ${name}`);
    try {
      const started = performance.now();
      if (project.disposed || project.loaded) return;
      const files = project.getProgram().getSourceFiles().length;
      log.info(`loaded the types of ${project.name} (${files} files) in ${Math.round(performance.now() - started)} ms`);
    } finally {
      progress?.done();
    }
  }
}
