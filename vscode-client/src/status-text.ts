/** The words of the language status item for an analysed file (apart from `status.ts`, which needs VS Code). */
import type { StatusParams } from 'unblock-language-server/protocol';

/** "3 blocking calls", "1 blocking call". */
export function findingsText(findings: number): string {
  return `${findings} blocking call${findings === 1 ? '' : 's'}`;
}

/**
 * The detail line: the time of the last analysis that ran. A cached result (the previous findings, handed back in
 * no time) says so, with the time of the analysis that produced them when it is known.
 */
export function analysisDetail(status: Pick<StatusParams, 'lastAnalysisMs' | 'cached'>, lastRunMs: number | undefined): string {
  if (!status.cached) return `last analysis ${status.lastAnalysisMs} ms`;
  return lastRunMs === undefined ? 'cached result' : `cached result — last analysis ${lastRunMs} ms`;
}
