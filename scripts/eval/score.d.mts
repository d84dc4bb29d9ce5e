// Types of score.mjs for the tests.
export type Verdict = 'flag' | 'no-flag';
export type Kind = 'direct' | 'indirect';
export interface Label {
  file: string;
  line: number;
  column: number;
  api: string;
  expected: Partial<Record<Kind, Verdict>>;
  reason: string;
  sampled?: false;
}
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
}
export type Outcome = 'TP' | 'FP' | 'FN' | 'TN';
export interface Metrics {
  TP: number;
  FP: number;
  FN: number;
  TN: number;
  precision: number | undefined;
  recall: number | undefined;
}
export const kinds: Kind[];
export function validateLabels(project: string, rows: unknown[]): string[];
export function labelledName(api: string): string | undefined;
export function checkPositions(project: string, rows: Label[], readLine: (file: string, line: number) => string | undefined): string[];
export function matchFindings(labels: Label[], findings: Finding[]): { byLabel: Map<Label, Finding>; unmatched: Finding[] };
export function scoreKind(
  kind: Kind,
  labels: Label[],
  findings: Finding[],
): { outcomes: { label: Label; outcome: Outcome; finding?: Finding }[]; off: Finding[]; offScored: boolean };
export function metrics(outcomes: { outcome: Outcome }[], offFindings?: number): Metrics;
export function parseLabelFile(project: string, text: string): { rows: Label[]; problems: string[] };
