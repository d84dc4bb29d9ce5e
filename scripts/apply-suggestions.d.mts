// Types of apply-suggestions.mjs, for the TypeScript tests that import it.
export interface AppliedSuggestion {
  file: string;
  line: number;
  title: string;
}
export interface UnfixedFinding {
  file: string;
  line: number;
  message: string;
}
export function applySuggestions(options: {
  projectDir: string;
  prefer?: 'twin' | 'worker' | 'chain';
  only?: boolean;
  maxSteps?: number;
}): { applied: AppliedSuggestion[]; unfixed: UnfixedFinding[] };
