/**
 * `unblock-cli fix`: every finding of both rules in a project, rewritten where a fix keeps behaviour, in rounds
 * (fixes are computed again on the rewritten text until none is left to take), then type-checked with the project's
 * own tsconfig: a file whose edits bring a new type error is put back as it was (with every other file an edit that
 * touched it also touched), and the report says why. Nothing is written until the end, and nothing with `dryRun`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';
import { checkFile, detectorsFor, formatMessage, newErrors, type CheckOptions, type Detectors, type Finding, type Fix } from 'unblock-core';
import { applyEdits, FileEdits, lineOf } from './edits.js';
import { optionsSource, type FileOptions } from './eslint-options.js';
import { formatDiagnostic, Project, typeErrors, UsageError } from './project.js';
import { chainKey, planChainRound } from './chains.js';

export interface FixOptions {
  readonly cwd: string;
  readonly project?: string | undefined;
  /** Files or folders to fix; all of the project when empty. */
  readonly paths: readonly string[];
  /** Also move CPU-bound work to worker threads. */
  readonly worker: boolean;
  /** Also make the chains of indirect findings async. */
  readonly chains: boolean;
  readonly dryRun: boolean;
  /** Read the rules' options from the project's ESLint config. */
  readonly eslintConfig: boolean;
  readonly progress?: ((done: number, total: number) => void) | undefined;
  readonly maxRounds?: number;
}

export interface Entry {
  readonly file: string;
  readonly line: number;
  /** What was done, or what was found. */
  readonly text: string;
  /** Why (refused and left entries); the category the summary counts by. */
  readonly category?: string;
  readonly reason?: string;
}

export interface FixResult {
  readonly applied: Entry[];
  readonly refused: Entry[];
  readonly left: Entry[];
  /** Rewritten files: their text before and after. */
  readonly changes: Map<string, { before: string; after: string }>;
  /** Type errors of the project after the fix, and before it. */
  readonly typeErrors: { before: number; after: number };
  readonly optionsFrom: string;
  /** Files of the project the ESLint config ignores (not checked). */
  readonly ignored: number;
  readonly optionProblems: readonly string[];
  readonly rounds: number;
}

/** A change made of the edits of one fix or one chain, possibly across files. */
export interface Unit {
  readonly entry: Entry;
  readonly files: Set<string>;
}

export async function runFix(options: FixOptions): Promise<FixResult> {
  const project = new Project(options.cwd, options.project);
  const source = await optionsSource(project.dir, options.eslintConfig);
  const targets = targetFilter(options);
  const original = project.build();
  const files = project.sourceFiles(original);
  const syntaxErrors = files.flatMap((file) => [...original.getSyntacticDiagnostics(file)]);
  if (syntaxErrors.length > 0) {
    throw new UsageError(`syntax errors; fix them first:\n${syntaxErrors.map((diagnostic) => formatDiagnostic(diagnostic, options.cwd)).join('\n')}`);
  }
  const fileOptions = new Map<string, FileOptions>();
  for (const file of files) if (targets(file.fileName)) fileOptions.set(file.fileName, await source.forFile(file.fileName));
  const checked = [...fileOptions].filter((entry): entry is [string, CheckOptions] => entry[1] !== 'ignored').map(([file]) => file);
  if (options.paths.length > 0 && checked.length === 0) throw new UsageError(`no file of ${project.configFile} is under ${options.paths.join(', ')}`);
  const before = typeErrors(original, files);

  const units: Unit[] = [];
  const chainRefusals = new Map<string, Entry>();
  const findingsOf = (program: ts.Program) => findAll(program, checked, fileOptions as Map<string, CheckOptions>, options.progress);
  let rounds = 0;
  for (let chainsDone = false; rounds < (options.maxRounds ?? 50); rounds++) {
    const program = project.build();
    const findings = findingsOf(program);
    const taken = new Map<string, FileEdits>();
    for (const { file, finding } of findings) {
      const fix = pick(finding.fixes, options.worker);
      if (finding.kind !== 'direct' || !fix) continue;
      const edits = taken.get(file) ?? new FileEdits();
      taken.set(file, edits);
      const fresh = edits.fits(fix.edits);
      if (!fresh) continue;
      edits.take(fresh);
      const text = project.textOf(file);
      units.push({ entry: { file, line: lineOf(text, finding.range[0]), text: fix.title }, files: new Set([file]) });
    }
    if (taken.size === 0 && options.chains && !chainsDone) {
      // Direct fixes are done: make the chains of the indirect findings async, then fix what that uncovers.
      const indirect = findings.filter(({ finding }) => finding.kind === 'indirect');
      const round = planChainRound(program, indirect, (file) => fileOptions.get(file), taken, project);
      for (const [key, entry] of round.refused) chainRefusals.set(key, entry);
      units.push(...round.units);
      chainsDone = round.units.length === 0;
    }
    if (taken.size === 0) break;
    for (const [file, edits] of taken) project.setText(file, applyEdits(project.textOf(file), edits.edits));
    if (options.chains) chainsDone = false;
  }

  // Type-check; put back what brings new errors, until no edit does.
  const refused: Entry[] = [];
  let program = project.build();
  for (let attempt = 0; attempt < 20; attempt++) {
    const added = newErrors(before, typeErrors(program, project.sourceFiles(program)));
    if (added.length === 0) break;
    const changed = new Set(project.changed().keys());
    let revert = new Set(added.map((diagnostic) => diagnostic.file?.fileName).filter((file): file is string => !!file && changed.has(file)));
    if (revert.size === 0) revert = changed; // an error where nothing was edited: no edit can be kept safely
    for (let grew = true; grew; ) {
      grew = false;
      for (const unit of units) {
        if ([...unit.files].some((file) => revert.has(file)) && [...unit.files].some((file) => !revert.has(file))) {
          for (const file of unit.files) revert.add(file);
          grew = true;
        }
      }
    }
    for (const file of revert) {
      const first = added.find((diagnostic) => diagnostic.file?.fileName === file) ?? added[0]!;
      const reason = `it would bring a type error: ${formatDiagnostic(first, options.cwd)}`;
      for (const unit of units.filter((candidate) => candidate.files.has(file) && !candidate.entry.reason)) {
        refused.push({ ...unit.entry, category: 'type error', reason });
        Object.assign(unit.entry, { reason });
      }
      project.revert(file);
    }
    program = project.build();
  }
  const applied = units.filter((unit) => !unit.entry.reason).map((unit) => unit.entry);

  // What is left: the findings of the final program that no fix took.
  const left: Entry[] = [];
  for (const { file, finding } of findingsOf(program)) {
    const line = lineOf(project.textOf(file), finding.range[0]);
    const message = formatMessage(finding, file);
    const chainRefusal = finding.kind === 'indirect' ? chainRefusals.get(chainKey(file, finding)) : undefined;
    if (chainRefusal) {
      refused.push({ file, line, text: message, category: chainRefusal.category ?? 'chain', reason: chainRefusal.reason ?? '' });
      continue;
    }
    // Put back after a type error: counted as refused already.
    const putBack = finding.kind === 'indirect' ? options.chains : !!pick(finding.fixes, options.worker);
    if (putBack && refused.some((entry) => entry.file === file && entry.category === 'type error')) continue;
    left.push({ file, line, text: message, ...leftReason(finding, options) });
  }

  const changes = new Map<string, { before: string; after: string }>();
  for (const [file, after] of project.changed()) {
    const beforeText = project.originalText(file);
    if (after !== beforeText) changes.set(file, { before: beforeText, after });
  }
  if (!options.dryRun) for (const [file, { after }] of changes) writeFileSync(file, after);
  return {
    applied,
    refused,
    left,
    changes,
    typeErrors: { before: before.length, after: typeErrors(program, project.sourceFiles(program)).length },
    optionsFrom: source.description,
    ignored: [...fileOptions.values()].filter((value) => value === 'ignored').length,
    optionProblems: source.problems,
    rounds,
  };
}

function pick(fixes: readonly Fix[], worker: boolean): Fix | undefined {
  return fixes.find((fix) => fix.kind === 'async-twin') ?? (worker ? fixes.find((fix) => fix.kind === 'worker') : undefined);
}

function leftReason(finding: Finding, options: FixOptions): { category: string; reason: string } {
  if (finding.kind === 'indirect') {
    return options.chains
      ? { category: 'chain not rewritten', reason: 'the chain could not be made async' }
      : { category: 'indirect (try --chains)', reason: 'make the chain async: run with --chains' };
  }
  if (finding.fixes.some((fix) => fix.kind === 'worker')) {
    return { category: 'worker thread (try --worker)', reason: 'a worker-thread rewrite exists: run with --worker' };
  }
  if (finding.context.kind !== 'async') return { category: 'not in async code', reason: 'it runs outside async code: no rewrite adds `await` there' };
  return { category: 'no safe rewrite', reason: 'no rewrite keeps its behaviour (result, errors and types)' };
}

/** Every finding of the checked files, with its file. */
function findAll(
  program: ts.Program,
  files: readonly string[],
  options: ReadonlyMap<string, CheckOptions>,
  progress: FixOptions['progress'],
): { file: string; finding: Finding }[] {
  const detectors = new Map<string, Detectors>();
  const found: { file: string; finding: Finding }[] = [];
  files.forEach((file, index) => {
    progress?.(index, files.length);
    const sourceFile = program.getSourceFile(file);
    const fileOptions = options.get(file);
    if (!sourceFile || !fileOptions) return;
    const key = JSON.stringify(fileOptions);
    let detector = detectors.get(key);
    if (!detector) detectors.set(key, (detector = detectorsFor(program, fileOptions)));
    for (const finding of checkFile(sourceFile, detector)) found.push({ file, finding });
  });
  progress?.(files.length, files.length);
  return found;
}

/** Whether a file is among the `paths` given (all files when none is). */
function targetFilter(options: FixOptions): (fileName: string) => boolean {
  const roots = options.paths.map((given) => {
    const resolved = path.resolve(options.cwd, given);
    if (!existsSync(resolved)) throw new UsageError(`${given}: no such file or folder`);
    return resolved;
  });
  if (roots.length === 0) return () => true;
  return (fileName) => roots.some((root) => fileName === root || fileName.startsWith(root + path.sep));
}
