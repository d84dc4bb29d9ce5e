/** The words of the VS Code language status item (vscode-client/src/status-text.ts): cached results, counts. */
import { describe, expect, it } from 'vitest';
import { analysisDetail, findingsText } from '../vscode-client/src/status-text.js';

describe('the VS Code status item words', () => {
  it('says "cached result" with the time of the analysis that ran, never "last analysis 0 ms" for a cached one', () => {
    expect(analysisDetail({ lastAnalysisMs: 215 }, 215)).toBe('last analysis 215 ms');
    expect(analysisDetail({ lastAnalysisMs: 0, cached: true }, 215)).toBe('cached result — last analysis 215 ms');
    expect(analysisDetail({ lastAnalysisMs: 0, cached: true }, undefined)).toBe('cached result');
    expect([0, 1, 2].map(findingsText)).toEqual(['0 blocking calls', '1 blocking call', '2 blocking calls']);
  });
});
