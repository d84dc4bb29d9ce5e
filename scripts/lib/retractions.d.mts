import type { DetectorOptions, Finding } from 'unblock-core';

export interface Comparison {
  readonly preliminary: Finding[];
  readonly typed: Finding[];
  /** Preliminary findings the typed check does not report. */
  readonly retracted: Finding[];
}

export function sameFinding(a: Finding, b: Finding): boolean;
export function compare(preliminary: Finding[], typed: Finding[]): Comparison;

export class ProjectUnderTest {
  constructor(directory: string);
  readonly directory: string;
  readonly fileNames: readonly string[];
  /** Both passes on `fileName` with `text` (default: as on disk), the direct rule's options `options`. */
  compare(fileName: string, options: DetectorOptions, text?: string): Comparison;
}
