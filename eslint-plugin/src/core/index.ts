/** The detection core: TypeScript AST + type checker in, plain findings out. No ESLint or LSP imports. */
export * from './catalog/types.js';
export { blockingApis, packages, findBlockingApi, offloadApis } from './catalog/index.js';
export { syncCallbackApis, type CallbackApi } from './callback-apis.js';
export * from './context.js';
export * from './finding.js';
export { BlockingCallDetector, type DetectorOptions } from './detect.js';
export { checkedFile, checkEditedFile, prepareEdit, type CheckedFile, type PreparedEdit } from './incremental.js';
export { CallResolver, specifierMatches, type TypeOrValueSpecifier } from './resolve.js';
export { canonicalModule, originOf, packageOfFile, type Origin } from './origin.js';
export { FunctionSummaries, defaultSummaryLimits, type ChainLink, type Summary, type SummaryLimits } from './summaries.js';
export { hasMarker, blockingTagNames } from './jsdoc-tags.js';
