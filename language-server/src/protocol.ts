/**
 * The server ↔ client contract beyond LSP itself, imported by the VS Code extension: what the client tells the server
 * when it starts, the `unblock/status` notification, the documentation command, and the environment to start the
 * server in. Imports nothing that would pull the analysis into a client's bundle.
 */
import { ruleDocsUrl, ruleNames } from 'unblock-core/contracts';

export { serverEnvironment, withServerEnvironment } from './memory.js';

/** What the client says about itself in `initializationOptions`. */
export interface InitializationOptions {
  /** The workspace is trusted: its ESLint config may be loaded (it runs the workspace's code). */
  readonly trusted?: boolean;
  /** Settings for clients without `workspace/configuration`. */
  readonly settings?: unknown;
  /**
   * While a file's TypeScript project loads, answer at once with the findings import tracking confirms without
   * types (status `loading-types`), then with the typed ones (default true). False: every answer waits for types.
   */
  readonly preliminary?: boolean;
}

/**
 * Sent after each analysis of a document: what a status item shows for it. `loading-types`: the findings are the
 * preliminary ones (import tracking, no types) while the project's program loads; the typed ones follow.
 */
export const statusNotification = 'unblock/status';

export interface StatusParams {
  readonly uri: string;
  readonly state: 'ok' | 'error' | 'disabled' | 'loading-types';
  /** How long the analysis took; with `cached`, the time of looking the findings up. */
  readonly lastAnalysisMs: number;
  readonly findings: number;
  /** The findings of the previous analysis, handed back: nothing they depend on changed. */
  readonly cached?: boolean;
}

/** Opens a rule's documentation page (its https URL the one argument); the server answers it, clients may too. */
export const showDocumentationCommand = 'unblock.showDocumentation';

/** The page a documentation command without an argument opens. */
export const defaultDocumentationUrl = ruleDocsUrl(ruleNames.direct);
