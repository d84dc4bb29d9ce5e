// Types of soak-edits.mjs, for the TypeScript tests that import it.
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export const defaultSeed: number;
export const defaultEdits: number;


export function soakProjectFiles(): Record<string, string>;
export const soakOpenFiles: readonly string[];

export function positionAt(text: string, offset: number): Position;
export function offsetAt(text: string, position: Position): number;
export function applyChange(text: string, change: TextDocumentContentChangeEvent): string;

export interface SoakEdit {
  index: number;
  file: string;
  version: number;
  kind: string;
  changes: TextDocumentContentChangeEvent[];
}
export class SoakEditor {
  constructor(options?: { seed?: number; files?: Record<string, string>; open?: readonly string[] });
  readonly texts: Map<string, string>;
  readonly versions: Map<string, number>;
  readonly isTyping: boolean;
  nextEdit(): SoakEdit;
}
