/**
 * unblock-core: finds blocking calls inside async JavaScript/TypeScript code (TypeScript syntax tree and type
 * checker in, plain findings out) and the fixes for them. It imports only `typescript` and Node's own modules;
 * the ESLint rules and the language server are adapters over it.
 */
// Contracts: what users configure, what is reported, and how it is worded (also alone: `unblock-core/contracts`).
export * from './contracts.js';
// Knowledge: the catalog of blocking APIs and of APIs that run callbacks.
export { blockingApis, catalogModule, findBlockingApi, offloadApis, packages } from './catalog/index.js';
export { syncCallbackApis, type CallbackApi } from './catalog/callback-apis.js';
// Analysis.
export { findAsyncContext, findingContext, mayBeInAsyncContext, type AsyncContext, type CallbackTiming, type ContextSyntax } from './analysis/context.js';
export { BlockingCallDetector, checkFile, deniedAdvice, detectorFor, detectorsFor, userApi, type Detectors } from './analysis/detect.js';
export { argumentsOf, CallResolver, isCallLike, specifierMatches, type CallLike } from './analysis/resolve.js';
export { nodePrefixed, originOf, packageOfFile, type Origin } from './analysis/origin.js';
export { FunctionSummaries, type Summary } from './analysis/summaries.js';
export { blockingTagNames, hasMarker } from './analysis/jsdoc-tags.js';
// Incremental checking, for editors.
export { checkedFile, checkEditedFile, prepareEdit, type CheckedFile, type PreparedEdit } from './incremental/edit.js';
export { IncrementalChecker, type CheckResult } from './incremental/checker.js';
