/**
 * `--chains`: one round of "make the chain async" over the indirect findings of a program. Findings whose chains
 * share a function, or call each other, are planned together (the core's `planAsyncChains`); a plan is taken when its
 * edits, in every file it touches, fit beside those already taken this round, and waits for the next round otherwise.
 */
import type * as ts from 'typescript';
import { detectorFor, planAsyncChains, type CheckOptions, type Finding } from 'unblock-core';
import { FileEdits, lineOf } from './edits.js';
import type { FileOptions } from './eslint-options.js';
import type { Entry, Unit } from './fix.js';

export interface ChainRound {
  readonly units: Unit[];
  /** By `chainKey`: why the chain of a finding was not made async. */
  readonly refused: Map<string, Entry>;
}

export function planChainRound(
  program: ts.Program,
  found: readonly { file: string; finding: Finding }[],
  optionsOf: (file: string) => FileOptions | undefined,
  taken: Map<string, FileEdits>,
  texts: { textOf(file: string): string },
): ChainRound {
  const units: Unit[] = [];
  const refused = new Map<string, Entry>();
  const files = new Map(found.map(({ file, finding }) => [finding, file]));
  const fileOf = (finding: Finding) => files.get(finding);
  const byDetector = new Map<string, { options: CheckOptions; findings: Finding[] }>();
  for (const { file, finding } of found) {
    const options = optionsOf(file);
    if (!options || options === 'ignored' || !options.indirect) continue;
    const key = JSON.stringify(options.indirect);
    const entry = byDetector.get(key) ?? { options, findings: [] };
    entry.findings.push(finding);
    byDetector.set(key, entry);
  }
  for (const { options, findings } of byDetector.values()) {
    for (const { findings: group, result: plan } of planAsyncChains(detectorFor(program, options.indirect!), findings)) {
      const first = group[0]!;
      const file = fileOf(first)!;
      if ('refused' in plan) {
        for (const finding of group) {
          const at = fileOf(finding)!;
          refused.set(chainKey(at, finding), { file: at, line: 0, text: '', category: plan.refused, reason: plan.message });
        }
        continue;
      }
      const fitted = new Map<string, ReturnType<FileEdits['fits']>>();
      for (const [target, edits] of plan.edits) fitted.set(target, (taken.get(target) ?? new FileEdits()).fits(edits));
      if ([...fitted.values()].some((edits) => !edits)) continue; // overlaps another plan: next round
      for (const [target, edits] of fitted) {
        const fileEdits = taken.get(target) ?? new FileEdits();
        fileEdits.take(edits!);
        taken.set(target, fileEdits);
      }
      units.push({ entry: { file, line: lineOf(texts.textOf(file), first.range[0]), text: plan.title }, files: new Set(plan.edits.keys()) });
    }
  }
  return { units, refused };
}

/** A finding's chain, by what it is made of (offsets move as files are rewritten). */
export function chainKey(file: string, finding: Finding): string {
  return `${file}|${(finding.chain ?? []).map((link) => link.label).join('>')}`;
}
