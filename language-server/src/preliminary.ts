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
import * as ts from 'typescript';
import type { Connection } from 'vscode-languageserver/node';
import type { ClientSupport } from './capabilities.js';
import type { Log } from './log.js';
import { isJavaScript } from './paths.js';
import type { Preloaded } from './projects/preload.js';
import type { Project } from './projects/project.js';
import type { ProjectService } from './projects/project-service.js';
import { findNearestConfig, inferredOptions, parseConfig } from './projects/tsconfig.js';

export interface PreliminaryHost {
  readonly connection: Connection;
  client(): ClientSupport;
  readonly projects: ProjectService;
  readonly log: Log;
  /** A project's program is built: every open document needs its typed diagnostics. */
  typesLoaded(): void;
}

/** What `warmUp` checks: the shapes a first file has (imports, `require`, async functions, methods, callbacks). */
const warmUpSamples: ReadonlyArray<readonly [string, string]> = [
  [
    '/unblock-warm-up/sample.ts',
    [
      "import * as fs from 'node:fs';",
      "import { execSync } from 'node:child_process';",
      'export class Sample {',
      "  async read(): Promise<string> { return fs.readFileSync('a', 'utf8') + execSync('b').toString(); }",
      '}',
      "export const handler = async () => [1].map((n) => fs.existsSync(String(n)));",
    ].join('\n'),
  ],
  ['/unblock-warm-up/sample.js', "const { readFileSync } = require('fs');\nmodule.exports = async function load() { return readFileSync('a'); };"],
];

/** Wait this long after a preliminary answer before building the program (which holds the thread for a while). */
const loadDelayMs = 50;

export class PreliminaryAnswers {
  /** Files answered by the preliminary pass whose project is to be loaded, and the timer that will load them. */
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Projects whose first program is being built (read ahead, in slices). */
  private readonly building = new Map<Project, Promise<void>>();
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
    const { projects } = this.host;
    const assigned = projects.assignedProject(fileName);
    if (assigned) return !assigned.loaded;
    // Not opened yet: a loaded project that includes it answers with types at once.
    return !projects.projects().some((project) => project.loaded && project.hasRoot(fileName));
  }

  /**
   * Runs the preliminary pass once on samples held in memory, and reads the first workspace folder's tsconfig.json
   * (nothing is reported, nothing of the workspace runs), while the server waits for its first document: that
   * document is then answered by code already compiled, not by the interpreter (on the demo app, 50 → 20 ms on an
   * idle machine; more on a busy one, where the first squiggle races the editor's own start-up). Returns what it
   * went through: the samples' findings and the config read.
   */
  warmUp(options: CheckOptions, folders: readonly string[]): { findings: number; configFile: string | undefined } {
    if (!this.enabled || !options.direct) return { findings: 0, configFile: undefined };
    const environment = { resolves: () => true, syntheticDefaultImports: true };
    let findings = 0;
    for (const [fileName, text] of warmUpSamples) findings += preliminaryCheck(fileName, text, options.direct, environment).findings.length;
    // Reading a tsconfig.json the same way (its text only; the project is not listed): the first file's is next.
    const configFile = folders[0] && findNearestConfig(path.join(folders[0], 'unblock-warm-up.ts'), (file) => ts.sys.fileExists(file));
    if (configFile) parseConfig(configFile, () => undefined, { listFiles: false });
    return { findings, configFile: configFile || undefined };
  }

  /** The preliminary findings of a document's `text` (none when `no-blocking-call` is off). */
  check(fileName: string, text: string, options: CheckOptions): PreliminaryResult | undefined {
    if (!options.direct) return undefined;
    return preliminaryCheck(fileName, text, options.direct, preliminaryEnvironment(fileName, this.compilerOptions(fileName)));
  }

  /**
   * The compiler options the file will be checked with, without listing the project's files: those of its nearest
   * config (a JavaScript file without `allowJs` there, or none: the inferred project's). A solution-style config's
   * referenced projects decide theirs: the project is loaded to know which.
   */
  private compilerOptions(fileName: string): ts.CompilerOptions {
    const assigned = this.host.projects.assignedProject(fileName);
    if (assigned) return assigned.compilerOptions;
    const configFile = findNearestConfig(fileName, (file) => ts.sys.fileExists(file));
    const parsed = configFile ? parseConfig(configFile, () => undefined, { listFiles: false }) : undefined;
    if (configFile && (!parsed || parsed.projectReferences?.length)) return this.host.projects.projectFor(fileName).compilerOptions;
    return parsed && (!isJavaScript(fileName) || parsed.options.allowJs) ? parsed.options : inferredOptions;
  }

  /**
   * Builds the program of the file's project shortly, once the preliminary answer is on its way (finding the
   * project lists its files: that waits too).
   */
  loadSoon(fileName: string): void {
    this.pending.add(fileName);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.loadPending();
    }, loadDelayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private async loadPending(): Promise<void> {
    const fileNames = [...this.pending];
    this.pending.clear();
    try {
      const projects = new Set(fileNames.map((fileName) => this.host.projects.projectFor(fileName)));
      for (const project of projects) {
        await this.build(project).catch((error: unknown) => this.host.log.failed(`loading the types of ${project.name}`, error));
      }
    } catch (error) {
      this.host.log.failed('finding the projects of the open files', error);
    } finally {
      this.host.typesLoaded();
    }
  }

  private async build(project: Project): Promise<void> {
    if (project.disposed || project.loaded) return;
    // Being read ahead already (a file of it opened meanwhile): that build covers it.
    const under = this.building.get(project);
    if (under) return under;
    const building = this.buildNow(project).finally(() => this.building.delete(project));
    this.building.set(project, building);
    return building;
  }

  private async buildNow(project: Project): Promise<void> {
    const { connection, log } = this.host;
    const progress = this.host.client().progress ? await connection.window.createWorkDoneProgress() : undefined;
    const name = project.configFile ? path.relative(project.directory, project.configFile) || project.name : project.name;
    progress?.begin('unblock', undefined, `Loading the types of ${name}`);
    let ahead: Preloaded | undefined;
    try {
      const started = performance.now();
      // Read ahead in slices first: files opened or edited meanwhile get their preliminary answers.
      ahead = await project.readAhead().catch((error: unknown) => {
        log.failed(`reading ${project.name} ahead (the program is built without it)`, error);
        return undefined;
      });
      const building = performance.now();
      if (project.disposed || project.loaded) return;
      const files = project.getProgram().getSourceFiles().length;
      const end = performance.now();
      const slices = ahead?.files.size
        ? `; ${ahead.files.size} files read ahead in ${ahead.slices + 1} slices (${Math.round(ahead.busyMs)} ms of work), then the program built in ${Math.round(end - building)} ms`
        : '';
      log.info(`loaded the types of ${project.name} (${files} files) in ${Math.round(end - started)} ms${slices}`);
    } finally {
      ahead?.release();
      progress?.done();
    }
  }
}
