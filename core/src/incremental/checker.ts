/**
 * Incremental checking behind one object, for editors: `check(fileName, text, options)` gives an open file's
 * findings in the current program, re-checking as little as is proven enough. It owns what that proof needs: the
 * last findings of each checked file, which files changed between programs, and the order that makes it safe (an edit
 * is looked at before the program is brought up to date, since TypeScript's incremental parser moves the old tree's
 * nodes — the reason the program comes from a function, not an argument).
 */
import ts from 'typescript';
import { checkFile, detectorsFor, type Detectors } from '../analysis/detect.js';
import type { Finding } from '../finding.js';
import type { CheckOptions } from '../options.js';
import { checkedFile, checkEditedFile, prepareEdit, type CheckedFile, type PreparedEdit } from './edit.js';

/** The last findings of an open file, and what they stay valid under. */
interface CheckedEntry {
  readonly file: CheckedFile;
  readonly optionsKey: string;
  /** `epoch` when checked. */
  readonly epoch: number;
  /** The detectors of the program the file was checked in, while that program is the current one. */
  detectors: Detectors | undefined;
}

export interface CheckResult {
  /** Undefined when the program does not hold the file. */
  readonly sourceFile: ts.SourceFile | undefined;
  readonly findings: Finding[];
  /** The file's previous findings, unchanged: nothing they depend on changed, so nothing was checked. */
  readonly reused: boolean;
}

export class IncrementalChecker {
  private currentProgram: ts.Program | undefined;
  /**
   * Bumped when the program changed in a way that may change other files' findings: a file changed on disk, the
   * project's files or options changed, or an edited open file was checked afresh (its edit was not proven local).
   */
  private epoch = 0;
  /** Checked files whose latest change has not been checked yet: nobody knows yet whether it stayed local. */
  private readonly unproven = new Set<string>();
  private readonly checked = new Map<string, CheckedEntry>();
  /** An edit prepared for a check that threw (TypeScript failing on a broken tree): the retry uses it. */
  private pending: { key: string; text: string; edit: PreparedEdit | undefined } | undefined;

  /** `getProgram`: the project's program, brought up to date with the files' current texts (a language service's). */
  constructor(private readonly getProgram: () => ts.Program) {}

  /** The current program. Anything else that needs it asks here, so that the checker sees every new program. */
  program(): ts.Program {
    const program = this.getProgram();
    if (program !== this.currentProgram) this.programChanged(program);
    return program;
  }

  /**
   * Findings of an open file whose text is now `text`: the previous ones when nothing they depend on changed, the
   * edited function re-checked when the edit is proven local, else a check of the whole file.
   */
  check(fileName: string, text: string, options: CheckOptions): CheckResult {
    const key = fileKey(fileName);
    const optionsKey = JSON.stringify(options);
    const edit = this.pending?.key === key && this.pending.text === text ? this.pending.edit : this.prepare(key, text, optionsKey);
    this.pending = undefined;
    try {
      const program = this.program();
      const sourceFile = program.getSourceFile(fileName);
      if (!sourceFile) return { sourceFile, findings: [], reused: false };
      return { sourceFile, ...this.checkSourceFile(program, sourceFile, key, options, optionsKey, edit) };
    } catch (error) {
      this.pending = { key, text, edit };
      throw error;
    }
  }

  /** A file was closed: its findings are no longer kept (and its last change no longer awaits a proof). */
  forget(fileName: string): void {
    const key = fileKey(fileName);
    this.checked.delete(key);
    if (this.unproven.delete(key)) this.epoch++;
  }

  dispose(): void {
    this.checked.clear();
    this.currentProgram = undefined;
  }

  /** An edit of a checked file, looked at while its previous check and the program it was made in are intact. */
  private prepare(key: string, text: string, optionsKey: string): PreparedEdit | undefined {
    const entry = this.checked.get(key);
    if (!entry?.detectors || entry.detectors.program !== this.currentProgram || entry.optionsKey !== optionsKey) return undefined;
    return prepareEdit(entry.file, entry.detectors, text);
  }

  private checkSourceFile(
    program: ts.Program,
    sourceFile: ts.SourceFile,
    key: string,
    options: CheckOptions,
    optionsKey: string,
    edit: PreparedEdit | undefined,
  ): { findings: Finding[]; reused: boolean } {
    const detectors = detectorsFor(program, options);
    const previous = this.checked.get(key);
    const othersSettled = [...this.unproven].every((other) => other === key);
    const valid =
      previous !== undefined &&
      othersSettled &&
      previous.epoch === this.epoch &&
      previous.optionsKey === optionsKey &&
      [...previous.file.linkedFiles].every(([fileName, linked]) => program.getSourceFile(fileName) === linked);
    let findings: readonly Finding[] | undefined;
    const reused = valid && previous.file.sourceFile === sourceFile;
    if (reused) findings = previous.file.findings;
    else if (valid && edit?.previous === previous.file) findings = checkEditedFile(sourceFile, detectors, edit);
    const local = findings !== undefined;
    findings ??= checkFile(sourceFile, detectors);
    if (this.unproven.delete(key) && !local) this.epoch++;
    this.checked.set(key, { file: checkedFile(sourceFile, findings, program), optionsKey, epoch: this.epoch, detectors });
    return { findings: [...findings], reused };
  }

  /** Which files the new program changed, and whether other files' findings may have changed with them. */
  private programChanged(program: ts.Program): void {
    const previous = this.currentProgram;
    this.currentProgram = program;
    for (const entry of this.checked.values()) entry.detectors = undefined;
    if (!previous) return;
    const files = program.getSourceFiles();
    if (files.length !== previous.getSourceFiles().length || program.getCompilerOptions() !== previous.getCompilerOptions()) {
      this.epoch++;
      return;
    }
    for (const sourceFile of files) {
      if (previous.getSourceFile(sourceFile.fileName) === sourceFile) continue;
      // A file checked here before (an open file: closing one forgets it) may prove its edit local when checked
      // again; other changes (on disk, files of other projects) are never checked here.
      const key = fileKey(sourceFile.fileName);
      if (this.checked.has(key)) this.unproven.add(key);
      else this.epoch++;
    }
  }
}

/** The key of a file in maps: lower case on case-insensitive file systems, like TypeScript's `Path`. */
function fileKey(fileName: string): string {
  return ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase();
}
