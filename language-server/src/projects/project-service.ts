/**
 * The projects of the open files: each file's nearest tsconfig.json / jsconfig.json project (through solution-style
 * references), else the inferred project of its workspace folder; reloaded when configs or file lists change. All
 * projects share one DocumentRegistry, so a file two projects read is parsed once.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as ts from 'typescript';
import { fileKey, isInside, isJavaScript } from '../paths.js';
import { forgetDiskSnapshots } from './disk-cache.js';
import { Project, type ProjectHost } from './project.js';
import { findNearestConfig, inferredOptions, parseConfig } from './tsconfig.js';

export class ProjectService {
  private readonly registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames);
  /** By config file key. */
  private readonly configured = new Map<string, Project>();
  /** By folder key. */
  private readonly inferred = new Map<string, Project>();
  /** Open file → its project. */
  private readonly assigned = new Map<string, Project>();

  constructor(private readonly host: ProjectHost) {}

  /** Whether the file's project is loaded (otherwise `projectFor` loads it: worth a progress report). */
  isLoaded(fileName: string): boolean {
    const project = this.assigned.get(fileKey(fileName));
    return project !== undefined && !project.disposed;
  }

  /** The project of an open file, created when needed. */
  projectFor(fileName: string): Project {
    const key = fileKey(fileName);
    const known = this.assigned.get(key);
    if (known && !known.disposed) return known;
    const project = this.findProject(fileName);
    this.assigned.set(key, project);
    return project;
  }

  /** Projects that hold open documents, with those documents' file names. */
  openFilesOf(project: Project): string[] {
    return this.host.documents
      .all()
      .flatMap((document) => (document.fileName !== undefined && this.assigned.get(fileKey(document.fileName)) === project ? [document.fileName] : []));
  }

  assignedProject(fileName: string): Project | undefined {
    const project = this.assigned.get(fileKey(fileName));
    return project?.disposed ? undefined : project;
  }

  /** A document was closed: drop it from the project, and the project when nothing open uses it any more. */
  close(fileName: string): void {
    const key = fileKey(fileName);
    const project = this.assigned.get(key);
    this.assigned.delete(key);
    if (!project) return;
    project.forget(fileName);
    project.removeRoot(fileName);
    if (![...this.assigned.values()].includes(project)) this.disposeProject(project);
  }

  /**
   * Without file watching: reload the file's project when its config changed on disk or went away.
   * Returns true when it did.
   */
  async reloadIfStale(fileName: string): Promise<boolean> {
    const project = this.assignedProject(fileName);
    if (!project?.configFile) return false;
    for (const [configFile, mtime] of project.stamps) {
      // `mtime` as a Date, like `ts.sys.getModifiedTime` gave it (rounding `mtimeMs` differs from it).
      const now = await fs.stat(configFile).then(
        (stats) => stats.mtime.getTime(),
        () => undefined,
      );
      if (now !== mtime) {
        this.host.log(`${configFile} ${now === undefined ? 'was deleted' : 'changed'}: reloading ${project.name}`);
        this.reloadConfig();
        return true;
      }
    }
    return false;
  }

  /**
   * A config file changed, appeared or went away: drop every project. Open files find their (possibly new or
   * inferred) project on their next analysis. Rare enough that reloading everything is the simple, right answer.
   */
  reloadConfig(): void {
    for (const project of this.projects()) this.disposeProject(project);
  }

  /** Source files were created or deleted: re-read the file lists of configured projects. */
  reloadFileLists(): void {
    for (const project of this.inferred.values()) project.invalidateResolutions();
    for (const project of this.configured.values()) {
      if (!project.configFile) continue;
      const parsed = parseConfig(project.configFile, (message) => this.host.log(message));
      if (!parsed) {
        this.disposeProject(project);
        continue;
      }
      project.reloadFileNames(parsed);
      // An open file deleted on disk stays in its project: the buffer is the truth until it is closed.
      for (const fileName of this.openFilesOf(project)) project.addRoot(fileName);
    }
  }

  projects(): Project[] {
    return [...this.configured.values(), ...this.inferred.values()];
  }

  dispose(): void {
    for (const project of this.projects()) this.disposeProject(project);
  }

  private disposeProject(project: Project): void {
    // The texts only this project read (a file opened from outside the workspace: its folder's files) go with it.
    const readByOthers = new Set(this.projects().flatMap((other) => (other === project ? [] : [...other.diskFiles.keys()])));
    forgetDiskSnapshots([...project.diskFiles].flatMap(([key, fileName]) => (readByOthers.has(key) ? [] : [fileName])));
    project.dispose();
    for (const [key, candidate] of this.configured) if (candidate === project) this.configured.delete(key);
    for (const [key, candidate] of this.inferred) if (candidate === project) this.inferred.delete(key);
    for (const [key, candidate] of this.assigned) if (candidate === project) this.assigned.delete(key);
  }

  private findProject(fileName: string): Project {
    const fileExists = (file: string) => ts.sys.fileExists(file);
    const configFile = findNearestConfig(fileName, fileExists);
    const project = configFile ? this.configuredProject(configFile) : undefined;
    if (project) {
      if (project.includes(fileName)) return project;
      // A solution-style config (`"files": []` and references): the referenced project that includes the file.
      for (const reference of project.projectReferences ?? []) {
        const referenced = this.configuredProject(ts.resolveProjectReferencePath(reference));
        if (referenced?.includes(fileName)) return referenced;
      }
      // Not included (a test file outside `include`): analysed with the project's options, like tsserver would
      // with its own inferred project but with the right `types` and paths. JavaScript needs allowJs.
      if (!isJavaScript(fileName) || project.compilerOptions.allowJs) {
        project.addRoot(fileName);
        return project;
      }
    }
    const inferred = this.inferredProject(fileName);
    inferred.addRoot(fileName);
    return inferred;
  }

  private configuredProject(configFile: string): Project | undefined {
    const key = fileKey(configFile);
    const known = this.configured.get(key);
    if (known) return known;
    const parsed = parseConfig(configFile, (message) => this.host.log(message));
    if (!parsed) return undefined;
    const project = new Project(this.host, this.registry, configFile, path.dirname(configFile), parsed);
    for (const file of parsed.configFiles) project.stamps.set(file, ts.sys.getModifiedTime?.(file)?.getTime());
    this.configured.set(key, project);
    this.host.log(`loaded ${configFile} (${parsed.fileNames.length} files)`);
    return project;
  }

  private inferredProject(fileName: string): Project {
    const folder =
      this.host
        .workspaceFolders()
        .filter((candidate) => isInside(candidate, fileName))
        .sort((a, b) => b.length - a.length)[0] ?? path.dirname(fileName);
    const key = fileKey(folder);
    let project = this.inferred.get(key);
    if (!project) {
      project = new Project(this.host, this.registry, undefined, folder, {
        fileNames: [],
        options: inferredOptions,
        projectReferences: undefined,
        configFiles: [],
      });
      this.inferred.set(key, project);
      this.host.log(`created the inferred project of ${folder}`);
    }
    return project;
  }
}
